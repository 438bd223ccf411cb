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

  @Override
  public void exportResponses(ExportResponsesRequest request, StreamObserver<HttpBody> response) {
    for (String chunk : CHUNKS) {
      response.onNext(HttpBody.newBuilder().setContentType("text/csv; charset=utf-8")
          .setData(ByteString.copyFromUtf8(chunk)).build());
    }
    response.onCompleted();
  }
}
