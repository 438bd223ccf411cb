package io.cxhub.persona.subject.grpc;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.persona.customer.grpc.CustomerSubjectData;
import io.cxhub.proto.common.v1.EraseSubjectDataRequest;
import io.cxhub.proto.common.v1.EraseSubjectDataResponse;
import io.cxhub.proto.common.v1.ExportSubjectDataRequest;
import io.cxhub.proto.common.v1.ExportSubjectDataResponse;
import io.cxhub.proto.common.v1.SubjectDataServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/**
 * persona-service's implementation of the internal cx.common.v1.SubjectDataService (the same
 * part its own tracked requests run in-process).
 */
@Service
class SubjectDataGrpcService extends SubjectDataServiceGrpc.SubjectDataServiceImplBase {

  private final CustomerSubjectData part;

  SubjectDataGrpcService(CustomerSubjectData part) {
    this.part = part;
  }

  @Override
  public void eraseSubjectData(EraseSubjectDataRequest request, StreamObserver<EraseSubjectDataResponse> response) {
    require(request.getCustomerId());
    long items = part.erase(TenantContext.require(), request.getCustomerId(), request.getRequestId());
    response.onNext(EraseSubjectDataResponse.newBuilder().setItemsErased(items).build());
    response.onCompleted();
  }

  @Override
  public void exportSubjectData(ExportSubjectDataRequest request, StreamObserver<ExportSubjectDataResponse> response) {
    require(request.getCustomerId());
    var section = part.export(TenantContext.require(), request.getCustomerId(), request.getRequestId());
    response.onNext(ExportSubjectDataResponse.newBuilder().setJson(section.json()).setItems(section.items()).build());
    response.onCompleted();
  }

  private static void require(String customerId) {
    if (customerId.isBlank()) {
      throw InvalidInputException.of("customer_id", "is required");
    }
  }
}
