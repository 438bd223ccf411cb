package io.cxhub.gateway.testing;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import io.cxhub.proto.survey.v1.ExportResponsesRequest;
import io.cxhub.proto.survey.v1.ResponseServiceGrpc;
import io.grpc.stub.StreamObserver;

/** A response-service stand-in whose export streams {@link #CHUNKS} as CSV. */
public final class FakeResponseService extends ResponseServiceGrpc.ResponseServiceImplBase {

  public static final String[] CHUNKS = {
    "response_id,comment\r\n", "r1,\"Livré « vite », \"\"super\"\"\nmerci\"\r\n", "r2,élève\r\n"};

  /** The watchers connected to {@code WatchResponses}, to which a test emits responses. */
  public final java.util.List<StreamObserver<io.cxhub.proto.survey.v1.SurveyResponse>> watchers =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public void watchResponses(io.cxhub.proto.survey.v1.WatchResponsesRequest request,
      StreamObserver<io.cxhub.proto.survey.v1.SurveyResponse> response) {
    watchers.add(response);
  }

  /** Sends {@code response} to every watcher. */
  public void emit(io.cxhub.proto.survey.v1.SurveyResponse response) {
    watchers.forEach(w -> w.onNext(response));
  }

  /** Survey id whose export sends its first chunk, then holds the rest until {@link #releaseHeld}. */
  public static final String HELD = "held";
  /** Opened by the test once the first chunk reached it over HTTP. */
  public final java.util.concurrent.CountDownLatch releaseHeld = new java.util.concurrent.CountDownLatch(1);
  /** Whether the held export was released by the test (false: it gave up waiting). */
  public volatile boolean heldReleased;

  @Override
  public void exportResponses(ExportResponsesRequest request, StreamObserver<HttpBody> response) {
    for (int i = 0; i < CHUNKS.length; i++) {
      response.onNext(HttpBody.newBuilder().setContentType("text/csv; charset=utf-8")
          .setData(ByteString.copyFromUtf8(CHUNKS[i])).build());
      if (i == 0 && HELD.equals(request.getSurveyId())) {
        try {
          heldReleased = releaseHeld.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    response.onCompleted();
  }
}
