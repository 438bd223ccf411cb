package io.cxhub.persona;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.cxhub.kit.testing.EmbeddedMongoInitializer;
import io.cxhub.proto.persona.v1.AdoptPersonaProposalRequest;
import io.cxhub.proto.persona.v1.BatchUpsertCustomersRequest;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.persona.v1.CardNarrative;
import io.cxhub.proto.persona.v1.CreatePersonaRequest;
import io.cxhub.proto.persona.v1.CustomerInsightServiceGrpc;
import io.cxhub.proto.persona.v1.GetPersonaCardRequest;
import io.cxhub.proto.persona.v1.UpdateCardNarrativeRequest;
import io.cxhub.proto.persona.v1.CustomerBehavioral;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.CustomerTransactional;
import io.cxhub.proto.persona.v1.DeletePersonaRequest;
import io.cxhub.proto.persona.v1.DiscoverPersonasRequest;
import io.cxhub.proto.persona.v1.GetCustomerRequest;
import io.cxhub.proto.persona.v1.GetPersonaDiscoveryRequest;
import io.cxhub.proto.persona.v1.GetPersonaRequest;
import io.cxhub.proto.persona.v1.ListPersonaDiscoveriesRequest;
import io.cxhub.proto.persona.v1.Persona;
import io.cxhub.proto.persona.v1.PersonaDiscovery;
import io.cxhub.proto.persona.v1.PersonaDiscoveryServiceGrpc;
import io.cxhub.proto.persona.v1.PersonaServiceGrpc;
import io.cxhub.proto.persona.v1.SegmentComparison;
import io.cxhub.proto.persona.v1.SegmentMembership;
import io.cxhub.proto.persona.v1.SegmentOperator;
import io.cxhub.proto.persona.v1.SegmentRule;
import io.cxhub.proto.persona.v1.SegmentRuleGroup;
import io.cxhub.proto.persona.v1.SegmentServiceGrpc;
import io.cxhub.proto.persona.v1.SegmentValue;
import io.cxhub.proto.persona.v1.UpdatePersonaRequest;
import io.cxhub.proto.persona.v1.UpsertCustomerRequest;
import io.cxhub.proto.persona.v1.UpsertSegmentRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.test.LocalGrpcPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Personas changed and deleted, and discoveries found again (issues 12 and 14), through the
 * real gRPC server and MongoDB driver, with metrics-service absent (discovery degrades).
 */
@SpringBootTest(
    classes = {PersonaServiceApplication.class, PersonaServiceIT.FixedClock.class},
    properties = {"spring.config.name=" + PersonaServiceApplication.NAME, "spring.grpc.server.port=0", "server.port=0",
        "cx.peers.metrics=localhost:1", "cx.persona.segment-snapshot.enabled=false",
        "cx.persona.value-refresh.enabled=false"})
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
class PersonaLifecycleIT {

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

  PersonaServiceGrpc.PersonaServiceBlockingStub personas(String tenant) {
    return asTenant(PersonaServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, SECONDS);
  }

  PersonaDiscoveryServiceGrpc.PersonaDiscoveryServiceBlockingStub discovery(String tenant) {
    return asTenant(PersonaDiscoveryServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, SECONDS);
  }

  CustomerServiceGrpc.CustomerServiceBlockingStub customers(String tenant) {
    return asTenant(CustomerServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, SECONDS);
  }

  SegmentServiceGrpc.SegmentServiceBlockingStub segments(String tenant) {
    return asTenant(SegmentServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, SECONDS);
  }

  Persona create(String tenant, String name) {
    return personas(tenant).createPersona(CreatePersonaRequest.newBuilder().setPersona(Persona.newBuilder()
        .setName(name).setDescription("Works late").addGoals("Save time").addNeeds("Evening delivery")).build());
  }

  static UpdatePersonaRequest update(Persona persona, String... paths) {
    return UpdatePersonaRequest.newBuilder().setPersona(persona)
        .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).build();
  }

  static DeletePersonaRequest delete(String personaId, String etag) {
    return DeletePersonaRequest.newBuilder().setPersonaId(personaId).setEtag(etag).build();
  }

  String customerPersona(String tenant, String customerId) {
    var c = customers(tenant).getCustomer(GetCustomerRequest.newBuilder().setCustomerId(customerId).build());
    return c.getPersonaId() + "|" + c.getAssignedPersonaId();
  }

  /** 10 big buyers and 10 small ones: discovery finds the two groups. */
  void twoKindsOfCustomers(String tenant) {
    var batch = BatchUpsertCustomersRequest.newBuilder();
    for (int i = 0; i < 20; i++) {
      boolean big = i < 10;
      batch.addCustomers(customer("c" + i, big, i, ""));
    }
    customers(tenant).batchUpsertCustomers(batch.build());
  }

  static UpsertCustomerRequest customer(String id, boolean big, int i, String personaId) {
    return UpsertCustomerRequest.newBuilder().setCustomerId(id).setPersonaId(personaId)
        .setTransactional(CustomerTransactional.newBuilder().setOrderCount(big ? 30 + i : 1)
            .setTotalSpent(big ? 3000 + i : 10 + i).setCurrency("EUR")
            .setLastOrderTime(PersonaServiceIT.timestamp(PersonaServiceIT.NOW.minusSeconds(86_400L * (big ? 2 : 200)))))
        .setBehavioral(CustomerBehavioral.newBuilder().setWebSessions(big ? 50 : 1)
            .setPreferredChannel(big ? Channel.CHANNEL_EMAIL : Channel.CHANNEL_SUPPORT))
        .build();
  }

  @Nested
  class Updating {

    @Test
    void changesOnlyTheMaskedTextsAndMovesTheEtagOn() {
      String tenant = newTenant();
      var created = create(tenant, "Busy parent");
      assertThat(created.getEtag()).isEqualTo("1");

      var updated = personas(tenant).updatePersona(update(created.toBuilder().setName("Parent pressé")
          .clearGoals().addGoals("Livré avant 18 h").setDescription("ignored: not in the mask").build(), "name", "goals"));

      assertThat(updated.getName()).isEqualTo("Parent pressé");
      assertThat(updated.getGoalsList()).containsExactly("Livré avant 18 h");
      assertThat(updated.getDescription()).isEqualTo("Works late");
      assertThat(updated.getNeedsList()).containsExactly("Evening delivery");
      assertThat(updated.getEtag()).isEqualTo("2");
      assertThat(updated.getCreateTime()).isEqualTo(created.getCreateTime());
      assertThat(personas(tenant).getPersona(GetPersonaRequest.newBuilder().setPersonaId(created.getPersonaId()).build()))
          .isEqualTo(updated);
    }

    @Test
    void aStaleEtagIsAbortedWithTheCurrentOneAndChangesNothing() {
      String tenant = newTenant();
      var created = create(tenant, "Busy parent");
      personas(tenant).updatePersona(update(created.toBuilder().addFrustrations("Late parcels").build(), "frustrations"));

      var error = failure(() -> personas(tenant).updatePersona(
          update(created.toBuilder().setName("Lost update").build(), "name")));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
      assertThat(error.getStatus().getDescription()).contains("'1' is stale", "current etag is '2'");
      var stored = personas(tenant).getPersona(GetPersonaRequest.newBuilder().setPersonaId(created.getPersonaId()).build());
      assertThat(stored.getName()).isEqualTo("Busy parent");
      assertThat(stored.getFrustrationsList()).containsExactly("Late parcels");
    }

    @Test
    void invalidChangesNameTheirFields() {
      String tenant = newTenant();
      var created = create(tenant, "Busy parent");
      create(tenant, "Student");

      var empty = failure(() -> personas(tenant).updatePersona(update(created.toBuilder().setName(" ")
          .clearMotivations().addMotivations("x".repeat(201)).build(), "name", "motivations")));
      var unknown = failure(() -> personas(tenant).updatePersona(update(created, "persona_id")));
      var taken = failure(() -> personas(tenant).updatePersona(update(created.toBuilder().setName("STUDENT").build(), "name")));
      var missing = failure(() -> personas(tenant).updatePersona(update(created.toBuilder().setPersonaId("nope").build())));

      assertThat(violatedFields(empty)).containsExactlyInAnyOrder("persona.name", "persona.motivations[0]");
      assertThat(violatedFields(unknown)).containsExactly("update_mask");
      assertThat(taken.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
      assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void editedGoalsShowOnTheCardEvenAfterItsNarrativeWasSetApart() {
      String tenant = newTenant();
      var created = create(tenant, "Busy parent");
      var insights = asTenant(CustomerInsightServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, SECONDS);
      insights.updateCardNarrative(UpdateCardNarrativeRequest.newBuilder().setSubject("persona")
          .setSubjectId(created.getPersonaId()).setNarrative(CardNarrative.newBuilder().addGoals("Old card goal")).build());

      personas(tenant).updatePersona(update(created.toBuilder().clearGoals().addGoals("Livré avant 18 h").build(), "goals"));

      var card = insights.getPersonaCard(GetPersonaCardRequest.newBuilder().setPersonaId(created.getPersonaId()).build());
      assertThat(card.getNarrative().getGoalsList()).containsExactly("Livré avant 18 h");
      assertThat(card.getNarrative().getNeedsList()).containsExactly("Evening delivery");
    }

    @Test
    void anotherTenantsPersonaCannotBeChanged() {
      var created = create(newTenant(), "Busy parent");

      var error = failure(() -> personas(newTenant()).updatePersona(update(created.toBuilder().setName("Mine").build())));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void anAdoptedPersonasTextsChangeButItsCustomersStay() {
      String tenant = newTenant();
      twoKindsOfCustomers(tenant);
      var found = discovery(tenant).discoverPersonas(DiscoverPersonasRequest.newBuilder().setMaxK(3).build());
      var big = found.getProposalsList().stream().filter(p -> p.getRevenue() > 10_000).findFirst().orElseThrow();
      var adopted = discovery(tenant).adoptPersonaProposal(AdoptPersonaProposalRequest.newBuilder()
          .setDiscoveryId(found.getDiscoveryId()).setProposalId(big.getProposalId()).setName("Big buyers").build())
          .getPersona();

      personas(tenant).updatePersona(update(adopted.toBuilder().setName("Fidèles").addGoals("Être reconnus").build(),
          "name", "goals"));

      assertThat(customerPersona(tenant, "c0")).isEqualTo("|" + adopted.getPersonaId());
      assertThat(discovery(tenant).getPersonaDiscovery(GetPersonaDiscoveryRequest.newBuilder()
          .setDiscoveryId(found.getDiscoveryId()).build()).getProposalsList())
          .filteredOn(p -> p.getProposalId().equals(big.getProposalId()))
          .extracting(p -> p.getAdoptedPersonaId()).containsExactly(adopted.getPersonaId());
    }
  }

  @Nested
  class Deleting {

    @Test
    void customersWhoStatedItLoseItAndTheRemainingRulesAssignThemAgain() {
      String tenant = newTenant();
      twoKindsOfCustomers(tenant);
      var found = discovery(tenant).discoverPersonas(DiscoverPersonasRequest.newBuilder().setMaxK(3).build());
      var big = found.getProposalsList().stream().filter(p -> p.getRevenue() > 10_000).findFirst().orElseThrow();
      var small = found.getProposalsList().stream().filter(p -> p != big).findFirst().orElseThrow();
      var bigPersona = adopt(tenant, found, big.getProposalId(), "Big buyers");
      var smallPersona = adopt(tenant, found, small.getProposalId(), "Small buyers");
      var stated = create(tenant, "Hand-made");
      // c0 (a big buyer) states the hand-made persona, c15 (a small one) is assigned by rule
      customers(tenant).upsertCustomer(customer("c0", true, 0, stated.getPersonaId()));
      assertThat(customerPersona(tenant, "c0")).startsWith(stated.getPersonaId() + "|");
      assertThat(customerPersona(tenant, "c15")).isEqualTo("|" + smallPersona);

      personas(tenant).deletePersona(delete(stated.getPersonaId(), stated.getEtag()));
      personas(tenant).deletePersona(delete(smallPersona, ""));

      // c0 has no stated persona any more: the remaining rule assigns it; c15's persona is gone
      assertThat(customerPersona(tenant, "c0")).isEqualTo("|" + bigPersona);
      assertThat(customerPersona(tenant, "c15")).isEqualTo("|");
      var gone = failure(() -> personas(tenant).getPersona(GetPersonaRequest.newBuilder()
          .setPersonaId(stated.getPersonaId()).build()));
      assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(discovery(tenant).getPersonaDiscovery(GetPersonaDiscoveryRequest.newBuilder()
          .setDiscoveryId(found.getDiscoveryId()).build()).getProposalsList())
          .extracting(p -> p.getAdoptedPersonaId()).containsExactlyInAnyOrder(bigPersona, "");
    }

    @Test
    void aPersonaNamedByASegmentRuleIsNotDeletedAndTheSegmentIsNamed() {
      String tenant = newTenant();
      var persona = create(tenant, "Busy parent");
      var other = create(tenant, "Student");
      segments(tenant).upsertSegment(UpsertSegmentRequest.newBuilder().setSegmentId("parents")
          .setDisplayName("Parents").setRule(SegmentRule.newBuilder().setAll(SegmentRuleGroup.newBuilder()
              .addRules(SegmentRule.newBuilder().setIn(SegmentMembership.newBuilder().setAttribute("persona_id")
                  .addValues(persona.getPersonaId())))
              .addRules(SegmentRule.newBuilder().setCompare(SegmentComparison.newBuilder().setAttribute("country")
                  .setOperator(SegmentOperator.SEGMENT_OPERATOR_EQ).setValue(SegmentValue.newBuilder().setText("FR"))))))
          .build());

      var error = failure(() -> personas(tenant).deletePersona(delete(persona.getPersonaId(), "")));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(error.getStatus().getDescription()).contains("segment 'Parents' (parents)");
      assertThat(personas(tenant).getPersona(GetPersonaRequest.newBuilder().setPersonaId(persona.getPersonaId()).build()))
          .isEqualTo(persona);
      // a persona the rule does not name is deleted
      personas(tenant).deletePersona(delete(other.getPersonaId(), ""));
    }

    @Test
    void aStaleEtagOrAnUnknownIdDeletesNothing() {
      String tenant = newTenant();
      var created = create(tenant, "Busy parent");
      var changed = personas(tenant).updatePersona(update(created.toBuilder().setDescription("New").build(), "description"));

      var stale = failure(() -> personas(tenant).deletePersona(delete(created.getPersonaId(), created.getEtag())));
      var otherTenant = failure(() -> personas(newTenant()).deletePersona(delete(created.getPersonaId(), "")));

      assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
      assertThat(otherTenant.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      personas(tenant).deletePersona(delete(created.getPersonaId(), changed.getEtag()));
      var again = failure(() -> personas(tenant).deletePersona(delete(created.getPersonaId(), "")));
      assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    String adopt(String tenant, PersonaDiscovery found, String proposalId, String name) {
      return discovery(tenant).adoptPersonaProposal(AdoptPersonaProposalRequest.newBuilder()
          .setDiscoveryId(found.getDiscoveryId()).setProposalId(proposalId).setName(name).build())
          .getPersona().getPersonaId();
    }
  }

  @Nested
  class ListingDiscoveries {

    @Test
    void pagesThroughTheTenantsDiscoveriesNewestFirst() {
      String tenant = newTenant();
      twoKindsOfCustomers(tenant);
      var made = new ArrayList<PersonaDiscovery>();
      for (int i = 0; i < 3; i++) {
        made.add(discovery(tenant).discoverPersonas(DiscoverPersonasRequest.newBuilder().setMaxK(3).build()));
      }
      String other = newTenant();
      twoKindsOfCustomers(other);
      discovery(other).discoverPersonas(DiscoverPersonasRequest.newBuilder().setMaxK(3).build());

      var seen = new ArrayList<PersonaDiscovery>();
      String token = "";
      int pages = 0;
      do {
        var page = discovery(tenant).listPersonaDiscoveries(ListPersonaDiscoveriesRequest.newBuilder()
            .setPageSize(2).setPageToken(token).build());
        seen.addAll(page.getDiscoveriesList());
        token = page.getNextPageToken();
        pages++;
      } while (!token.isEmpty());

      assertThat(pages).isEqualTo(2);
      // the clock is fixed: same create time, so newest first falls back to the id, descending
      assertThat(seen).extracting(PersonaDiscovery::getDiscoveryId).containsExactlyElementsOf(
          made.stream().map(PersonaDiscovery::getDiscoveryId).sorted(java.util.Comparator.reverseOrder()).toList());
      assertThat(seen.get(0).getProposalsCount()).isEqualTo(seen.get(0).getK());
    }

    @Test
    void aTenantWithoutDiscoveriesHasAnEmptyListAndBadPagingIsNamed() {
      String tenant = newTenant();

      var empty = discovery(tenant).listPersonaDiscoveries(ListPersonaDiscoveriesRequest.getDefaultInstance());
      var size = failure(() -> discovery(tenant).listPersonaDiscoveries(ListPersonaDiscoveriesRequest.newBuilder()
          .setPageSize(101).build()));
      var token = failure(() -> discovery(tenant).listPersonaDiscoveries(ListPersonaDiscoveriesRequest.newBuilder()
          .setPageToken("garbage").build()));

      assertThat(empty.getDiscoveriesList()).isEmpty();
      assertThat(empty.getNextPageToken()).isEmpty();
      assertThat(violatedFields(size)).containsExactly("page_size");
      assertThat(violatedFields(token)).containsExactly("page_token");
    }
  }
}
