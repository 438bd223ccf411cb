package io.cxhub.persona;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.testing.EmbeddedMongoInitializer;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.persona.v1.AdoptPersonaProposalRequest;
import io.cxhub.proto.persona.v1.ApplyCustomerEventsRequest;
import io.cxhub.proto.persona.v1.BatchUpsertCustomersRequest;
import io.cxhub.proto.persona.v1.CardNarrative;
import io.cxhub.proto.persona.v1.CustomerBehavioral;
import io.cxhub.proto.persona.v1.CustomerEvent;
import io.cxhub.proto.persona.v1.CustomerEventKind;
import io.cxhub.proto.persona.v1.CustomerInsightServiceGrpc;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.CustomerTransactional;
import io.cxhub.proto.persona.v1.DiscoverPersonasRequest;
import io.cxhub.proto.persona.v1.GetContactPatternsRequest;
import io.cxhub.proto.persona.v1.GetCustomerRequest;
import io.cxhub.proto.persona.v1.GetPersonaCardRequest;
import io.cxhub.proto.persona.v1.GetPersonaDiscoveryRequest;
import io.cxhub.proto.persona.v1.GetSegmentCardRequest;
import io.cxhub.proto.persona.v1.LookupCustomersRequest;
import io.cxhub.proto.persona.v1.PersonaDiscoveryServiceGrpc;
import io.cxhub.proto.persona.v1.UpdateCardNarrativeRequest;
import io.cxhub.proto.persona.v1.UpsertCustomerRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.test.LocalGrpcPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Discovery, cards and contact patterns through the real gRPC server, with metrics-service
 * absent (its address answers nothing): every read answers, degraded and saying so.
 */
@SpringBootTest(
    classes = {PersonaServiceApplication.class, PersonaServiceIT.FixedClock.class},
    properties = {"spring.config.name=" + PersonaServiceApplication.NAME, "spring.grpc.server.port=0", "server.port=0",
        "cx.peers.metrics=localhost:1", "cx.persona.segment-snapshot.enabled=false",
        "cx.persona.value-refresh.enabled=false"})
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
class CustomerInsightsIT {

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

  CustomerServiceGrpc.CustomerServiceBlockingStub customers(String tenant) {
    return asTenant(CustomerServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, SECONDS);
  }

  PersonaDiscoveryServiceGrpc.PersonaDiscoveryServiceBlockingStub discovery(String tenant) {
    return asTenant(PersonaDiscoveryServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, SECONDS);
  }

  CustomerInsightServiceGrpc.CustomerInsightServiceBlockingStub insights(String tenant) {
    return asTenant(CustomerInsightServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, SECONDS);
  }

  /** 10 big buyers in segment "vip" and 10 small ones in "mass". */
  void twoKindsOfCustomers(String tenant) {
    var batch = BatchUpsertCustomersRequest.newBuilder();
    for (int i = 0; i < 20; i++) {
      boolean big = i < 10;
      batch.addCustomers(UpsertCustomerRequest.newBuilder().setCustomerId("c" + i).setSegment(big ? "vip" : "mass")
          .setTransactional(CustomerTransactional.newBuilder().setOrderCount(big ? 30 + i : 1).setTotalSpent(big ? 3000 + i : 10 + i)
              .setCurrency("EUR").setLastOrderTime(PersonaServiceIT.timestamp(PersonaServiceIT.NOW.minusSeconds(86_400L * (big ? 2 : 200)))))
          .setBehavioral(CustomerBehavioral.newBuilder().setWebSessions(big ? 50 : 1)
              .setPreferredChannel(big ? Channel.CHANNEL_EMAIL : Channel.CHANNEL_SUPPORT)));
    }
    customers(tenant).batchUpsertCustomers(batch.build());
  }

  @Test
  void discoveredPersonasAreAdoptedAssignedAndCardedWithoutMetrics() {
    String tenant = newTenant();
    twoKindsOfCustomers(tenant);

    var found = discovery(tenant).discoverPersonas(DiscoverPersonasRequest.newBuilder().setMaxK(4).build());

    assertThat(found.getExperienceAvailable()).isFalse();
    assertThat(found.getK()).isEqualTo(2);
    assertThat(found.getProposalsList()).extracting(p -> p.getSize()).containsExactly(10, 10);
    assertThat(found.getProposals(0).getTraitsList()).isNotEmpty();
    assertThat(discovery(tenant).getPersonaDiscovery(GetPersonaDiscoveryRequest.newBuilder()
        .setDiscoveryId(found.getDiscoveryId()).build())).isEqualTo(found);

    var big = found.getProposalsList().stream().filter(p -> p.getRevenue() > 10_000).findFirst().orElseThrow();
    var adopted = discovery(tenant).adoptPersonaProposal(AdoptPersonaProposalRequest.newBuilder()
        .setDiscoveryId(found.getDiscoveryId()).setProposalId(big.getProposalId()).setName("Big buyers").build());
    String personaId = adopted.getPersona().getPersonaId();

    assertThat(adopted.getAssignedCustomers()).isEqualTo(10);
    var c0 = customers(tenant).getCustomer(GetCustomerRequest.newBuilder().setCustomerId("c0").build());
    assertThat(c0.getAssignedPersonaId()).isEqualTo(personaId);
    assertThat(c0.getPersonaConfidence()).isBetween(0.5, 1.0);
    assertThat(customers(tenant).getCustomer(GetCustomerRequest.newBuilder().setCustomerId("c15").build())
        .getAssignedPersonaId()).isEmpty();
    // metrics-service slices the assigned persona
    assertThat(customers(tenant).lookupCustomers(LookupCustomersRequest.newBuilder().addCustomerIds("c0").build())
        .getCustomers(0).getPersonaId()).isEqualTo(personaId);

    insights(tenant).updateCardNarrative(UpdateCardNarrativeRequest.newBuilder().setSubject("persona")
        .setSubjectId(personaId).setNarrative(CardNarrative.newBuilder().addGoals("Get it delivered tomorrow")).build());
    var card = insights(tenant).getPersonaCard(GetPersonaCardRequest.newBuilder().setPersonaId(personaId).build());

    assertThat(card.getSize()).isEqualTo(10);
    assertThat(card.getShare()).isEqualTo(0.5);
    assertThat(card.getScoresAvailable()).isFalse();
    assertThat(card.hasNps()).isFalse();
    assertThat(card.getPreferredChannels(0).getChannel()).isEqualTo("EMAIL");
    assertThat(card.getNarrative().getGoalsList()).containsExactly("Get it delivered tomorrow");
  }

  @Test
  void contactPatternsCountEachSlotBySegment() {
    String tenant = newTenant();
    twoKindsOfCustomers(tenant);
    var events = ApplyCustomerEventsRequest.newBuilder();
    for (int i = 0; i < 3; i++) {
      events.addEvents(contact("e" + i, "c12", Channel.CHANNEL_SUPPORT, 1, 9));
    }
    events.addEvents(contact("e9", "c1", Channel.CHANNEL_EMAIL, 5, 18));
    customers(tenant).applyCustomerEvents(events.build());

    var patterns = insights(tenant).getContactPatterns(GetContactPatternsRequest.getDefaultInstance());

    assertThat(patterns.getCellsList()).extracting(c -> c.getSegment() + "/" + c.getChannel() + "/" + c.getWeekday()
        + "/" + c.getHour() + "=" + c.getContacts()).containsExactly("mass/SUPPORT/1/9=3", "vip/EMAIL/5/18=1");
    assertThat(patterns.getSegmentsList()).extracting(s -> s.getSegment() + ":" + s.getCustomers() + ":" + s.getContacts())
        .containsExactly("mass:10:3", "vip:10:1");
    assertThat(patterns.getScoresAvailable()).isFalse();
    var card = insights(tenant).getSegmentCard(GetSegmentCardRequest.newBuilder().setSegmentId("mass").build());
    assertThat(card.getSize()).isEqualTo(10);
    assertThat(card.getContactsByHourList()).extracting(s -> s.getSlot() + "=" + s.getContacts()).containsExactly("9=3");
  }

  @Test
  void badRequestsNameTheirFields() {
    String tenant = newTenant();
    var few = failure(() -> discovery(tenant).discoverPersonas(DiscoverPersonasRequest.getDefaultInstance()));
    var k = failure(() -> discovery(tenant).discoverPersonas(DiscoverPersonasRequest.newBuilder().setMaxK(40).build()));
    var subject = failure(() -> insights(tenant).updateCardNarrative(UpdateCardNarrativeRequest.newBuilder()
        .setSubject("team").setSubjectId("x").build()));
    var unknown = failure(() -> insights(tenant).getPersonaCard(GetPersonaCardRequest.newBuilder().setPersonaId("nope").build()));

    assertThat(few.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(violatedFields(k)).containsExactly("max_k");
    assertThat(violatedFields(subject)).containsExactly("subject");
    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  static CustomerEvent contact(String id, String customer, Channel channel, int weekday, int hour) {
    return CustomerEvent.newBuilder().setEventId(id).setCustomerId(customer)
        .setKind(CustomerEventKind.CUSTOMER_EVENT_KIND_CONTACT).setChannel(channel)
        .setLocalWeekday(weekday).setLocalHour(hour).setOccurTime(PersonaServiceIT.timestamp(PersonaServiceIT.NOW)).build();
  }
}
