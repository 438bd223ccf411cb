package io.cxhub.kit.subject;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.common.v1.EraseSubjectDataRequest;
import io.cxhub.proto.common.v1.EraseSubjectDataResponse;
import io.cxhub.proto.common.v1.ExportSubjectDataRequest;
import io.cxhub.proto.common.v1.ExportSubjectDataResponse;
import io.cxhub.proto.common.v1.SubjectDataServiceGrpc;

import io.grpc.stub.StreamObserver;

/** A service's part of data-subject requests: the internal cx.common.v1.SubjectDataService over its {@link SubjectParts}. */

public class SubjectDataGrpcService extends SubjectDataServiceGrpc.SubjectDataServiceImplBase {

  private final SubjectParts parts;

  public SubjectDataGrpcService(SubjectParts parts) {
    this.parts = parts;
  }

  @Override
  public void eraseSubjectData(EraseSubjectDataRequest request, StreamObserver<EraseSubjectDataResponse> response) {
    long items = parts.erase(TenantContext.require(), request.getCustomerId(), request.getRequestId());
    response.onNext(EraseSubjectDataResponse.newBuilder().setItemsErased(items).build());
    response.onCompleted();
  }

  @Override
  public void exportSubjectData(ExportSubjectDataRequest request, StreamObserver<ExportSubjectDataResponse> response) {
    var export = parts.export(TenantContext.require(), request.getCustomerId());
    response.onNext(ExportSubjectDataResponse.newBuilder().setJson(export.json()).setItems(export.items()).build());
    response.onCompleted();
  }
}
