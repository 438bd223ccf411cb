package io.cxhub.persona;

import static com.mongodb.client.model.Filters.eq;
import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.mongodb.client.MongoDatabase;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.testing.EmbeddedMongoInitializer;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.persona.v1.Behavioral;
import io.cxhub.proto.persona.v1.CreatePersonaRequest;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.LookupCustomersRequest;
import io.cxhub.proto.persona.v1.UpsertCustomerRequest;
import io.cxhub.proto.persona.v1.Demographics;
import io.cxhub.proto.persona.v1.GetPersonaRequest;
import io.cxhub.proto.persona.v1.ListPersonasRequest;
import io.cxhub.proto.persona.v1.Persona;
import io.cxhub.proto.persona.v1.PersonaServiceGrpc;
import io.cxhub.proto.persona.v1.PersonaServiceGrpc.PersonaServiceBlockingStub;
import io.cxhub.proto.persona.v1.Psychographics;
import io.cxhub.proto.persona.v1.Transactional;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.test.LocalGrpcPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * persona-service as deployed: the Spring Boot app with its Netty gRPC server on a free
 * port, the real MongoDB driver talking to the embedded server over a socket, and a real
 * gRPC client channel. Each test works in a tenant of its own.
 */
@SpringBootTest(
    classes = {PersonaServiceApplication.class, PersonaServiceIT.FixedClock.class},
    properties = {"spring.config.name=" + PersonaServiceApplication.NAME, "spring.grpc.server.port=0", "server.port=0"})
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
class PersonaServiceIT {

  static final Instant NOW = Instant.parse("2025-03-14T09:26:53.589Z");

  @TestConfiguration(proxyBeanMethods = false)
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @LocalGrpcPort int grpcPort;

  @Autowired org.springframework.core.env.Environment environment;

  @org.junit.jupiter.api.Test
  void loadsItsOwnConfigurationFile() {
    // all services share one classpath in the one-jar launcher: each must read its own file
    assertThat(environment.getProperty("spring.application.name")).isEqualTo(PersonaServiceApplication.NAME);
    assertThat(environment.getProperty("resilience4j.circuitbreaker.instances.survey.sliding-window-size")).isNull();
    assertThat(environment.getProperty("cx.metrics.persona.deadline")).isNull();
  }

  @org.junit.jupiter.api.Test
  void answersBothReflectionVersionsSoThatAnyGrpcToolCanDiscoverIt() throws Exception {
    var v1 = new java.util.concurrent.CompletableFuture<java.util.List<String>>();
    io.grpc.reflection.v1.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(new StreamObserverAdapter<>(
        r -> v1.complete(r.getListServicesResponse().getServiceList().stream()
            .map(io.grpc.reflection.v1.ServiceResponse::getName).toList()), v1))
        .onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());
    var v1alpha = new java.util.concurrent.CompletableFuture<java.util.List<String>>();
    io.grpc.reflection.v1alpha.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(new StreamObserverAdapter<>(
        r -> v1alpha.complete(r.getListServicesResponse().getServiceList().stream()
            .map(io.grpc.reflection.v1alpha.ServiceResponse::getName).toList()), v1alpha))
        .onNext(io.grpc.reflection.v1alpha.ServerReflectionRequest.newBuilder().setListServices("").build());

    assertThat(v1.get(10, java.util.concurrent.TimeUnit.SECONDS)).contains("cx.persona.v1.PersonaService", "grpc.health.v1.Health");
    assertThat(v1alpha.get(10, java.util.concurrent.TimeUnit.SECONDS)).contains("cx.persona.v1.PersonaService");
  }

  /** Completes a future from the first message of a bidi stream, or fails it. */
  private record StreamObserverAdapter<T>(java.util.function.Consumer<T> onMessage,
      java.util.concurrent.CompletableFuture<?> future) implements io.grpc.stub.StreamObserver<T> {
    @Override public void onNext(T value) { onMessage.accept(value); }
    @Override public void onError(Throwable t) { future.completeExceptionally(t); }
    @Override public void onCompleted() { }
  }
  @Autowired MongoDatabase database;

  ManagedChannel channel;

  @BeforeEach
  void connect() {
    channel = NettyChannelBuilder.forAddress("localhost", grpcPort).usePlaintext().build();
  }

  @AfterEach
  void disconnect() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, SECONDS);
  }

  @Nested
  class CreatingAndReading {

    @Test
    void createdPersonaGetsAServerAssignedIdAndTheServerTime() {
      var client = as(newTenant());
      var request = busyParent().toBuilder()
          .setPersonaId("chosen-by-client")
          .setCreateTime(Timestamp.newBuilder().setSeconds(946_684_800))
          .build();

      var created = client.createPersona(create(request));

      assertThat(created.getPersonaId()).matches("[a-z2-7]{26}");
      assertThat(created.getCreateTime()).isEqualTo(timestamp(NOW));
      assertThat(created.getUpdateTime()).isEqualTo(timestamp(NOW));
    }

    @Test
    void everyAttributeFamilyRoundTrips() {
      var client = as(newTenant());

      var created = client.createPersona(create(busyParent()));
      var fetched = client.getPersona(get(created.getPersonaId()));

      assertThat(fetched).isEqualTo(created);
      assertThat(fetched.toBuilder().clearPersonaId().clearCreateTime().clearUpdateTime().clearEtag().build())
          .isEqualTo(busyParent());
    }

    @Test
    void storesOneTenantScopedDocumentWithAttributeFamiliesAsSubDocuments() {
      var tenant = newTenant();
      var created = as(tenant).createPersona(create(busyParent()));

      var stored = database.getCollection("personas").find(eq("_id", created.getPersonaId())).first();

      assertThat(stored).isNotNull();
      assertThat(stored.getString("tenantId")).isEqualTo(tenant);
      assertThat(stored.getString("nameKey")).isEqualTo("busy urban parent");
      assertThat(stored.get("demographics", Document.class).getInteger("ageMin")).isEqualTo(30);
      assertThat(stored.get("psychographics", Document.class).getList("values", String.class))
          .containsExactly("family first");
      assertThat(stored.get("transactional", Document.class).getDouble("lifetimeValue")).isEqualTo(4800.0);
      assertThat(stored.get("behavioral", Document.class).getList("preferredChannels", String.class))
          .containsExactly("EMAIL", "IN_APP");
      assertThat(stored.getList("frustrations", String.class)).containsExactly("missed deliveries", "long support waits");
    }

    @Test
    void unknownIdIsNotFound() {
      var error = failure(() -> as(newTenant()).getPersona(get(Ids.random())));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }
  }

  @Nested
  class RejectingInvalidInput {

    @Test
    void invalidPersonaIsRejectedWithOneFieldViolationPerBadField() {
      var tenant = newTenant();
      var invalid = Persona.newBuilder()
          .setName(" ")
          .setDemographics(Demographics.newBuilder().setAgeMin(130))
          .addGoals("save time").addGoals("")
          .setBehavioral(Behavioral.newBuilder().addPreferredChannels(Channel.CHANNEL_UNSPECIFIED))
          .build();

      var error = failure(() -> as(tenant).createPersona(create(invalid)));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(error)).containsExactlyInAnyOrder(
          "persona.name",
          "persona.demographics.age_min",
          "persona.goals[1]",
          "persona.behavioral.preferred_channels[0]");
      assertThat(database.getCollection("personas").countDocuments(eq("tenantId", tenant))).isZero();
    }

    @Test
    void requestWithoutPersonaIsRejected() {
      var error = failure(() -> as(newTenant()).createPersona(CreatePersonaRequest.getDefaultInstance()));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(error)).containsExactly("persona");
    }

    @Test
    void duplicateNameInTheTenantAlreadyExistsWhateverItsCase() {
      var client = as(newTenant());
      client.createPersona(create(named("Busy urban parent")));

      var error = failure(() -> client.createPersona(create(named("BUSY urban  parent"))));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void sameNameIsFreeInAnotherTenant() {
      as(newTenant()).createPersona(create(named("Student")));

      var created = as(newTenant()).createPersona(create(named("Student")));

      assertThat(created.getName()).isEqualTo("Student");
    }

    @Test
    void pageSizeAndTokenAreChecked() {
      var client = as(newTenant());

      var tooBig = failure(() -> client.listPersonas(ListPersonasRequest.newBuilder().setPageSize(101).build()));
      var forged = failure(() -> client.listPersonas(ListPersonasRequest.newBuilder().setPageToken("forged").build()));

      assertThat(violatedFields(tooBig)).containsExactly("page_size");
      assertThat(violatedFields(forged)).containsExactly("page_token");
    }
  }

  @Nested
  class IsolatingTenants {

    @Test
    void callWithoutTenantIsUnauthenticated() {
      var anonymous = PersonaServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, SECONDS);

      var create = failure(() -> anonymous.createPersona(create(named("Student"))));
      var list = failure(() -> anonymous.listPersonas(ListPersonasRequest.getDefaultInstance()));

      assertThat(create.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(list.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void anotherTenantsPersonaLooksExactlyLikeAMissingOne() {
      var theirs = as(newTenant()).createPersona(create(named("Student")));
      var me = as(newTenant());

      var foreign = failure(() -> me.getPersona(get(theirs.getPersonaId())));
      var missingId = Ids.random();
      var missing = failure(() -> me.getPersona(get(missingId)));

      assertThat(foreign.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(foreign.getStatus().getDescription())
          .isEqualTo(missing.getStatus().getDescription().replace(missingId, theirs.getPersonaId()));
    }

    @Test
    void listShowsOnlyTheCallersPersonas() {
      var mine = as(newTenant());
      mine.createPersona(create(named("Mine")));
      as(newTenant()).createPersona(create(named("Theirs")));

      var page = mine.listPersonas(ListPersonasRequest.getDefaultInstance());

      assertThat(page.getPersonasList()).extracting(Persona::getName).containsExactly("Mine");
    }
  }

  @Nested
  class Listing {

    @Test
    void pagesThroughPersonasInNameOrder() {
      var client = as(newTenant());
      for (var name : List.of("delta", "Écureuil", "Alpha", "charlie", "bravo")) {
        client.createPersona(create(named(name)));
      }

      var names = new ArrayList<String>();
      var tokens = new ArrayList<String>();
      String token = "";
      do {
        var page = client.listPersonas(ListPersonasRequest.newBuilder().setPageSize(2).setPageToken(token).build());
        page.getPersonasList().forEach(p -> names.add(p.getName()));
        token = page.getNextPageToken();
        tokens.add(token);
      } while (!token.isEmpty());

      assertThat(names).containsExactly("Alpha", "bravo", "charlie", "delta", "Écureuil");
      assertThat(tokens).hasSize(3);
    }

    @Test
    void aPersonaAddedBeforeTheCurrentPageDoesNotShiftTheNextOne() {
      var client = as(newTenant());
      for (var name : List.of("b", "c", "d", "e")) {
        client.createPersona(create(named(name)));
      }
      var first = client.listPersonas(ListPersonasRequest.newBuilder().setPageSize(2).build());

      client.createPersona(create(named("a")));
      var second = client.listPersonas(ListPersonasRequest.newBuilder()
          .setPageSize(2).setPageToken(first.getNextPageToken()).build());

      assertThat(first.getPersonasList()).extracting(Persona::getName).containsExactly("b", "c");
      assertThat(second.getPersonasList()).extracting(Persona::getName).containsExactly("d", "e");
    }
  }

  // --- helpers ---

  PersonaServiceBlockingStub as(String tenant) {
    return asTenant(PersonaServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, SECONDS);
  }

  static CreatePersonaRequest create(Persona persona) {
    return CreatePersonaRequest.newBuilder().setPersona(persona).build();
  }

  static GetPersonaRequest get(String id) {
    return GetPersonaRequest.newBuilder().setPersonaId(id).build();
  }

  static Persona named(String name) {
    return Persona.newBuilder().setName(name).build();
  }

  /** A persona with every field set, in the form the service returns it. */
  static Persona busyParent() {
    return Persona.newBuilder()
        .setName("Busy urban parent")
        .setDescription("Two children, works full time, shops online in the evening.")
        .setDemographics(Demographics.newBuilder()
            .setAgeMin(30).setAgeMax(45)
            .addGenders("female").addGenders("male")
            .setIncomeBand("40-60k EUR")
            .addLocations("Lyon").addLocations("Paris")
            .setOccupation("office worker"))
        .setPsychographics(Psychographics.newBuilder()
            .addValues("family first")
            .addOpinions("delivery should be free")
            .addAspirations("more free time")
            .addInterests("cooking").addInterests("running"))
        .setTransactional(Transactional.newBuilder()
            .setPurchasesPerYear(24).setAverageOrderValue(62.5).setLifetimeValue(4800)
            .addPreferredProducts("groceries").addPreferredProducts("toys")
            .addServiceStates("subscription active"))
        .setBehavioral(Behavioral.newBuilder()
            .addPreferredChannels(Channel.CHANNEL_EMAIL).addPreferredChannels(Channel.CHANNEL_IN_APP)
            .setWebEngagement("evening mobile sessions")
            .setSocialMediaProfile("Instagram, rarely posts")
            .addDevices("smartphone").addDevices("tablet"))
        .addGoals("save time on groceries")
        .addNeeds("reliable delivery slots")
        .addFrustrations("missed deliveries").addFrustrations("long support waits")
        .addMotivations("convenience").addMotivations("price")
        .build();
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  @Nested
  class Customers {

    private CustomerServiceGrpc.CustomerServiceBlockingStub customers(String tenant) {
      return asTenant(CustomerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, SECONDS), tenant);
    }

    @Test
    void upsertedCustomersAreFoundInOneBatchWithinTheirTenant() {
      String tenant = newTenant();
      var stub = customers(tenant);
      String p9 = as(tenant).createPersona(create(busyParent())).getPersonaId();
      stub.upsertCustomer(UpsertCustomerRequest.newBuilder().setCustomerId("c1").setSegment("smb").build());
      var updated = stub.upsertCustomer(
          UpsertCustomerRequest.newBuilder().setCustomerId("c1").setSegment("enterprise").setPersonaId(p9).build());
      stub.upsertCustomer(UpsertCustomerRequest.newBuilder().setCustomerId("c2").setSegment("smb").build());

      assertThat(updated.getUpdateTime()).isEqualTo(timestamp(NOW));
      var found = stub.lookupCustomers(
          LookupCustomersRequest.newBuilder().addCustomerIds("c1").addCustomerIds("c2").addCustomerIds("nobody").build());
      assertThat(found.getCustomersList()).extracting(c -> c.getCustomerId() + "=" + c.getSegment() + "/" + c.getPersonaId())
          .containsExactlyInAnyOrder("c1=enterprise/" + p9, "c2=smb/");
      assertThat(customers(newTenant()).lookupCustomers(LookupCustomersRequest.newBuilder().addCustomerIds("c1").build())
          .getCustomersList()).isEmpty();
    }

    @Test
    void aCustomerNeedsAnId() {
      var e = failure(() -> customers(newTenant()).upsertCustomer(UpsertCustomerRequest.newBuilder().setSegment("x").build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactly("customer_id");
    }
  }
}
