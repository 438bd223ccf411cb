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

  static ImportCustomersRequest csvRequest(String csv) {
    return ImportCustomersRequest.newBuilder().setBody(HttpBody.newBuilder().setContentType("text/csv")
        .setData(ByteString.copyFrom(csv, StandardCharsets.UTF_8))).build();
  }
}
