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

  @Override
  public void exportResponses(ExportResponsesRequest request, StreamObserver<HttpBody> response) {
    for (String chunk : CHUNKS) {
      response.onNext(HttpBody.newBuilder().setContentType("text/csv; charset=utf-8")
          .setData(ByteString.copyFromUtf8(chunk)).build());
    }
    response.onCompleted();
  }
}
