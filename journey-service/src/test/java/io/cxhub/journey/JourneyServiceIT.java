package io.cxhub.journey;

import static com.mongodb.client.model.Filters.eq;
import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.protobuf.Timestamp;
import com.mongodb.client.MongoDatabase;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.testing.EmbeddedMongoInitializer;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.journey.v1.CreateJourneyRequest;
import io.cxhub.proto.journey.v1.GetJourneyRequest;
import io.cxhub.proto.journey.v1.Journey;
import io.cxhub.proto.journey.v1.JourneyServiceGrpc;
import io.cxhub.proto.journey.v1.JourneyServiceGrpc.JourneyServiceBlockingStub;
import io.cxhub.proto.journey.v1.ListJourneysRequest;
import io.cxhub.proto.journey.v1.Stage;
import io.cxhub.proto.journey.v1.Touchpoint;
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
 * journey-service as deployed: the Spring Boot app with its Netty gRPC server on a free
 * port, the real MongoDB driver talking to the embedded server over a socket, and a real
 * gRPC client channel. Each test works in a tenant of its own.
 */
@SpringBootTest(
    classes = {JourneyServiceApplication.class, JourneyServiceIT.FixedClock.class},
    properties = {"spring.config.name=" + JourneyServiceApplication.NAME, "spring.grpc.server.port=0", "server.port=0",
        "cx.journey.watch-enabled=false"})
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
class JourneyServiceIT {

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
    assertThat(environment.getProperty("spring.application.name")).isEqualTo(JourneyServiceApplication.NAME);
    assertThat(environment.getProperty("cx.metrics.ingest.max-apply-duration")).isNull();
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
    void createdJourneyGetsServerAssignedIdTimesAndPositions() {
      var request = onlinePurchase().toBuilder()
          .setJourneyId("chosen-by-client")
          .setCreateTime(Timestamp.newBuilder().setSeconds(946_684_800))
          .setStages(0, onlinePurchase().getStages(0).toBuilder().setPosition(42))
          .build();

      var created = as(newTenant()).createJourney(create(request));

      assertThat(created.getJourneyId()).matches("[a-z2-7]{26}");
      assertThat(created.getCreateTime()).isEqualTo(timestamp(NOW));
      assertThat(created.getUpdateTime()).isEqualTo(timestamp(NOW));
      assertThat(created.getStagesList()).extracting(Stage::getName, Stage::getPosition).containsExactly(
          tuple("Découverte", 1), tuple("Achat", 2), tuple("Livraison", 3), tuple("Après-vente", 4));
    }

    @Test
    void derivesMissingStageAndTouchpointIdsFromNames() {
      var created = as(newTenant()).createJourney(create(onlinePurchase()));

      assertThat(created.getStagesList()).extracting(Stage::getStageId)
          .containsExactly("decouverte", "achat", "livraison", "apres-vente");
      assertThat(created.getStagesList()).flatExtracting(Stage::getTouchpointsList)
          .extracting(Touchpoint::getTouchpointId)
          .containsExactly("publicite-reseaux-sociaux", "page-de-paiement", "suivi", "service-client", "suivi-2");
    }

    @Test
    void getReturnsTheJourneyAsCreated() {
      var client = as(newTenant());
      var created = client.createJourney(create(onlinePurchase()));

      var fetched = client.getJourney(get(created.getJourneyId()));

      assertThat(fetched).isEqualTo(created);
      assertThat(fetched.getStages(1).getTouchpoints(0))
          .isEqualTo(Touchpoint.newBuilder().setTouchpointId("page-de-paiement").setName("Page de paiement")
              .setChannel(Channel.CHANNEL_WEB_WIDGET).setDescription("Carte ou virement").build());
    }

    @Test
    void storesOneTenantScopedDocumentWithStagesEmbeddedInOrder() {
      var tenant = newTenant();
      var created = as(tenant).createJourney(create(onlinePurchase()));

      var stored = database.getCollection("journeys").find(eq("_id", created.getJourneyId())).first();

      assertThat(stored).isNotNull();
      assertThat(stored.getString("tenantId")).isEqualTo(tenant);
      var stages = stored.getList("stages", Document.class);
      assertThat(stages).extracting(s -> s.getString("stageId"))
          .containsExactly("decouverte", "achat", "livraison", "apres-vente");
      assertThat(stages.get(3).getList("touchpoints", Document.class).get(0).getString("channel"))
          .isEqualTo("SUPPORT");
    }

    @Test
    void unknownIdIsNotFound() {
      var error = failure(() -> as(newTenant()).getJourney(get(Ids.random())));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }
  }

  @Nested
  class RejectingInvalidInput {

    @Test
    void invalidJourneyIsRejectedWithOneFieldViolationPerBadField() {
      var tenant = newTenant();
      var invalid = Journey.newBuilder()
          .setName("")
          .addStages(Stage.newBuilder().setStageId("Bad Id").setName("Achat")
              .addTouchpoints(Touchpoint.newBuilder().setName("Paiement").setChannel(Channel.CHANNEL_LINK)))
          .addStages(Stage.newBuilder().setName("Livraison")
              .addTouchpoints(Touchpoint.newBuilder().setName("Suivi")))
          .build();

      var error = failure(() -> as(tenant).createJourney(create(invalid)));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(error)).containsExactlyInAnyOrder(
          "journey.name",
          "journey.stages[0].stage_id",
          "journey.stages[1].touchpoints[0].channel");
      assertThat(database.getCollection("journeys").countDocuments(eq("tenantId", tenant))).isZero();
    }

    @Test
    void journeyWithoutStagesIsRejected() {
      var error = failure(() -> as(newTenant()).createJourney(create(Journey.newBuilder().setName("Empty").build())));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(error)).containsExactly("journey.stages");
    }

    @Test
    void touchpointIdGivenTwiceInTheJourneyIsRejected() {
      var journey = Journey.newBuilder().setName("Twice")
          .addStages(Stage.newBuilder().setName("A").addTouchpoints(touchpoint("email", "E-mail", Channel.CHANNEL_EMAIL)))
          .addStages(Stage.newBuilder().setName("B").addTouchpoints(touchpoint("email", "E-mail", Channel.CHANNEL_EMAIL)))
          .build();

      var error = failure(() -> as(newTenant()).createJourney(create(journey)));

      assertThat(violatedFields(error)).containsExactly("journey.stages[1].touchpoints[0].touchpoint_id");
    }

    @Test
    void requestWithoutJourneyIsRejected() {
      var error = failure(() -> as(newTenant()).createJourney(CreateJourneyRequest.getDefaultInstance()));

      assertThat(violatedFields(error)).containsExactly("journey");
    }

    @Test
    void pageSizeAndTokenAreChecked() {
      var client = as(newTenant());

      var tooBig = failure(() -> client.listJourneys(ListJourneysRequest.newBuilder().setPageSize(101).build()));
      var forged = failure(() -> client.listJourneys(ListJourneysRequest.newBuilder().setPageToken("forged").build()));

      assertThat(violatedFields(tooBig)).containsExactly("page_size");
      assertThat(violatedFields(forged)).containsExactly("page_token");
    }
  }

  @Nested
  class IsolatingTenants {

    @Test
    void callWithoutTenantIsUnauthenticated() {
      var anonymous = JourneyServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, SECONDS);

      var create = failure(() -> anonymous.createJourney(create(named("Online purchase"))));
      var get = failure(() -> anonymous.getJourney(get(Ids.random())));
      var list = failure(() -> anonymous.listJourneys(ListJourneysRequest.getDefaultInstance()));

      assertThat(List.of(create, get, list)).extracting(e -> e.getStatus().getCode())
          .containsOnly(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void anotherTenantsJourneyLooksExactlyLikeAMissingOne() {
      var theirs = as(newTenant()).createJourney(create(named("Online purchase")));
      var me = as(newTenant());

      var foreign = failure(() -> me.getJourney(get(theirs.getJourneyId())));
      var missingId = Ids.random();
      var missing = failure(() -> me.getJourney(get(missingId)));

      assertThat(foreign.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(foreign.getStatus().getDescription())
          .isEqualTo(missing.getStatus().getDescription().replace(missingId, theirs.getJourneyId()));
    }

    @Test
    void listShowsOnlyTheCallersJourneys() {
      var mine = as(newTenant());
      mine.createJourney(create(named("Mine")));
      as(newTenant()).createJourney(create(named("Theirs")));

      var page = mine.listJourneys(ListJourneysRequest.getDefaultInstance());

      assertThat(page.getJourneysList()).extracting(Journey::getName).containsExactly("Mine");
    }
  }

  @Nested
  class Listing {

    @Test
    void pagesThroughJourneysInNameOrder() {
      var client = as(newTenant());
      for (var name : List.of("Livraison", "Échange", "Achat en ligne", "retour", "Click & collect")) {
        client.createJourney(create(named(name)));
      }

      var names = new ArrayList<String>();
      int pages = 0;
      String token = "";
      do {
        var page = client.listJourneys(ListJourneysRequest.newBuilder().setPageSize(2).setPageToken(token).build());
        page.getJourneysList().forEach(j -> names.add(j.getName()));
        token = page.getNextPageToken();
        pages++;
      } while (!token.isEmpty());

      assertThat(names).containsExactly("Achat en ligne", "Click & collect", "Échange", "Livraison", "retour");
      assertThat(pages).isEqualTo(3);
    }

    @Test
    void journeysWithTheSameNameAreAllListedOnce() {
      var client = as(newTenant());
      for (int i = 0; i < 3; i++) {
        client.createJourney(create(named("Same")));
      }

      var first = client.listJourneys(ListJourneysRequest.newBuilder().setPageSize(2).build());
      var second = client.listJourneys(ListJourneysRequest.newBuilder()
          .setPageSize(2).setPageToken(first.getNextPageToken()).build());

      var ids = new ArrayList<String>();
      first.getJourneysList().forEach(j -> ids.add(j.getJourneyId()));
      second.getJourneysList().forEach(j -> ids.add(j.getJourneyId()));
      assertThat(ids).hasSize(3).doesNotHaveDuplicates().isSorted();
      assertThat(second.getNextPageToken()).isEmpty();
    }
  }

  // --- helpers ---

  JourneyServiceBlockingStub as(String tenant) {
    return asTenant(JourneyServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, SECONDS);
  }

  static CreateJourneyRequest create(Journey journey) {
    return CreateJourneyRequest.newBuilder().setJourney(journey).build();
  }

  static GetJourneyRequest get(String id) {
    return GetJourneyRequest.newBuilder().setJourneyId(id).build();
  }

  static Journey named(String name) {
    return Journey.newBuilder().setName(name)
        .addStages(Stage.newBuilder().setName("Achat")
            .addTouchpoints(touchpoint("", "Page de paiement", Channel.CHANNEL_WEB_WIDGET)))
        .build();
  }

  static Touchpoint touchpoint(String id, String name, Channel channel) {
    return Touchpoint.newBuilder().setTouchpointId(id).setName(name).setChannel(channel).build();
  }

  /** An online purchase journey, ids left for the service to derive. */
  static Journey onlinePurchase() {
    return Journey.newBuilder()
        .setName("Achat en ligne")
        .setDescription("De la découverte au service après-vente.")
        .addStages(Stage.newBuilder().setName("Découverte")
            .addTouchpoints(touchpoint("", "Publicité réseaux sociaux", Channel.CHANNEL_SOCIAL)))
        .addStages(Stage.newBuilder().setName("Achat").setDescription("Le client paie sa commande.")
            .addTouchpoints(touchpoint("", "Page de paiement", Channel.CHANNEL_WEB_WIDGET).toBuilder()
                .setDescription("Carte ou virement")))
        .addStages(Stage.newBuilder().setName("Livraison")
            .addTouchpoints(touchpoint("", "Suivi", Channel.CHANNEL_SMS)))
        .addStages(Stage.newBuilder().setName("Après-vente")
            .addTouchpoints(touchpoint("", "Service client", Channel.CHANNEL_SUPPORT))
            .addTouchpoints(touchpoint("", "Suivi", Channel.CHANNEL_EMAIL)))
        .build();
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
