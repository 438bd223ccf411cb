package io.cxhub.persona.customer.grpc;

import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.CustomerDirectory;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.LookupCustomersRequest;
import io.cxhub.proto.persona.v1.LookupCustomersResponse;
import io.cxhub.proto.persona.v1.UpsertCustomerRequest;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.persona.v1.CustomerService endpoint (tenant-scoped). */
@Service
class CustomerGrpcService extends CustomerServiceGrpc.CustomerServiceImplBase {

  private final CustomerDirectory directory;

  CustomerGrpcService(CustomerDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void upsertCustomer(UpsertCustomerRequest request, StreamObserver<io.cxhub.proto.persona.v1.Customer> response) {
    var customer = directory.upsert(
        TenantContext.require(), request.getCustomerId(), request.getSegment(), request.getPersonaId());
    response.onNext(toProto(customer));
    response.onCompleted();
  }

  @Override
  public void lookupCustomers(LookupCustomersRequest request, StreamObserver<LookupCustomersResponse> response) {
    var found = directory.lookup(TenantContext.require(), request.getCustomerIdsList());
    var reply = LookupCustomersResponse.newBuilder();
    found.forEach(c -> reply.addCustomers(toProto(c)));
    response.onNext(reply.build());
    response.onCompleted();
  }

  private static io.cxhub.proto.persona.v1.Customer toProto(Customer c) {
    return io.cxhub.proto.persona.v1.Customer.newBuilder()
        .setCustomerId(c.customerId())
        .setSegment(c.segment())
        .setPersonaId(c.personaId())
        .setUpdateTime(ProtoTimestamps.toProto(c.updateTime()))
        .build();
  }
}
