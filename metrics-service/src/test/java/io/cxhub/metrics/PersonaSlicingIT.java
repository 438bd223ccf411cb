package io.cxhub.metrics;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cxhub.kit.tenant.TenantServerInterceptor;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.metrics.v1.BucketServiceGrpc;
import io.cxhub.proto.metrics.v1.DimensionValue;
import io.cxhub.proto.metrics.v1.Event;
import io.cxhub.proto.metrics.v1.EventServiceGrpc;
import io.cxhub.proto.metrics.v1.EventType;
import io.cxhub.proto.metrics.v1.KpiDimension;
import io.cxhub.proto.metrics.v1.KpiDimensionValue;
import io.cxhub.proto.metrics.v1.KpiFamily;
import io.cxhub.proto.metrics.v1.KpiFilter;
import io.cxhub.proto.metrics.v1.KpiServiceGrpc;
import io.cxhub.proto.metrics.v1.QueryKpisRequest;
import io.cxhub.proto.metrics.v1.QueryKpisResponse;
import io.cxhub.proto.metrics.v1.RecordEventsRequest;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.QueryScoresRequest;
import io.cxhub.proto.metrics.v1.QueryScoresResponse;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.metrics.v1.RecountBucketsRequest;
import io.cxhub.proto.metrics.v1.ScoreDimension;
import io.cxhub.proto.metrics.v1.ScoreMetric;
import io.cxhub.proto.metrics.v1.ScoreServiceGrpc;
import io.cxhub.proto.persona.v1.Customer;
import io.cxhub.proto.persona.v1.CustomerValue;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.LookupCustomersRequest;
import io.cxhub.proto.persona.v1.LookupCustomersResponse;
import io.cxhub.proto.persona.v1.ValueTier;
import io.cxhub.proto.survey.v1.RecordedAnswer;
import io.cxhub.proto.survey.v1.RecordedResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slicing by segment through a real gRPC peer: a stand-in persona-service (Netty, the
 * kit's tenant interceptor) answers LookupCustomers. While it is up, responses land in
 * their customer's segment; once it is down, new respondents are counted as
 * {@code unassigned} — not dropped, not blocking — and the totals still match.
 */
class PersonaSlicingIT {

  private static final Instant DAY1 = Instant.parse("2025-03-14T08:00:00Z");

  @TempDir
  Path dataDir;

  /** persona-service's LookupCustomers over a fixed directory, counting calls. */
  static final class FakePersona extends CustomerServiceGrpc.CustomerServiceImplBase {
    final Map<String, String> segments = Map.of("c-smb-1", "smb", "c-smb-2", "smb", "c-ent", "enterprise");
    final Map<String, String> personas = Map.of("c-smb-1", "p-busy");
    // c-ent is not valued yet
    final Map<String, ValueTier> tiers = Map.of("c-smb-1", ValueTier.VALUE_TIER_CHAMPIONS,
        "c-smb-2", ValueTier.VALUE_TIER_AT_RISK);
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void lookupCustomers(LookupCustomersRequest request, StreamObserver<LookupCustomersResponse> response) {
      calls.incrementAndGet();
      var reply = LookupCustomersResponse.newBuilder();
      for (String id : request.getCustomerIdsList()) {
        if (segments.containsKey(id)) {
          var customer = Customer.newBuilder().setCustomerId(id).setSegment(segments.get(id))
              .setPersonaId(personas.getOrDefault(id, ""));
          if (tiers.containsKey(id)) {
            customer.setValue(CustomerValue.newBuilder().setTier(tiers.get(id)));
          }
          reply.addCustomers(customer);
        }
      }
      response.onNext(reply.build());
      response.onCompleted();
    }
  }

  private static RecordedResponse response(String id, String customer, int score) {
    return RecordedResponse.newBuilder()
        .setResponseId(id).setSurveyId("s-seg").setSurveyVersion(1).setChannel(Channel.CHANNEL_EMAIL)
        .setSubmitTime(Timestamp.newBuilder().setSeconds(DAY1.getEpochSecond()))
        .setCustomerId(customer)
        .addAnswers(RecordedAnswer.newBuilder().setQuestionId("nps").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_NPS).setScore(score).setScaleMax(10))
        .build();
  }

  private static Map<String, Long> bySegment(QueryScoresResponse r) {
    var result = new TreeMap<String, Long>();
    r.getCellsList().forEach(c -> result.put(
        c.getKeyList().stream().map(DimensionValue::getValue).findFirst().orElseThrow(), c.getScore().getN()));
    return result;
  }

  @Test
  void respondentsAreSlicedBySegmentAndCountedUnassignedWhilePersonaIsDown() throws Exception {
    var persona = new FakePersona();
    Server personaServer = NettyServerBuilder.forAddress(new InetSocketAddress("localhost", 0))
        .addService(ServerInterceptors.intercept(persona, new TenantServerInterceptor(io.cxhub.kit.testing.GrpcCalls.testTokens())))
        .build().start();
    try (TestMongo mongo = TestMongo.start(dataDir);
        var app = MetricsServiceApplication.builder().run(
            "--spring.data.mongodb.uri=" + mongo.connectionString("cx_metrics"),
            "--spring.grpc.server.port=0",
            "--server.port=0",
            "--cx.peers.persona=localhost:" + personaServer.getPort(),
            "--cx.metrics.persona.deadline=2s",
            "--cx.metrics.ingest.sweep-interval=1h")) {
      int port = app.getEnvironment().getRequiredProperty("local.grpc.port", Integer.class);
      ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
      try {
        // a deadline per call: a stub's deadline is absolute, and a loaded machine is slow
        Supplier<MetricsServiceGrpc.MetricsServiceBlockingStub> metrics =
            () -> asTenant(MetricsServiceGrpc.newBlockingStub(channel), "segments").withDeadlineAfter(10, TimeUnit.SECONDS);
        metrics.get().recordResponses(RecordResponsesRequest.newBuilder()
            .addResponses(response("r1", "c-smb-1", 10))
            .addResponses(response("r2", "c-smb-2", 9))
            .addResponses(response("r3", "c-ent", 3))
            .addResponses(response("r4", "c-unknown", 8))
            .addResponses(response("r5", "", 7))
            .build());
        assertThat(persona.calls.get()).isEqualTo(1); // one batch lookup for the whole batch

        personaServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

        // persona-service is down: new respondents are unassigned; a cached one keeps its segment
        var outage = metrics.get().recordResponses(RecordResponsesRequest.newBuilder()
            .addResponses(response("r6", "c-new", 10))
            .addResponses(response("r7", "c-smb-1", 0))
            .build());
        assertThat(outage.getAppliedCount()).isEqualTo(2);
        // a resend of r1 during the outage keeps the segment it was first recorded with
        metrics.get().recordResponses(RecordResponsesRequest.newBuilder().addResponses(response("r1", "c-smb-1", 10)).build());

        Supplier<ScoreServiceGrpc.ScoreServiceBlockingStub> scores =
            () -> asTenant(ScoreServiceGrpc.newBlockingStub(channel), "segments").withDeadlineAfter(10, TimeUnit.SECONDS);
        var result = scores.get().queryScores(QueryScoresRequest.newBuilder()
            .setMetric(ScoreMetric.SCORE_METRIC_NPS)
            .addGroupBy(ScoreDimension.SCORE_DIMENSION_SEGMENT)
            .build());

        assertThat(bySegment(result)).containsExactly(
            Map.entry("", 1L), Map.entry("enterprise", 1L), Map.entry("smb", 3L), Map.entry("unassigned", 2L));
        assertThat(result.getTotals(0).getN()).isEqualTo(7);
        // the value tier the respondent had when they answered slices and filters every score
        var byTier = scores.get().queryScores(QueryScoresRequest.newBuilder()
            .setMetric(ScoreMetric.SCORE_METRIC_NPS)
            .addGroupBy(ScoreDimension.SCORE_DIMENSION_VALUE_TIER)
            .build());
        assertThat(bySegment(byTier)).containsExactly(Map.entry("", 1L), Map.entry("at_risk", 1L),
            Map.entry("champions", 2L), Map.entry("unassigned", 3L));
        var champions = scores.get().queryScores(QueryScoresRequest.newBuilder()
            .setMetric(ScoreMetric.SCORE_METRIC_NPS)
            .setFilter(io.cxhub.proto.metrics.v1.ScoreFilter.newBuilder().addValueTiers("champions"))
            .build());
        assertThat(champions.getTotals(0).getN()).isEqualTo(2);
        var recount = asTenant(BucketServiceGrpc.newBlockingStub(channel), "segments")
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .recountBuckets(RecountBucketsRequest.getDefaultInstance());
        assertThat(recount.getResponses()).isEqualTo(7);
        assertThat(recount.getDifferencesList()).isEmpty();
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      personaServer.shutdownNow();
    }
  }

  private static Event resolution(String id, String customer, int contacts) {
    return Event.newBuilder().setEventId(id).setType(EventType.EVENT_TYPE_CASE_RESOLVED)
        .setOccurTime(Timestamp.newBuilder().setSeconds(DAY1.getEpochSecond()))
        .setChannel(Channel.CHANNEL_SUPPORT).setCaseId("case-" + id).setContactCount(contacts)
        .setHandlingSeconds(300).setCustomerId(customer).build();
  }

  /** Resolutions per value of the first dimension of the key. */
  private static Map<String, Long> resolvedBy(QueryKpisResponse r) {
    var result = new TreeMap<String, Long>();
    r.getCellsList().forEach(c -> result.put(
        c.getKeyList().stream().map(KpiDimensionValue::getValue).findFirst().orElseThrow(),
        c.getSupport().getResolved()));
    return result;
  }

  @Test
  void eventsAreSlicedByTheirCustomersProfileLikeResponsesAndCountedOnce() throws Exception {
    var persona = new FakePersona();
    Server personaServer = NettyServerBuilder.forAddress(new InetSocketAddress("localhost", 0))
        .addService(ServerInterceptors.intercept(persona, new TenantServerInterceptor(io.cxhub.kit.testing.GrpcCalls.testTokens())))
        .build().start();
    try (TestMongo mongo = TestMongo.start(dataDir);
        var app = MetricsServiceApplication.builder().run(
            "--spring.data.mongodb.uri=" + mongo.connectionString("cx_metrics"),
            "--spring.grpc.server.port=0",
            "--server.port=0",
            "--cx.peers.persona=localhost:" + personaServer.getPort(),
            "--cx.metrics.persona.deadline=2s",
            "--cx.metrics.ingest.sweep-interval=1h")) {
      int port = app.getEnvironment().getRequiredProperty("local.grpc.port", Integer.class);
      ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
      try {
        Supplier<EventServiceGrpc.EventServiceBlockingStub> events =
            () -> asTenant(EventServiceGrpc.newBlockingStub(channel), "kpi-slices").withDeadlineAfter(10, TimeUnit.SECONDS);
        Supplier<KpiServiceGrpc.KpiServiceBlockingStub> kpis =
            () -> asTenant(KpiServiceGrpc.newBlockingStub(channel), "kpi-slices").withDeadlineAfter(10, TimeUnit.SECONDS);
        var batch = RecordEventsRequest.newBuilder()
            .addEvents(resolution("e1", "c-smb-1", 1))
            .addEvents(resolution("e2", "c-smb-2", 2))
            .addEvents(resolution("e3", "c-ent", 1))
            .addEvents(resolution("e4", "", 1))
            .build();
        assertThat(events.get().recordEvents(batch).getRecorded()).isEqualTo(4);
        assertThat(persona.calls.get()).isEqualTo(1); // one lookup for the batch

        personaServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

        // persona-service down: a new customer is unassigned; the replayed batch counts nothing
        // again and keeps the slices it was first recorded with
        events.get().recordEvents(RecordEventsRequest.newBuilder().addEvents(resolution("e5", "c-new", 1)).build());
        var replay = events.get().recordEvents(batch);
        assertThat(replay.getRecorded()).isZero();
        assertThat(replay.getDuplicates()).isEqualTo(4);

        var byTier = kpis.get().queryKpis(QueryKpisRequest.newBuilder()
            .addGroupBy(KpiDimension.KPI_DIMENSION_VALUE_TIER).addFamilies(KpiFamily.KPI_FAMILY_SUPPORT).build());
        assertThat(resolvedBy(byTier)).containsExactly(Map.entry("", 1L), Map.entry("at_risk", 1L),
            Map.entry("champions", 1L), Map.entry("unassigned", 2L));
        assertThat(byTier.getTotal().getSupport().getResolved()).isEqualTo(5);
        var bySegment = kpis.get().queryKpis(QueryKpisRequest.newBuilder()
            .addGroupBy(KpiDimension.KPI_DIMENSION_SEGMENT).addFamilies(KpiFamily.KPI_FAMILY_SUPPORT).build());
        assertThat(resolvedBy(bySegment)).containsExactly(Map.entry("", 1L), Map.entry("enterprise", 1L),
            Map.entry("smb", 2L), Map.entry("unassigned", 1L));
        var byPersona = kpis.get().queryKpis(QueryKpisRequest.newBuilder()
            .addGroupBy(KpiDimension.KPI_DIMENSION_PERSONA).addFamilies(KpiFamily.KPI_FAMILY_SUPPORT).build());
        assertThat(resolvedBy(byPersona)).containsExactly(Map.entry("", 1L), Map.entry("p-busy", 1L),
            Map.entry("unassigned", 3L));

        // FCR of the smb customers: c-smb-1 at the first contact, c-smb-2 at the second
        var smb = kpis.get().queryKpis(QueryKpisRequest.newBuilder()
            .setFilter(KpiFilter.newBuilder().addSegments("smb")).addFamilies(KpiFamily.KPI_FAMILY_SUPPORT).build());
        assertThat(smb.getTotal().getSupport().getFcr().getN()).isEqualTo(2);
        assertThat(smb.getTotal().getSupport().getFcr().getCount()).isEqualTo(1);
        var champions = kpis.get().queryKpis(QueryKpisRequest.newBuilder()
            .setFilter(KpiFilter.newBuilder().addValueTiers("champions").addValueTiers("unassigned")).build());
        assertThat(champions.getTotal().getSupport().getResolved()).isEqualTo(3);

        var bad = failure(() -> kpis.get().queryKpis(QueryKpisRequest.newBuilder()
            .setFilter(KpiFilter.newBuilder().addValueTiers("gold")).build()));
        assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(bad)).containsExactly("filter.value_tiers[0]");

        // the cells are what the stored events give again (the profile is in the ledger)
        var recount = asTenant(BucketServiceGrpc.newBlockingStub(channel), "kpi-slices")
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .recountBuckets(RecountBucketsRequest.getDefaultInstance());
        assertThat(recount.getResponses()).isEqualTo(5);
        assertThat(recount.getDifferencesList()).isEmpty();
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      personaServer.shutdownNow();
    }
  }
}
