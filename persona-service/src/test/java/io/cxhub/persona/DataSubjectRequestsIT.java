package io.cxhub.persona;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.cxhub.kit.testing.EmbeddedMongoInitializer;
import io.cxhub.proto.common.v1.EraseSubjectDataRequest;
import io.cxhub.proto.common.v1.EraseSubjectDataResponse;
import io.cxhub.proto.common.v1.ExportSubjectDataRequest;
import io.cxhub.proto.common.v1.ExportSubjectDataResponse;
import io.cxhub.proto.common.v1.SubjectDataServiceGrpc;
import io.cxhub.proto.persona.v1.CreateDataSubjectRequestRequest;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.DataSubjectPartState;
import io.cxhub.proto.persona.v1.DataSubjectRequest;
import io.cxhub.proto.persona.v1.DataSubjectRequestKind;
import io.cxhub.proto.persona.v1.DataSubjectRequestState;
import io.cxhub.proto.persona.v1.DataSubjectServiceGrpc;
import io.cxhub.proto.persona.v1.GetCustomerRequest;
import io.cxhub.proto.persona.v1.GetDataSubjectExportRequest;
import io.cxhub.proto.persona.v1.GetDataSubjectRequestRequest;
import io.cxhub.proto.persona.v1.ListDataSubjectRequestsRequest;
import io.cxhub.proto.persona.v1.UpsertCustomerRequest;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.test.LocalGrpcPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Data-subject requests through the real gRPC server and the embedded MongoDB server. The
 * other services' parts are one fake {@code SubjectDataService} on a real socket that can be
 * taken down: a part of a service that is down stays PENDING, and the request completes once
 * it is back.
 */
@SpringBootTest(
    classes = PersonaServiceApplication.class,
    properties = {"spring.config.name=" + PersonaServiceApplication.NAME, "spring.grpc.server.port=0", "server.port=0",
        "cx.persona.data-subject.period=100ms", "cx.persona.data-subject.first-retry=100ms",
        "cx.persona.data-subject.max-retry=200ms", "cx.persona.data-subject.deadline=2s"})
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
class DataSubjectRequestsIT {

  static final FakeParts PEERS = new FakeParts();
  static final Server PEER_SERVER;

  static {
    try {
      PEER_SERVER = NettyServerBuilder.forPort(0)
          .addService(io.grpc.ServerInterceptors.intercept(PEERS,
              new io.cxhub.kit.tenant.TenantServerInterceptor(io.cxhub.kit.testing.GrpcCalls.testTokens()))).build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void peers(DynamicPropertyRegistry registry) {
    String address = "localhost:" + PEER_SERVER.getPort();
    registry.add("cx.peers.survey", () -> address);
    registry.add("cx.peers.metrics", () -> address);
    registry.add("cx.peers.journey", () -> address);
  }

  @AfterAll
  static void stopPeers() {
    PEER_SERVER.shutdownNow();
  }

  @LocalGrpcPort int grpcPort;
  @Autowired MongoDatabase database;
  ManagedChannel channel;
  String tenant;

  @BeforeEach
  void connect() {
    channel = NettyChannelBuilder.forAddress("localhost", grpcPort).usePlaintext().build();
    tenant = newTenant();
    PEERS.down = false;
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, SECONDS);
  }

  DataSubjectServiceGrpc.DataSubjectServiceBlockingStub requests() {
    return asTenant(DataSubjectServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, SECONDS);
  }

  CustomerServiceGrpc.CustomerServiceBlockingStub customers() {
    return asTenant(CustomerServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, SECONDS);
  }

  void customer(String id, String email) {
    customers().upsertCustomer(UpsertCustomerRequest.newBuilder().setCustomerId(id).setEmail(email).build());
  }

  DataSubjectRequest create(DataSubjectRequestKind kind, String customerId) {
    return requests().createDataSubjectRequest(
        CreateDataSubjectRequestRequest.newBuilder().setKind(kind).setCustomerId(customerId).build());
  }

  DataSubjectRequest await(String requestId, Predicate<DataSubjectRequest> condition) {
    var deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      var r = requests().getDataSubjectRequest(GetDataSubjectRequestRequest.newBuilder().setRequestId(requestId).build());
      if (condition.test(r)) {
        return r;
      }
      assertThat(Instant.now()).as("waiting for %s, last seen %s", requestId, r).isBefore(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static boolean succeeded(DataSubjectRequest r) {
    return r.getState() == DataSubjectRequestState.DATA_SUBJECT_REQUEST_STATE_SUCCEEDED;
  }

  @Nested
  class Erasure {

    @Test
    void erasesTheProfileEverywhereAndKeepsOnlyTheSubjectsHash() {
      customer("ada", "ada@example.com");
      var created = create(DataSubjectRequestKind.ERASURE, "ada");
      assertThat(created.getPartsList()).extracting(p -> p.getService())
          .containsExactlyInAnyOrder("persona", "survey", "metrics", "journey");

      var done = await(created.getRequestId(), DataSubjectRequestsIT::succeeded);

      assertThat(done.getPartsList()).allMatch(p -> p.getState() == DataSubjectPartState.DATA_SUBJECT_PART_STATE_DONE);
      assertThat(done.getCustomerId()).isEmpty();
      assertThat(PEERS.erased).contains(tenant + ":ada");
      assertThat(failure(() -> customers().getCustomer(GetCustomerRequest.newBuilder().setCustomerId("ada").build()))
          .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      // no document of persona-service names the subject any more
      for (String name : database.listCollectionNames()) {
        for (Document d : database.getCollection(name).find()) {
          assertThat(d.toJson()).as(name).doesNotContain("\"ada\"").doesNotContain("ada@example.com");
        }
      }
    }

    @Test
    void aSecondRequestWhileOneRunsReturnsIt() {
      PEERS.down = true;
      customer("bob", "bob@example.com");
      var first = create(DataSubjectRequestKind.ERASURE, "bob");
      var second = create(DataSubjectRequestKind.ERASURE, "bob");
      assertThat(second.getRequestId()).isEqualTo(first.getRequestId());
      assertThat(requests().listDataSubjectRequests(ListDataSubjectRequestsRequest.getDefaultInstance())
          .getRequestsList()).hasSize(1);
      PEERS.down = false;
      await(first.getRequestId(), DataSubjectRequestsIT::succeeded);
    }

    @Test
    void aServiceDownLeavesItsPartPendingAndTheRequestCompletesWhenItIsBack() {
      PEERS.down = true;
      customer("cy", "cy@example.com");
      var created = create(DataSubjectRequestKind.ERASURE, "cy");

      var running = await(created.getRequestId(), r -> r.getPartsList().stream()
          .filter(p -> !p.getService().equals("persona")).allMatch(p -> p.getAttempts() >= 2));
      assertThat(running.getState()).isEqualTo(DataSubjectRequestState.DATA_SUBJECT_REQUEST_STATE_RUNNING);
      for (var part : running.getPartsList()) {
        if (part.getService().equals("persona")) {
          assertThat(part.getState()).isEqualTo(DataSubjectPartState.DATA_SUBJECT_PART_STATE_DONE);
        } else {
          assertThat(part.getState()).isEqualTo(DataSubjectPartState.DATA_SUBJECT_PART_STATE_PENDING);
          assertThat(part.getLastError()).contains("UNAVAILABLE");
          assertThat(part.hasNextAttemptTime()).isTrue();
        }
      }

      PEERS.down = false;
      var done = await(created.getRequestId(), DataSubjectRequestsIT::succeeded);
      assertThat(done.getPartsList()).allMatch(p -> p.getState() == DataSubjectPartState.DATA_SUBJECT_PART_STATE_DONE);
    }

    @Test
    void anUnknownSubjectIsNotFoundNamingCustomerId() {
      var e = failure(() -> create(DataSubjectRequestKind.ERASURE, "nobody"));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(e.getStatus().getDescription()).contains("customer_id");
      assertThat(database.getCollection("data_subject_requests").countDocuments(new Document("tenantId", tenant)))
          .isZero();
    }

    @Test
    void aSubjectOnlyAnotherServiceHoldsIsErased() {
      PEERS.held.add("survey-only");
      var created = create(DataSubjectRequestKind.ERASURE, "survey-only");
      await(created.getRequestId(), DataSubjectRequestsIT::succeeded);
      assertThat(PEERS.erased).contains(tenant + ":survey-only");
    }

    @Test
    void aMissingKindIsRefusedNamingTheField() {
      var e = failure(() -> requests().createDataSubjectRequest(
          CreateDataSubjectRequestRequest.newBuilder().setCustomerId("ada").build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(io.cxhub.kit.testing.GrpcCalls.violatedFields(e)).containsExactly("kind");
    }
  }

  @Nested
  class Export {

    @Test
    void returnsOneSectionPerServiceWithTheProfile() {
      customer("dee", "dee@example.com");
      var created = create(DataSubjectRequestKind.EXPORT, "dee");
      await(created.getRequestId(), DataSubjectRequestsIT::succeeded);

      var export = requests().getDataSubjectExport(
          GetDataSubjectExportRequest.newBuilder().setRequestId(created.getRequestId()).build());

      var document = export.getDocument().getFieldsMap();
      assertThat(document).containsOnlyKeys("persona", "survey", "metrics", "journey");
      var profile = document.get("persona").getStructValue().getFieldsMap().get("customers").getListValue()
          .getValues(0).getStructValue().getFieldsMap();
      assertThat(profile.get("email").getStringValue()).isEqualTo("dee@example.com");
      assertThat(document.get("survey").getStructValue().getFieldsMap().get("items").getListValue().getValuesCount())
          .isEqualTo(1);
    }

    @Test
    void anErasureDeletesTheSubjectsExports() {
      customer("eve", "eve@example.com");
      var export = create(DataSubjectRequestKind.EXPORT, "eve");
      await(export.getRequestId(), DataSubjectRequestsIT::succeeded);
      var erasure = create(DataSubjectRequestKind.ERASURE, "eve");
      await(erasure.getRequestId(), DataSubjectRequestsIT::succeeded);

      var e = failure(() -> requests().getDataSubjectExport(
          GetDataSubjectExportRequest.newBuilder().setRequestId(export.getRequestId()).build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }
  }

  /** Every other service's part: answers UNAVAILABLE while down. */
  static final class FakeParts extends SubjectDataServiceGrpc.SubjectDataServiceImplBase {
    volatile boolean down;
    final Set<String> erased = ConcurrentHashMap.newKeySet();
    final Set<String> held = ConcurrentHashMap.newKeySet();

    @Override
    public void eraseSubjectData(EraseSubjectDataRequest request, StreamObserver<EraseSubjectDataResponse> response) {
      if (down) {
        response.onError(Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException());
        return;
      }
      String tenant = io.cxhub.kit.tenant.TenantContext.current().orElse(null);
      erased.add(tenant + ":" + request.getCustomerId());
      response.onNext(EraseSubjectDataResponse.newBuilder().setItemsErased(1).build());
      response.onCompleted();
    }

    @Override
    public void exportSubjectData(ExportSubjectDataRequest request, StreamObserver<ExportSubjectDataResponse> response) {
      if (down) {
        response.onError(Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException());
        return;
      }
      boolean known = held.contains(request.getCustomerId()) || !request.getRequestId().equals("check");
      response.onNext(ExportSubjectDataResponse.newBuilder()
          .setJson(known ? "{\"items\":[{\"id\":\"" + request.getCustomerId() + "\"}]}" : "{\"items\":[]}")
          .setItems(known ? 1 : 0).build());
      response.onCompleted();
    }
  }
}
