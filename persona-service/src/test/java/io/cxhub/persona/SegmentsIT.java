package io.cxhub.persona;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.proto.persona.v1.BatchUpsertCustomersRequest;
import io.cxhub.proto.persona.v1.CustomerDemographics;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import io.cxhub.proto.persona.v1.CustomerTransactional;
import io.cxhub.proto.persona.v1.DeleteSegmentRequest;
import io.cxhub.proto.persona.v1.GetCustomerRequest;
import io.cxhub.proto.persona.v1.GetSegmentOperationRequest;
import io.cxhub.proto.persona.v1.GetSegmentRequest;
import io.cxhub.proto.persona.v1.ListSegmentSizesRequest;
import io.cxhub.proto.persona.v1.ListSegmentsRequest;
import io.cxhub.proto.persona.v1.LookupCustomersRequest;
import io.cxhub.proto.persona.v1.SegmentComparison;
import io.cxhub.proto.persona.v1.SegmentMembership;
import io.cxhub.proto.persona.v1.SegmentOperation;
import io.cxhub.proto.persona.v1.SegmentOperationState;
import io.cxhub.proto.persona.v1.SegmentOperator;
import io.cxhub.proto.persona.v1.SegmentRule;
import io.cxhub.proto.persona.v1.SegmentRuleGroup;
import io.cxhub.proto.persona.v1.SegmentServiceGrpc;
import io.cxhub.proto.persona.v1.SegmentServiceGrpc.SegmentServiceBlockingStub;
import io.cxhub.proto.persona.v1.SegmentValue;
import io.cxhub.proto.persona.v1.UpsertCustomerRequest;
import io.cxhub.proto.persona.v1.UpsertSegmentRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.cxhub.kit.testing.EmbeddedMongoInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.test.LocalGrpcPort;
import org.springframework.test.context.ContextConfiguration;

/** Segments through the real gRPC server and the embedded MongoDB server. */
@SpringBootTest(
    classes = {PersonaServiceApplication.class, PersonaServiceIT.FixedClock.class},
    properties = {"spring.config.name=" + PersonaServiceApplication.NAME, "spring.grpc.server.port=0", "server.port=0",
        "cx.persona.segment-snapshot.enabled=false", "cx.persona.value-refresh.enabled=false"})
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
class SegmentsIT {

  @LocalGrpcPort int grpcPort;
  ManagedChannel channel;

  @BeforeEach
  void connect() {
    channel = NettyChannelBuilder.forAddress("localhost", grpcPort).usePlaintext().build();
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, SECONDS);
  }

  CustomerServiceBlockingStub customers(String tenant) {
    return asTenant(CustomerServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, SECONDS);
  }

  SegmentServiceBlockingStub segments(String tenant) {
    return asTenant(SegmentServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, SECONDS);
  }

  static UpsertCustomerRequest customer(String id, String country, int orders, double spent) {
    var t = CustomerTransactional.newBuilder().setOrderCount(orders).setTotalSpent(spent);
    if (spent > 0) {
      t.setCurrency("EUR");
    }
    return UpsertCustomerRequest.newBuilder().setCustomerId(id)
        .setDemographics(CustomerDemographics.newBuilder().setCountry(country))
        .setTransactional(t).build();
  }

  static SegmentRule in(String attribute, String... values) {
    return SegmentRule.newBuilder().setIn(SegmentMembership.newBuilder().setAttribute(attribute).addAllValues(java.util.List.of(values))).build();
  }

  static SegmentRule atLeast(String attribute, double value) {
    return SegmentRule.newBuilder().setCompare(SegmentComparison.newBuilder().setAttribute(attribute)
        .setOperator(SegmentOperator.SEGMENT_OPERATOR_GE).setValue(SegmentValue.newBuilder().setNumber(value))).build();
  }

  static SegmentRule all(SegmentRule... rules) {
    return SegmentRule.newBuilder().setAll(SegmentRuleGroup.newBuilder().addAllRules(java.util.List.of(rules))).build();
  }

  static SegmentOperation awaitDone(SegmentServiceBlockingStub stub, String operationId) throws InterruptedException {
    var request = GetSegmentOperationRequest.newBuilder().setOperationId(operationId).build();
    for (int i = 0; i < 200; i++) {
      var op = stub.getSegmentOperation(request);
      if (op.getState() != SegmentOperationState.SEGMENT_OPERATION_STATE_RUNNING) {
        return op;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("operation still running: " + operationId);
  }

  java.util.List<String> segmentIds(String tenant, String customerId) {
    return customers(tenant).getCustomer(GetCustomerRequest.newBuilder().setCustomerId(customerId).build()).getSegmentIdsList();
  }

  @Test
  void aNewRuleReEvaluatesEveryCustomerAsAnOperationAndChangesAreEvaluatedAtOnce() throws InterruptedException {
    String tenant = newTenant();
    customers(tenant).batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder()
        .addCustomers(customer("a", "FR", 10, 900))
        .addCustomers(customer("b", "FR", 1, 20))
        .addCustomers(customer("c", "DE", 12, 2000)).build());

    var saved = segments(tenant).upsertSegment(UpsertSegmentRequest.newBuilder().setSegmentId("big-fr")
        .setDisplayName("Big spenders in France").setRule(all(in("country", "FR", "BE"), atLeast("spent", 500))).build());
    var op = awaitDone(segments(tenant), saved.getOperationId());

    assertThat(op.getState()).isEqualTo(SegmentOperationState.SEGMENT_OPERATION_STATE_SUCCEEDED);
    assertThat(op.getTotal()).isEqualTo(3);
    assertThat(op.getDone()).isEqualTo(3);
    assertThat(op.getChanged()).isEqualTo(1);
    assertThat(segmentIds(tenant, "a")).containsExactly("big-fr");
    assertThat(segmentIds(tenant, "c")).isEmpty();
    assertThat(segments(tenant).getSegment(GetSegmentRequest.newBuilder().setSegmentId("big-fr").build()).getSize())
        .isEqualTo(1);

    // a change of a customer is evaluated in the same call
    customers(tenant).upsertCustomer(customer("b", "FR", 5, 600));
    assertThat(segmentIds(tenant, "b")).containsExactly("big-fr");
    customers(tenant).upsertCustomer(customer("a", "DE", 10, 900));
    assertThat(segmentIds(tenant, "a")).isEmpty();

    // the lookup that metrics-service uses slices by the first rule segment when none is stated
    var looked = customers(tenant).lookupCustomers(LookupCustomersRequest.newBuilder().addCustomerIds("b").build());
    assertThat(looked.getCustomers(0).getSegment()).isEqualTo("big-fr");

    var sizes = segments(tenant).listSegmentSizes(ListSegmentSizesRequest.newBuilder().setSegmentId("big-fr").build());
    assertThat(sizes.getSizesList()).hasSize(1);
    assertThat(sizes.getSizes(0).getDate()).isEqualTo(LocalDate.ofInstant(PersonaServiceIT.NOW, ZoneOffset.UTC).toString());
    assertThat(sizes.getSizes(0).getCustomers()).isEqualTo(1);
  }

  @Test
  void aChangedRuleMovesMembersAndDeletingASegmentEmptiesIt() throws InterruptedException {
    String tenant = newTenant();
    customers(tenant).batchUpsertCustomers(BatchUpsertCustomersRequest.newBuilder()
        .addCustomers(customer("a", "FR", 10, 900))
        .addCustomers(customer("b", "DE", 1, 20)).build());
    var stub = segments(tenant);
    awaitDone(stub, stub.upsertSegment(UpsertSegmentRequest.newBuilder().setSegmentId("fr").setRule(in("country", "FR")).build())
        .getOperationId());
    awaitDone(stub, stub.upsertSegment(UpsertSegmentRequest.newBuilder().setSegmentId("de").setPriority(-1)
        .setRule(in("country", "DE", "FR")).build()).getOperationId());

    assertThat(segmentIds(tenant, "a")).containsExactly("de", "fr");
    assertThat(stub.listSegments(ListSegmentsRequest.getDefaultInstance()).getSegmentsList())
        .extracting(s -> s.getSegmentId() + "=" + s.getSize()).containsExactly("de=2", "fr=1");

    var changed = awaitDone(stub, stub.upsertSegment(UpsertSegmentRequest.newBuilder().setSegmentId("de").setPriority(-1)
        .setRule(in("country", "DE")).build()).getOperationId());
    assertThat(changed.getChanged()).isEqualTo(1);
    assertThat(segmentIds(tenant, "a")).containsExactly("fr");

    stub.deleteSegment(DeleteSegmentRequest.newBuilder().setSegmentId("fr").build());
    assertThat(segmentIds(tenant, "a")).isEmpty();
    var e = failure(() -> stub.getSegment(GetSegmentRequest.newBuilder().setSegmentId("fr").build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void aMalformedRuleIsRefusedNamingItsPathAndNothingIsStored() {
    String tenant = newTenant();
    var bad = UpsertSegmentRequest.newBuilder().setSegmentId("bad")
        .setRule(all(in("country", "FR"), SegmentRule.newBuilder().setCompare(SegmentComparison.newBuilder()
            .setAttribute("spent").setOperator(SegmentOperator.SEGMENT_OPERATOR_GT)
            .setValue(SegmentValue.newBuilder().setText("lots"))).build(), SegmentRule.getDefaultInstance()))
        .build();

    var e = failure(() -> segments(tenant).upsertSegment(bad));
    var noRule = failure(() -> segments(tenant).upsertSegment(UpsertSegmentRequest.newBuilder().setSegmentId("x y").build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).containsExactly("rule.all.rules[1].compare.value", "rule.all.rules[2]");
    assertThat(violatedFields(noRule)).containsExactlyInAnyOrder("segment_id", "rule");
    assertThat(segments(tenant).listSegments(ListSegmentsRequest.getDefaultInstance()).getSegmentsList()).isEmpty();
  }

  @Test
  void anotherTenantsSegmentsAndOperationsAreNotFound() {
    String tenant = newTenant();
    var saved = segments(tenant).upsertSegment(UpsertSegmentRequest.newBuilder().setSegmentId("fr")
        .setRule(in("country", "FR")).build());
    String other = newTenant();

    var e = failure(() -> segments(other).getSegment(GetSegmentRequest.newBuilder().setSegmentId("fr").build()));
    var op = failure(() -> segments(other).getSegmentOperation(
        GetSegmentOperationRequest.newBuilder().setOperationId(saved.getOperationId()).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(op.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }
}
