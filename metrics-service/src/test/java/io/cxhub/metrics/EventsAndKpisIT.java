package io.cxhub.metrics;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.type.Money;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.metrics.v1.Event;
import io.cxhub.proto.metrics.v1.EventServiceGrpc;
import io.cxhub.proto.metrics.v1.EventType;
import io.cxhub.proto.metrics.v1.ImportEventsRequest;
import io.cxhub.proto.metrics.v1.ImportEventsResponse;
import io.cxhub.proto.metrics.v1.KpiDimension;
import io.cxhub.proto.metrics.v1.KpiFilter;
import io.cxhub.proto.metrics.v1.KpiServiceGrpc;
import io.cxhub.proto.metrics.v1.QueryKpisRequest;
import io.cxhub.proto.metrics.v1.QueryKpisResponse;
import io.cxhub.proto.metrics.v1.RecordEventsRequest;
import io.cxhub.proto.metrics.v1.RecordEventsResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Business events and KPIs through the real gRPC server, the real driver and the embedded
 * MongoDB: recording once per event id, the NDJSON import's line policy, validation, tenant
 * scoping, and KPIs read back from the cubes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsAndKpisIT {

  private static final String MARCH_10 = "2026-03-10T09:00:00Z";

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;
  private MongoClient client;
  private MongoDatabase db;

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    app = MetricsServiceApplication.builder().run(
        "--spring.data.mongodb.uri=" + mongo.connectionString("cx_metrics"),
        "--spring.grpc.server.port=0",
        "--server.port=0",
        "--cx.metrics.ingest.sweep-interval=1h");
    int port = app.getEnvironment().getRequiredProperty("local.grpc.port", Integer.class);
    channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    client = MongoClients.create(mongo.connectionString("cx_metrics"));
    db = client.getDatabase("cx_metrics");
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    client.close();
    mongo.close();
  }

  private EventServiceGrpc.EventServiceBlockingStub events(String tenant) {
    return asTenant(EventServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS), tenant);
  }

  private KpiServiceGrpc.KpiServiceBlockingStub kpis(String tenant) {
    return asTenant(KpiServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS), tenant);
  }

  private static Timestamp at(String instant) {
    return Timestamp.newBuilder().setSeconds(Instant.parse(instant).getEpochSecond()).build();
  }

  private static Event resolved(String id, int contacts, long handlingSeconds) {
    return Event.newBuilder().setEventId(id).setType(EventType.EVENT_TYPE_CASE_RESOLVED).setOccurTime(at(MARCH_10))
        .setChannel(Channel.CHANNEL_SUPPORT).setTeam("n1").setCaseId("case-" + id).setContactCount(contacts)
        .setHandlingSeconds(handlingSeconds).build();
  }

  private static Event order(String id, String customer, String day) {
    return Event.newBuilder().setEventId(id).setType(EventType.EVENT_TYPE_ORDER_PLACED)
        .setOccurTime(at(day + "T12:00:00Z")).setCustomerId(customer)
        .setAmount(Money.newBuilder().setCurrencyCode("EUR").setUnits(42).setNanos(500_000_000)).build();
  }

  private static RecordEventsRequest batch(Event... events) {
    return RecordEventsRequest.newBuilder().addAllEvents(List.of(events)).build();
  }

  private static ImportEventsRequest ndjson(String text) {
    return ImportEventsRequest.newBuilder().setBody(HttpBody.newBuilder().setContentType("application/x-ndjson")
        .setData(ByteString.copyFrom(text, StandardCharsets.UTF_8))).build();
  }

  private QueryKpisResponse march(String tenant, KpiDimension... groupBy) {
    return kpis(tenant).queryKpis(QueryKpisRequest.newBuilder()
        .setFilter(KpiFilter.newBuilder().setPeriod(DateRange.newBuilder().setStartDate("2026-03-01").setEndDate("2026-03-31")))
        .addAllGroupBy(List.of(groupBy))
        .build());
  }

  @Nested
  class Recording {

    @Test
    void theSameBatchTwiceCountsOnce() {
      String tenant = newTenant();
      var request = batch(resolved("r1", 1, 120), resolved("r2", 2, 240), resolved("r2", 2, 240));

      RecordEventsResponse first = events(tenant).recordEvents(request);
      RecordEventsResponse second = events(tenant).recordEvents(request);

      assertThat(first.getReceived()).isEqualTo(3);
      assertThat(first.getRecorded()).isEqualTo(2);
      assertThat(first.getDuplicates()).isEqualTo(1);
      assertThat(second.getRecorded()).isZero();
      assertThat(second.getDuplicates()).isEqualTo(3);
      var support = march(tenant).getTotal().getSupport();
      assertThat(support.getResolved()).isEqualTo(2);
      assertThat(support.getFcr().getCount()).isEqualTo(1);
      assertThat(support.getAht().getMeanSeconds()).isEqualTo(180.0);
      assertThat(db.getCollection("events").countDocuments(Filters.eq("tenantId", tenant))).isEqualTo(2);
    }

    @Test
    void anInvalidBatchIsRefusedWholeNamingEveryField() {
      String tenant = newTenant();
      var bad = Event.newBuilder().setEventId("o1").setType(EventType.EVENT_TYPE_ORDER_PLACED)
          .setOccurTime(at(MARCH_10)).setAmount(Money.newBuilder().setCurrencyCode("euro").setUnits(1)).build();

      var error = failure(() -> events(tenant).recordEvents(batch(resolved("ok", 1, 60), bad,
          Event.newBuilder().setEventId("x y").build())));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(error)).containsExactlyInAnyOrder(
          "events[1].amount.currency_code", "events[1].customer_id",
          "events[2].event_id", "events[2].type", "events[2].occur_time");
      assertThat(march(tenant).getTotal().getSupport().getResolved()).isZero();
    }

    @Test
    void callsWithoutTenantAreUnauthenticated() {
      var error = failure(() -> EventServiceGrpc.newBlockingStub(channel).recordEvents(batch(resolved("r", 1, 1))));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
  }

  @Nested
  class Import {

    @Test
    void recordsTheGoodLinesAndNamesTheBadOnesByLineAndField() {
      String tenant = newTenant();
      String text = """
          {"eventId":"i1","type":"EVENT_TYPE_CONTACT_OPENED","occurTime":"2026-03-10T09:00:00Z","caseId":"k1","channel":"CHANNEL_SUPPORT"}
          {"eventId":"i2","type":"EVENT_TYPE_CASE_RESOLVED","occurTime":"2026-03-10T09:30:00Z","caseId":"k1","contactCount":1,"handlingSeconds":"300"}

          {"eventId":"i3","type":"EVENT_TYPE_FIRST_RESPONSE","occurTime":"2026-03-10T09:05:00Z","caseId":"k1"}
          {"eventId":"i4","type":"EVENT_TYPE_NOPE","occurTime":"yesterday"}
          not json
          """;

      ImportEventsResponse response = events(tenant).importEvents(ndjson(text));

      assertThat(response.getLines()).isEqualTo(5);
      assertThat(response.getRecorded()).isEqualTo(2);
      assertThat(response.getRejected()).isEqualTo(3);
      assertThat(response.getErrorsList()).extracting(e -> e.getLine() + ":" + e.getField())
          .containsExactly("4:openedTime", "5:type", "5:occurTime", "6:");
      var support = march(tenant).getTotal().getSupport();
      assertThat(support.getContacts()).isEqualTo(1);
      assertThat(support.getResolved()).isEqualTo(1);
    }

    @Test
    void anOverlappingReimportChangesNoTotal() {
      String tenant = newTenant();
      String first = """
          {"eventId":"a","type":"EVENT_TYPE_CASE_RESOLVED","occurTime":"2026-03-10T09:00:00Z","caseId":"k1","contactCount":1}
          {"eventId":"b","type":"EVENT_TYPE_CASE_RESOLVED","occurTime":"2026-03-11T09:00:00Z","caseId":"k2","contactCount":3}
          """;
      String overlapping = first + """
          {"eventId":"c","type":"EVENT_TYPE_CASE_RESOLVED","occurTime":"2026-03-12T09:00:00Z","caseId":"k3","contactCount":1}
          """;

      events(tenant).importEvents(ndjson(first));
      var again = events(tenant).importEvents(ndjson(overlapping));

      assertThat(again.getRecorded()).isEqualTo(1);
      assertThat(again.getDuplicates()).isEqualTo(2);
      var fcr = march(tenant).getTotal().getSupport().getFcr();
      assertThat(fcr.getN()).isEqualTo(3);
      assertThat(fcr.getCount()).isEqualTo(2);
    }

    @Test
    void refusesAnotherMediaType() {
      var request = ImportEventsRequest.newBuilder().setBody(HttpBody.newBuilder().setContentType("text/csv")
          .setData(ByteString.copyFromUtf8("a,b"))).build();

      var error = failure(() -> events(newTenant()).importEvents(request));

      assertThat(violatedFields(error)).containsExactly("body.content_type");
    }
  }

  @Nested
  class Kpis {

    @Test
    void repurchaseAndPurchaseCycleFromRecordedOrders() {
      String tenant = newTenant();
      events(tenant).recordEvents(batch(order("o1", "c1", "2026-03-02"), order("o2", "c1", "2026-03-09"),
          order("o3", "c2", "2026-03-05")));

      var response = march(tenant);

      var loyalty = response.getLoyalty(0);
      assertThat(loyalty.getRepurchase().getN()).isEqualTo(2);
      assertThat(loyalty.getRepurchase().getCount()).isEqualTo(1);
      assertThat(loyalty.getPurchaseCycle().getMeanDays()).isEqualTo(7.0);
      var revenue = response.getTotal().getCommerce().getRevenue(0);
      assertThat(revenue.getCurrencyCode()).isEqualTo("EUR");
      assertThat(revenue.getUnits()).isEqualTo(127);
      assertThat(revenue.getNanos()).isEqualTo(500_000_000);
      assertThat(response.getTimeZone()).isEqualTo("UTC");
      assertThat(response.getDefinitionsList()).extracting(d -> d.getId()).contains("fcr", "repurchase_rate");
    }

    @Test
    void groupsByChannelWithIntervals() {
      String tenant = newTenant();
      events(tenant).recordEvents(batch(resolved("r1", 1, 100), resolved("r2", 1, 200), resolved("r3", 2, 300),
          resolved("r4", 1, 400).toBuilder().setChannel(Channel.CHANNEL_EMAIL).build()));

      var cells = march(tenant, KpiDimension.KPI_DIMENSION_CHANNEL).getCellsList();

      assertThat(cells).extracting(c -> c.getKey(0).getValue()).containsExactly("EMAIL", "SUPPORT");
      var support = cells.get(1).getSupport();
      assertThat(support.getFcr().getValue()).isCloseTo(200.0 / 3, within(1e-9));
      assertThat(support.getFcr().getInterval().getLow()).isGreaterThan(0).isLessThan(support.getFcr().getValue());
      assertThat(support.getFcr().getLowSample()).isTrue();
      assertThat(support.getAht().getMedianSeconds()).isEqualTo(200.0);
    }

    @Test
    void aTenantNeverSeesAnotherTenantsEvents() {
      String a = newTenant();
      String b = newTenant();
      events(a).recordEvents(batch(resolved("same-id", 1, 60)));
      events(b).recordEvents(batch(resolved("same-id", 3, 60)));

      assertThat(march(a).getTotal().getSupport().getFcr().getCount()).isEqualTo(1);
      assertThat(march(b).getTotal().getSupport().getFcr().getCount()).isZero();
      assertThat(march(newTenant()).getTotal().getSupport().getResolved()).isZero();
    }
  }
}
