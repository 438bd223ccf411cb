package io.cxhub.persona.customer.grpc;

import com.google.protobuf.Empty;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.persona.customer.CustomerDirectory;
import io.cxhub.persona.customer.CustomerFilter;
import io.cxhub.persona.value.CustomerValuations;
import io.cxhub.persona.value.grpc.ValueGrpcMapper;
import io.cxhub.proto.persona.v1.ComputeCustomerValueRequest;
import io.cxhub.proto.persona.v1.CustomerValueReport;
import io.cxhub.proto.persona.v1.GetCustomerValueReportRequest;
import io.cxhub.proto.persona.v1.ApplyCustomerEventsRequest;
import io.cxhub.proto.persona.v1.ApplyCustomerEventsResponse;
import io.cxhub.proto.persona.v1.BatchUpsertCustomersRequest;
import io.cxhub.proto.persona.v1.BatchUpsertCustomersResponse;
import io.cxhub.proto.persona.v1.Customer;
import io.cxhub.proto.persona.v1.CustomerLineError;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.DeleteCustomerRequest;
import io.cxhub.proto.persona.v1.GetCustomerRequest;
import io.cxhub.proto.persona.v1.ImportCustomersRequest;
import io.cxhub.proto.persona.v1.ImportCustomersResponse;
import io.cxhub.proto.persona.v1.ListCustomersRequest;
import io.cxhub.proto.persona.v1.ListCustomersResponse;
import io.cxhub.proto.persona.v1.LookupCustomersRequest;
import io.cxhub.proto.persona.v1.LookupCustomersResponse;
import io.cxhub.proto.persona.v1.UpsertCustomerRequest;
import io.grpc.stub.StreamObserver;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The cx.persona.v1.CustomerService endpoint (tenant-scoped). */
@Service
class CustomerGrpcService extends CustomerServiceGrpc.CustomerServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(CustomerGrpcService.class);
  private static final Set<String> CSV_TYPES = Set.of("text/csv", "application/csv");
  static final int MAX_IMPORT_BYTES = 1 << 20;

  private final CustomerDirectory directory;
  private final CustomerValuations valuations;

  CustomerGrpcService(CustomerDirectory directory, CustomerValuations valuations) {
    this.directory = directory;
    this.valuations = valuations;
  }

  @Override
  public void computeCustomerValue(ComputeCustomerValueRequest request, StreamObserver<CustomerValueReport> response) {
    response.onNext(ValueGrpcMapper.toProto(valuations.compute(TenantContext.require())));
    response.onCompleted();
  }

  @Override
  public void getCustomerValueReport(GetCustomerValueReportRequest request,
      StreamObserver<CustomerValueReport> response) {
    response.onNext(ValueGrpcMapper.toProto(valuations.last(TenantContext.require())));
    response.onCompleted();
  }

  @Override
  public void upsertCustomer(UpsertCustomerRequest request, StreamObserver<Customer> response) {
    var customer = directory.upsert(TenantContext.require(), CustomerProtoMapper.toUpsert(request));
    response.onNext(CustomerProtoMapper.toProto(customer));
    response.onCompleted();
  }

  @Override
  public void batchUpsertCustomers(BatchUpsertCustomersRequest request,
      StreamObserver<BatchUpsertCustomersResponse> response) {
    String tenantId = TenantContext.require();
    var stored = directory.upsertAll(tenantId,
        request.getCustomersList().stream().map(CustomerProtoMapper::toUpsert).toList());
    log.info("customers upserted tenant={} count={}", tenantId, stored.size());
    var reply = BatchUpsertCustomersResponse.newBuilder();
    stored.forEach(c -> reply.addCustomers(CustomerProtoMapper.toProto(c)));
    response.onNext(reply.build());
    response.onCompleted();
  }

  @Override
  public void importCustomers(ImportCustomersRequest request, StreamObserver<ImportCustomersResponse> response) {
    String tenantId = TenantContext.require();
    var body = request.getBody();
    String type = body.getContentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!CSV_TYPES.contains(type)) {
      throw InvalidInputException.of("body.content_type",
          "must be text/csv (a header line, then one customer per line), not '" + body.getContentType() + "'");
    }
    if (body.getData().size() > MAX_IMPORT_BYTES) {
      throw InvalidInputException.of("body.data", "must be at most " + MAX_IMPORT_BYTES + " bytes");
    }
    String csv;
    try {
      csv = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(body.getData().asReadOnlyByteBuffer()).toString();
    } catch (CharacterCodingException e) {
      throw InvalidInputException.of("body.data", "must be UTF-8 text");
    }
    var report = directory.importCsv(tenantId, csv);
    log.info("customers imported tenant={} lines={} upserted={} rejected={}", tenantId, report.lines(),
        report.upserted(), report.rejected());
    var reply = ImportCustomersResponse.newBuilder()
        .setLines(report.lines()).setUpserted(report.upserted()).setRejected(report.rejected());
    report.errors().forEach(e -> reply.addErrors(CustomerLineError.newBuilder()
        .setLine(e.line()).setField(e.field()).setDescription(e.description())));
    response.onNext(reply.build());
    response.onCompleted();
  }

  @Override
  public void getCustomer(GetCustomerRequest request, StreamObserver<Customer> response) {
    response.onNext(CustomerProtoMapper.toProto(directory.get(TenantContext.require(), request.getCustomerId())));
    response.onCompleted();
  }

  @Override
  public void listCustomers(ListCustomersRequest request, StreamObserver<ListCustomersResponse> response) {
    var page = directory.list(TenantContext.require(),
        new CustomerFilter(request.getSegment(), request.getPersonaId(), request.getCountry()),
        request.getPageSize(), request.getPageToken());
    var reply = ListCustomersResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.customers().forEach(c -> reply.addCustomers(CustomerProtoMapper.toProto(c)));
    response.onNext(reply.build());
    response.onCompleted();
  }

  @Override
  public void deleteCustomer(DeleteCustomerRequest request, StreamObserver<Empty> response) {
    String tenantId = TenantContext.require();
    directory.delete(tenantId, request.getCustomerId());
    log.info("customer deleted tenant={}", tenantId);
    response.onNext(Empty.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void applyCustomerEvents(ApplyCustomerEventsRequest request,
      StreamObserver<ApplyCustomerEventsResponse> response) {
    String tenantId = TenantContext.require();
    var events = request.getEventsList().stream().map(CustomerProtoMapper::toEvent).toList();
    int applied = directory.applyEvents(tenantId, events);
    log.info("customer events applied tenant={} received={} applied={}", tenantId, events.size(), applied);
    response.onNext(ApplyCustomerEventsResponse.newBuilder()
        .setApplied(applied).setDuplicates(events.size() - applied).build());
    response.onCompleted();
  }

  @Override
  public void eraseSubject(io.cxhub.proto.persona.v1.EraseSubjectRequest request,
      StreamObserver<io.cxhub.proto.persona.v1.EraseSubjectResponse> response) {
    String tenantId = TenantContext.require();
    boolean deleted = directory.erase(tenantId, request.getCustomerId());
    log.info("data subject erased tenant={} profileDeleted={}", tenantId, deleted);
    response.onNext(io.cxhub.proto.persona.v1.EraseSubjectResponse.newBuilder().setProfileDeleted(deleted).build());
    response.onCompleted();
  }

  @Override
  public void lookupCustomers(LookupCustomersRequest request, StreamObserver<LookupCustomersResponse> response) {
    var found = directory.lookup(TenantContext.require(), request.getCustomerIdsList());
    var reply = LookupCustomersResponse.newBuilder();
    // the segment and persona that slice indicators: the stated ones, else the first rule
    // segment and the assigned persona
    found.forEach(c -> reply.addCustomers(CustomerProtoMapper.toProto(c).toBuilder()
        .setSegment(c.slicingSegment()).setPersonaId(c.slicingPersona())));
    response.onNext(reply.build());
    response.onCompleted();
  }
}
