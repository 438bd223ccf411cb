package io.cxhub.persona;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import com.mongodb.client.MongoDatabase;
import io.cxhub.kit.testing.EmbeddedMongoInitializer;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.persona.v1.BatchUpsertCustomersRequest;
import io.cxhub.proto.persona.v1.Consent;
import io.cxhub.proto.persona.v1.Customer;
import io.cxhub.proto.persona.v1.CustomerBehavioral;
import io.cxhub.proto.persona.v1.CustomerDemographics;
import io.cxhub.proto.persona.v1.CustomerPsychographics;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import io.cxhub.proto.persona.v1.CustomerTransactional;
import io.cxhub.proto.persona.v1.DeleteCustomerRequest;
import io.cxhub.proto.persona.v1.GetCustomerRequest;
import io.cxhub.proto.persona.v1.ImportCustomersRequest;
import io.cxhub.proto.persona.v1.ListCustomersRequest;
import io.cxhub.proto.persona.v1.PersonaServiceGrpc;
import io.cxhub.proto.persona.v1.UpsertCustomerRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.grpc.test.LocalGrpcPort;
import org.springframework.test.context.ContextConfiguration;

/** Customer profiles through the real gRPC server and the embedded MongoDB server. */
@SpringBootTest(
    classes = {PersonaServiceApplication.class, PersonaServiceIT.FixedClock.class},
    properties = {"spring.config.name=" + PersonaServiceApplication.NAME, "spring.grpc.server.port=0", "server.port=0"})
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
class CustomerProfilesIT {

  @LocalGrpcPort int grpcPort;
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

  CustomerServiceBlockingStub customers(String tenant) {
    return asTenant(CustomerServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, SECONDS);
  }

  String persona(String tenant, String name) {
    return asTenant(PersonaServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, SECONDS)
        .createPersona(PersonaServiceIT.create(PersonaServiceIT.named(name))).getPersonaId();
  }

  static UpsertCustomerRequest ada(String personaId) {
    return UpsertCustomerRequest.newBuilder()
        .setCustomerId("ada")
        .setSegment("smb")
        .setPersonaId(personaId)
        .setEmail("ada@example.com")
        .setDisplayName("Ada L.")
        .setDemographics(CustomerDemographics.newBuilder().setBirthYear(1985).setGender("female")
            .setIncomeBand("40-60k EUR").setCountry("FR").setCity("Lyon").setOccupation("engineer"))
        .setPsychographics(CustomerPsychographics.newBuilder().addValues("sustainability").addInterests("cycling"))
        .setTransactional(CustomerTransactional.newBuilder().setOrderCount(4).setTotalSpent(200).setCurrency("EUR")
            .setFirstOrderTime(PersonaServiceIT.timestamp(PersonaServiceIT.NOW.minusSeconds(86_400 * 300)))
            .setLastOrderTime(PersonaServiceIT.timestamp(PersonaServiceIT.NOW.minusSeconds(86_400 * 10))))
        .setBehavioral(CustomerBehavioral.newBuilder().setWebSessions(12).addDevices("smartphone")
            .setPreferredChannel(Channel.CHANNEL_EMAIL))
        .setConsent(Consent.newBuilder().setEmail(true).setProfiling(true))
        .putExternalIds("crm", "CRM-001")
        .build();
  }

  @Test
  void everyAttributeFamilyRoundTripsAndIsReadBack() {
    String tenant = newTenant();
    var stub = customers(tenant);
    String persona = persona(tenant, "Urban cyclist");

    var stored = stub.upsertCustomer(ada(persona));
    var read = stub.getCustomer(GetCustomerRequest.newBuilder().setCustomerId("ada").build());

    assertThat(read).isEqualTo(stored);
    assertThat(read.getTransactional().getAverageBasket()).isEqualTo(50.0);
    assertThat(read.getExternalIdsMap()).containsEntry("crm", "CRM-001");
    assertThat(read.getPersonaId()).isEqualTo(persona);
    assertThat(read.getConsent().getProfiling()).isTrue();
  }

  @Test
  void anUnknownPersonaIsRefusedNamingTheFieldAndNothingIsStored() {
    String tenant = newTenant();
    String otherTenantsPersona = persona(newTenant(), "Elsewhere");

    var e = failure(() -> customers(tenant).upsertCustomer(ada("p-smb")));
    var e2 = failure(() -> customers(tenant).upsertCustomer(ada(otherTenantsPersona)));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).containsExactly("persona_id");
    assertThat(violatedFields(e2)).containsExactly("persona_id");
    assertThat(failure(() -> customers(tenant).getCustomer(GetCustomerRequest.newBuilder().setCustomerId("ada").build()))
        .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void badFieldsAreAllNamed() {
    var bad = ada("").toBuilder().setEmail("not-an-address")
        .setDemographics(CustomerDemographics.newBuilder().setBirthYear(1700).setCountry("France"))
        .setTransactional(CustomerTransactional.newBuilder().setOrderCount(-1).setTotalSpent(10))
        .build();

    var e = failure(() -> customers(newTenant()).upsertCustomer(bad));

    assertThat(violatedFields(e)).contains("email", "demographics.birth_year", "demographics.country",
        "transactional.order_count", "transactional.currency");
  }

  @Test
  void aBatchWithOneBadCustomerStoresNothing() {
    String tenant = newTenant();
    var batch = BatchUpsertCustomersRequest.newBuilder();
    for (int i = 0; i < 5; i++) {
      batch.addCustomers(UpsertCustomerRequest.newBuilder().setCustomerId("b" + i).setSegment("retail"));
    }
    batch.setCustomers(3, UpsertCustomerRequest.newBuilder().setCustomerId("b3").setPersonaId("nope"));

    var e = failure(() -> customers(tenant).batchUpsertCustomers(batch.build()));

    assertThat(violatedFields(e)).containsExactly("customers[3].persona_id");
    assertThat(database.getCollection("customers").countDocuments(new Document("tenantId", tenant))).isZero();

    batch.setCustomers(3, UpsertCustomerRequest.newBuilder().setCustomerId("b3").setSegment("retail"));
    assertThat(customers(tenant).batchUpsertCustomers(batch.build()).getCustomersCount()).isEqualTo(5);
    assertThat(database.getCollection("customers").countDocuments(new Document("tenantId", tenant))).isEqualTo(5);
  }

  @Test
  void aCsvImportStoresTheGoodLinesAndReportsEachBadOneByLineAndColumn() {
    String tenant = newTenant();
    String persona = persona(tenant, "Saver");
    String csv = """
        customer_id,email,segment,persona_id,birth_year,country,order_count,total_spent,currency,last_order_time,values,preferred_channel,consent_email,ext:crm
        c1,c1@example.com,smb,%s,1990,FR,3,120.5,EUR,2025-03-01T10:00:00Z,price;quality,EMAIL,true,CRM-1
        c2,not-mail,smb,,1990,FR,0,0,,,,,,
        c3,c3@example.com,retail,,nineteen,FR,1,10,EUR,,,,,
        c4,c4@example.com,retail,p-smb,,,,,,,,,,

        c5,,retail,,,,,,,,,SUPPORT,false,
        """.formatted(persona);

    var report = customers(tenant).importCustomers(csvRequest(csv));

    assertThat(report.getLines()).isEqualTo(5);
    assertThat(report.getUpserted()).isEqualTo(2);
    assertThat(report.getRejected()).isEqualTo(3);
    assertThat(report.getErrorsList()).extracting(e -> e.getLine() + ":" + e.getField())
        .containsExactly("3:email", "4:birth_year", "5:persona_id");
    var c1 = customers(tenant).getCustomer(GetCustomerRequest.newBuilder().setCustomerId("c1").build());
    assertThat(c1.getPsychographics().getValuesList()).containsExactly("price", "quality");
    assertThat(c1.getExternalIdsMap()).containsEntry("crm", "CRM-1");
    assertThat(c1.getBehavioral().getPreferredChannel()).isEqualTo(Channel.CHANNEL_EMAIL);
    assertThat(c1.getTransactional().getTotalSpent()).isEqualTo(120.5);
  }

  @Test
  void aCsvWithAnUnknownColumnIsRefusedWhole() {
    String tenant = newTenant();
    var e = failure(() -> customers(tenant).importCustomers(csvRequest("customer_id,shoe_size\nc1,42\n")));

    assertThat(violatedFields(e)).containsExactly("body");
    assertThat(e.getStatus().getDescription()).contains("shoe_size");
    assertThat(database.getCollection("customers").countDocuments(new Document("tenantId", tenant))).isZero();
  }

  @Test
  void listingPagesThroughTheTenantsCustomersWithFiltersAndDeleteRemovesOne() {
    String tenant = newTenant();
    var batch = BatchUpsertCustomersRequest.newBuilder();
    for (int i = 0; i < 7; i++) {
      batch.addCustomers(UpsertCustomerRequest.newBuilder().setCustomerId("k" + i).setSegment(i % 2 == 0 ? "even" : "odd"));
    }
    customers(tenant).batchUpsertCustomers(batch.build());
    customers(newTenant()).upsertCustomer(UpsertCustomerRequest.newBuilder().setCustomerId("k9").setSegment("even").build());

    var ids = new ArrayList<String>();
    String token = "";
    do {
      var page = customers(tenant).listCustomers(ListCustomersRequest.newBuilder().setSegment("even").setPageSize(2)
          .setPageToken(token).build());
      page.getCustomersList().forEach(c -> ids.add(c.getCustomerId()));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertThat(ids).containsExactly("k0", "k2", "k4", "k6");

    var first = customers(tenant).listCustomers(ListCustomersRequest.newBuilder().setPageSize(2).build());
    var changedFilter = failure(() -> customers(tenant).listCustomers(ListCustomersRequest.newBuilder()
        .setSegment("odd").setPageToken(first.getNextPageToken()).build()));
    assertThat(violatedFields(changedFilter)).containsExactly("page_token");

    customers(tenant).deleteCustomer(DeleteCustomerRequest.newBuilder().setCustomerId("k0").build());
    assertThat(failure(() -> customers(tenant).deleteCustomer(DeleteCustomerRequest.newBuilder().setCustomerId("k0").build()))
        .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(failure(() -> customers(newTenant()).getCustomer(GetCustomerRequest.newBuilder().setCustomerId("k1").build()))
        .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void anUpsertKeepsTheCreateTime() {
    String tenant = newTenant();
    Customer first = customers(tenant).upsertCustomer(UpsertCustomerRequest.newBuilder().setCustomerId("t1").build());
    Customer second = customers(tenant).upsertCustomer(UpsertCustomerRequest.newBuilder().setCustomerId("t1").setSegment("x").build());
    assertThat(second.getCreateTime()).isEqualTo(first.getCreateTime());
    assertThat(second.getSegment()).isEqualTo("x");
  }

  @Autowired io.cxhub.persona.value.CustomerValuations valuations;

  @Test
  void valueTiersFillFromPurchaseHistoriesAndFollowChanges() {
    String tenant = newTenant();
    var batch = BatchUpsertCustomersRequest.newBuilder();
    int[][] rows = {{2, 10, 1000}, {10, 5, 500}, {40, 3, 300}, {200, 8, 800}, {400, 1, 50}};
    for (int i = 0; i < rows.length; i++) {
      var last = PersonaServiceIT.timestamp(PersonaServiceIT.NOW.minusSeconds(86_400L * rows[i][0]));
      batch.addCustomers(UpsertCustomerRequest.newBuilder().setCustomerId("v" + i)
          .setTransactional(CustomerTransactional.newBuilder().setOrderCount(rows[i][1]).setTotalSpent(rows[i][2])
              .setCurrency("EUR").setLastOrderTime(last)));
    }
    batch.addCustomers(UpsertCustomerRequest.newBuilder().setCustomerId("v5"));
    customers(tenant).batchUpsertCustomers(batch.build());

    var report = customers(tenant).computeCustomerValue(
        io.cxhub.proto.persona.v1.ComputeCustomerValueRequest.getDefaultInstance());

    assertThat(report.getCustomers()).isEqualTo(6);
    assertThat(report.getScored()).isEqualTo(5);
    assertThat(report.getTiersList()).filteredOn(t -> t.getCustomers() > 0)
        .extracting(t -> t.getTier().name() + "=" + t.getCustomers())
        .containsExactly("VALUE_TIER_NO_ORDERS=1", "VALUE_TIER_CHAMPIONS=1", "VALUE_TIER_LOYAL=1",
            "VALUE_TIER_PROMISING=1", "VALUE_TIER_AT_RISK=1", "VALUE_TIER_LOST=1");
    var d = customers(tenant).getCustomer(GetCustomerRequest.newBuilder().setCustomerId("v3").build());
    assertThat(d.getValue().getTier()).isEqualTo(io.cxhub.proto.persona.v1.ValueTier.VALUE_TIER_AT_RISK);
    assertThat(customers(tenant).lookupCustomers(io.cxhub.proto.persona.v1.LookupCustomersRequest.newBuilder()
        .addCustomerIds("v0").build()).getCustomers(0).getValue().getTier())
        .isEqualTo(io.cxhub.proto.persona.v1.ValueTier.VALUE_TIER_CHAMPIONS);

    // the lost customer comes back with a big order yesterday: the refresh revalues the tenant
    customers(tenant).upsertCustomer(UpsertCustomerRequest.newBuilder().setCustomerId("v4")
        .setTransactional(CustomerTransactional.newBuilder().setOrderCount(20).setTotalSpent(5000).setCurrency("EUR")
            .setLastOrderTime(PersonaServiceIT.timestamp(PersonaServiceIT.NOW.minusSeconds(86_400))))
        .build());
    valuations.refreshDue();

    var back = customers(tenant).getCustomer(GetCustomerRequest.newBuilder().setCustomerId("v4").build());
    assertThat(back.getValue().getTier()).isEqualTo(io.cxhub.proto.persona.v1.ValueTier.VALUE_TIER_CHAMPIONS);
    assertThat(customers(tenant).getCustomerValueReport(
        io.cxhub.proto.persona.v1.GetCustomerValueReportRequest.getDefaultInstance()).getTiersList())
        .filteredOn(t -> t.getTier() == io.cxhub.proto.persona.v1.ValueTier.VALUE_TIER_LOST).singleElement()
        .satisfies(t -> assertThat(t.getCustomers()).isZero());
    assertThat(failure(() -> customers(newTenant()).getCustomerValueReport(
        io.cxhub.proto.persona.v1.GetCustomerValueReportRequest.getDefaultInstance())).getStatus().getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  static io.cxhub.proto.persona.v1.CustomerEvent order(String eventId, String customer, double amount, long daysAgo) {
    return io.cxhub.proto.persona.v1.CustomerEvent.newBuilder().setEventId(eventId).setCustomerId(customer)
        .setKind(io.cxhub.proto.persona.v1.CustomerEventKind.CUSTOMER_EVENT_KIND_ORDER).setAmount(amount)
        .setCurrency("EUR")
        .setOccurTime(PersonaServiceIT.timestamp(PersonaServiceIT.NOW.minusSeconds(86_400 * daysAgo))).build();
  }

  static io.cxhub.proto.persona.v1.CustomerEvent contact(String eventId, String customer, Channel channel, int weekday,
      int hour) {
    return io.cxhub.proto.persona.v1.CustomerEvent.newBuilder().setEventId(eventId).setCustomerId(customer)
        .setKind(io.cxhub.proto.persona.v1.CustomerEventKind.CUSTOMER_EVENT_KIND_CONTACT).setChannel(channel)
        .setLocalWeekday(weekday).setLocalHour(hour)
        .setOccurTime(PersonaServiceIT.timestamp(PersonaServiceIT.NOW)).build();
  }

  static io.cxhub.proto.persona.v1.ApplyCustomerEventsRequest events(io.cxhub.proto.persona.v1.CustomerEvent... events) {
    return io.cxhub.proto.persona.v1.ApplyCustomerEventsRequest.newBuilder().addAllEvents(java.util.List.of(events)).build();
  }

  @Test
  void relayedOrdersAndContactsCountOnceEachEvenWhenResentAfterACrash() {
    String tenant = newTenant();
    var stub = customers(tenant);
    stub.upsertCustomer(UpsertCustomerRequest.newBuilder().setCustomerId("r1").setSegment("smb")
        .setTransactional(CustomerTransactional.newBuilder().setOrderCount(1).setTotalSpent(10).setCurrency("EUR")
            .setFirstOrderTime(PersonaServiceIT.timestamp(PersonaServiceIT.NOW.minusSeconds(86_400 * 100))))
        .build());

    var first = stub.applyCustomerEvents(events(order("o1", "r1", 30, 20), order("o2", "r1", 50, 5),
        contact("k1", "r1", Channel.CHANNEL_SUPPORT, 1, 9), contact("k2", "r1", Channel.CHANNEL_SUPPORT, 1, 10),
        contact("k3", "r1", Channel.CHANNEL_EMAIL, 3, 9), order("o3", "r2", 70, 1)));
    // the relay crashed before recording persona-service's answer: it sends the batch again
    var resent = stub.applyCustomerEvents(events(order("o1", "r1", 30, 20), order("o2", "r1", 50, 5),
        contact("k1", "r1", Channel.CHANNEL_SUPPORT, 1, 9), contact("k2", "r1", Channel.CHANNEL_SUPPORT, 1, 10),
        contact("k3", "r1", Channel.CHANNEL_EMAIL, 3, 9), order("o3", "r2", 70, 1)));

    assertThat(first.getApplied()).isEqualTo(6);
    assertThat(resent.getApplied()).isZero();
    assertThat(resent.getDuplicates()).isEqualTo(6);
    var r1 = stub.getCustomer(GetCustomerRequest.newBuilder().setCustomerId("r1").build());
    var a = r1.getActivity();
    assertThat(a.getOrders()).isEqualTo(2);
    assertThat(a.getSpent()).isEqualTo(80.0);
    assertThat(a.getFirstOrderTime()).isEqualTo(PersonaServiceIT.timestamp(PersonaServiceIT.NOW.minusSeconds(86_400 * 20)));
    assertThat(a.getLastOrderTime()).isEqualTo(PersonaServiceIT.timestamp(PersonaServiceIT.NOW.minusSeconds(86_400 * 5)));
    assertThat(a.getContactsByChannelMap()).containsEntry("SUPPORT", 2L).containsEntry("EMAIL", 1L);
    assertThat(a.getContactsByWeekdayMap()).containsEntry(1, 2L).containsEntry(3, 1L);
    assertThat(a.getContactsByHourMap()).containsEntry(9, 2L).containsEntry(10, 1L);
    assertThat(a.getPreferredChannel()).isEqualTo("SUPPORT");
    // the profile stays as stated, and survives a later upsert next to the activity
    assertThat(r1.getSegment()).isEqualTo("smb");
    stub.upsertCustomer(UpsertCustomerRequest.newBuilder().setCustomerId("r1").setSegment("vip").build());
    assertThat(stub.getCustomer(GetCustomerRequest.newBuilder().setCustomerId("r1").build()).getActivity().getOrders())
        .isEqualTo(2);
    // a customer first known through an order exists, with that order
    assertThat(stub.getCustomer(GetCustomerRequest.newBuilder().setCustomerId("r2").build()).getActivity().getSpent())
        .isEqualTo(70.0);
    // value uses stated baseline plus recorded orders: 1 + 2 orders, 10 + 80 spent
    stub.computeCustomerValue(io.cxhub.proto.persona.v1.ComputeCustomerValueRequest.getDefaultInstance());
    stub.upsertCustomer(UpsertCustomerRequest.newBuilder().setCustomerId("r1").setSegment("vip")
        .setTransactional(CustomerTransactional.newBuilder().setOrderCount(1).setTotalSpent(10).setCurrency("EUR"))
        .build());
    valuations.compute(tenant);
    var valued = stub.getCustomer(GetCustomerRequest.newBuilder().setCustomerId("r1").build()).getValue();
    assertThat(valued.getFrequency()).isEqualTo(3);
    assertThat(valued.getMonetary()).isEqualTo(90.0);
    assertThat(valued.getRecencyDays()).isEqualTo(5);
  }

  @Test
  void aMalformedRelayedEventIsRefusedWithNothingApplied() {
    String tenant = newTenant();
    var e = failure(() -> customers(tenant).applyCustomerEvents(events(order("ok", "m1", 10, 1),
        contact("bad", "m1", Channel.CHANNEL_EMAIL, 9, 25))));
    assertThat(violatedFields(e)).containsExactly("events[1].local_weekday", "events[1].local_hour");
    assertThat(failure(() -> customers(tenant).getCustomer(GetCustomerRequest.newBuilder().setCustomerId("m1").build()))
        .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void anErasedCustomerIsGoneAndALateEventDoesNotRecreateThem() {
    String tenant = newTenant();
    var stub = customers(tenant);
    stub.upsertCustomer(ada(""));
    var erase = io.cxhub.proto.persona.v1.EraseSubjectRequest.newBuilder().setCustomerId("ada").build();

    assertThat(stub.eraseSubject(erase).getProfileDeleted()).isTrue();
    // an order offered before the erasure and relayed after it
    var late = stub.applyCustomerEvents(events(order("late-1", "ada", 30, 1)));

    assertThat(late.getApplied()).isZero();
    assertThat(failure(() -> stub.getCustomer(GetCustomerRequest.newBuilder().setCustomerId("ada").build()))
        .getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(database.getCollection("customers").countDocuments(new Document("tenantId", tenant))).isZero();
    assertThat(database.getCollection("customer_erasures").find(new Document("tenantId", tenant)).first().toJson())
        .doesNotContain("ada");
    // idempotent; an id never known is not found
    assertThat(stub.eraseSubject(erase).getProfileDeleted()).isFalse();
    assertThat(failure(() -> stub.eraseSubject(io.cxhub.proto.persona.v1.EraseSubjectRequest.newBuilder()
        .setCustomerId("nobody").build())).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    // stating the id again is new, deliberate data
    stub.upsertCustomer(ada(""));
    assertThat(stub.applyCustomerEvents(events(order("late-2", "ada", 30, 1))).getApplied()).isEqualTo(1);
  }

  static ImportCustomersRequest csvRequest(String csv) {
    return ImportCustomersRequest.newBuilder().setBody(HttpBody.newBuilder().setContentType("text/csv")
        .setData(ByteString.copyFrom(csv, StandardCharsets.UTF_8))).build();
  }
}
