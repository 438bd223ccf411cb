package io.cxhub.journey;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import io.cxhub.journey.insight.DayRange;
import io.cxhub.journey.insight.FrictionWatch;
import io.cxhub.journey.insight.Slice;
import io.cxhub.kit.tenant.TenantServerInterceptor;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.metrics.MetricsServiceApplication;
import io.cxhub.metrics.text.feed.AnalyseComments;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.journey.v1.ActionIndicator;
import io.cxhub.proto.journey.v1.ActionStatus;
import io.cxhub.proto.journey.v1.ActionTarget;
import io.cxhub.proto.journey.v1.Availability;
import io.cxhub.proto.journey.v1.BlueprintElement;
import io.cxhub.proto.journey.v1.BlueprintLane;
import io.cxhub.proto.journey.v1.CreateActionRequest;
import io.cxhub.proto.journey.v1.CreateJourneyRequest;
import io.cxhub.proto.journey.v1.Emotion;
import io.cxhub.proto.journey.v1.ExportJourneyImageRequest;
import io.cxhub.proto.journey.v1.ExportJourneyTableRequest;
import io.cxhub.proto.journey.v1.FrictionKind;
import io.cxhub.proto.journey.v1.FrictionTrend;
import io.cxhub.proto.journey.v1.GetFrictionRequest;
import io.cxhub.proto.journey.v1.GetJourneyTablesRequest;
import io.cxhub.proto.journey.v1.GetLiveJourneyRequest;
import io.cxhub.proto.journey.v1.ImageFormat;
import io.cxhub.proto.journey.v1.ImpactVerdict;
import io.cxhub.proto.journey.v1.ImprovementAction;
import io.cxhub.proto.journey.v1.ImprovementActionServiceGrpc;
import io.cxhub.proto.journey.v1.IndicatorBinding;
import io.cxhub.proto.journey.v1.IndicatorKind;
import io.cxhub.proto.journey.v1.Journey;
import io.cxhub.proto.journey.v1.JourneyImageView;
import io.cxhub.proto.journey.v1.JourneyInsightServiceGrpc;
import io.cxhub.proto.journey.v1.JourneyServiceGrpc;
import io.cxhub.proto.journey.v1.JourneySlice;
import io.cxhub.proto.journey.v1.JourneyTable;
import io.cxhub.proto.journey.v1.MeasureActionRequest;
import io.cxhub.proto.journey.v1.MeasurementPlan;
import io.cxhub.proto.journey.v1.Stage;
import io.cxhub.proto.journey.v1.Touchpoint;
import io.cxhub.proto.journey.v1.TransitionActionRequest;
import io.cxhub.proto.journey.v1.UpdateJourneyRequest;
import io.cxhub.proto.journey.v1.ComparisonKind;
import io.cxhub.proto.metrics.v1.Event;
import io.cxhub.proto.metrics.v1.EventServiceGrpc;
import io.cxhub.proto.metrics.v1.EventType;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.RecordEventsRequest;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.survey.v1.RecordedAnswer;
import io.cxhub.proto.survey.v1.RecordedResponse;
import io.cxhub.proto.survey.v1.RecordedText;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scenarios through the real services: journey-service's gRPC server reading
 * the cubes of a real metrics-service (both on the real driver against embedded MongoDB
 * servers), with data planted through metrics-service's RecordResponses and RecordEvents,
 * and a stand-in of survey-service's FireAlert and ListResponses. journey-service's clock
 * is fixed on 2026-12-01; the planted answers are in October and November 2026.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyInsightsIT {

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final DateRange NOVEMBER = DateRange.newBuilder().setStartDate("2026-11-01").setEndDate("2026-11-30").build();

  @TempDir
  static Path dataDir;

  final FakeSurveyService survey = new FakeSurveyService();
  Server surveyServer;
  TestMongo metricsMongo;
  TestMongo journeyMongo;
  ConfigurableApplicationContext metrics;
  ConfigurableApplicationContext journeys;
  ConfigurableApplicationContext journeysWithoutMetrics;
  ManagedChannel metricsChannel;
  ManagedChannel channel;
  ManagedChannel degradedChannel;
  int answered;
  int deadPort;

  @BeforeAll
  void start() throws IOException {
    surveyServer = NettyServerBuilder.forAddress(new InetSocketAddress("localhost", 0))
        .addService(ServerInterceptors.intercept(survey.alerts, new TenantServerInterceptor(io.cxhub.kit.testing.GrpcCalls.testTokens())))
        .addService(ServerInterceptors.intercept(survey.responses, new TenantServerInterceptor(io.cxhub.kit.testing.GrpcCalls.testTokens())))
        .addService(ServerInterceptors.intercept(survey.surveys, new TenantServerInterceptor(io.cxhub.kit.testing.GrpcCalls.testTokens())))
        .addService(ServerInterceptors.intercept(survey.customers, new TenantServerInterceptor(io.cxhub.kit.testing.GrpcCalls.testTokens())))
        .build().start();
    metricsMongo = TestMongo.start(dataDir.resolve("metrics"));
    journeyMongo = TestMongo.start(dataDir.resolve("journey"));
    metrics = MetricsServiceApplication.builder().run(
        "--spring.data.mongodb.uri=" + metricsMongo.connectionString("cx_metrics"),
        "--spring.grpc.server.port=0", "--server.port=0",
        "--cx.peers.survey=localhost:" + surveyServer.getPort(),
        "--cx.metrics.alerts.enabled=false", "--cx.metrics.ingest.sweep-interval=1h");
    int metricsPort = metrics.getEnvironment().getRequiredProperty("local.grpc.port", Integer.class);
    metricsChannel = NettyChannelBuilder.forAddress("localhost", metricsPort).usePlaintext().build();
    try (var socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    journeys = startJourneys("localhost:" + metricsPort, "cx_journey");
    channel = NettyChannelBuilder.forAddress("localhost",
        journeys.getEnvironment().getRequiredProperty("local.grpc.port", Integer.class)).usePlaintext().build();
    journeysWithoutMetrics = startJourneys("localhost:" + deadPort, "cx_journey_degraded");
    degradedChannel = NettyChannelBuilder.forAddress("localhost",
        journeysWithoutMetrics.getEnvironment().getRequiredProperty("local.grpc.port", Integer.class)).usePlaintext().build();
  }

  private ConfigurableApplicationContext startJourneys(String metricsAddress, String database) {
    return JourneyServiceApplication.builder()
        .initializers(context -> context.getBeanFactory().registerSingleton("testClock", Clock.fixed(NOW, ZoneOffset.UTC)))
        .run("--spring.data.mongodb.uri=" + journeyMongo.connectionString(database),
            "--spring.grpc.server.port=0", "--server.port=0",
            "--cx.peers.metrics=" + metricsAddress,
            "--cx.peers.survey=localhost:" + surveyServer.getPort(),
            "--cx.peers.persona=localhost:" + surveyServer.getPort(),
            "--cx.journey.watch-enabled=false",
            // generous: the build machine is shared; a slow read would open the breaker for the next tests
            "--cx.journey.metrics-deadline=" + (metricsAddress.endsWith(":" + deadPort) ? "1s" : "20s"));
  }

  @AfterAll
  void stop() throws InterruptedException {
    for (var c : List.of(channel, degradedChannel, metricsChannel)) {
      c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    journeysWithoutMetrics.close();
    journeys.close();
    metrics.close();
    journeyMongo.close();
    metricsMongo.close();
    surveyServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  // --- the journey used by the scenarios ---

  static Journey onlinePurchase() {
    return Journey.newBuilder().setName("Achat en ligne").setOwnerTeam("cx-office")
        .addStages(Stage.newBuilder().setStageId("decouverte").setName("Découverte")
            .setExpectedEmotion(Emotion.EMOTION_POSITIVE)
            .addTouchpoints(Touchpoint.newBuilder().setTouchpointId("pub").setName("Publicité")
                .setChannel(Channel.CHANNEL_SOCIAL)))
        .addStages(Stage.newBuilder().setStageId("achat").setName("Achat")
            .setCustomerGoal("Payer vite").setExpectedEmotion(Emotion.EMOTION_NEUTRAL)
            .addTouchpoints(Touchpoint.newBuilder().setTouchpointId("paiement").setName("Page de paiement")
                .setChannel(Channel.CHANNEL_WEB_WIDGET).setOwnerTeam("e-commerce"))
            .addBlueprint(BlueprintElement.newBuilder().setElementId("checkout").setLane(BlueprintLane.BLUEPRINT_LANE_FRONTSTAGE)
                .setName("Checkout page").setTouchpointId("paiement").setOwnerTeam("e-commerce").setFailPoint(true)
                .setIndicator(IndicatorBinding.newBuilder().setKind(IndicatorKind.INDICATOR_KIND_FUNNEL_STEP_CONVERSION)
                    .setFunnelId("checkout").setStep("payment"))))
        .addStages(Stage.newBuilder().setStageId("livraison").setName("Livraison")
            .setExpectedEmotion(Emotion.EMOTION_POSITIVE)
            .addTouchpoints(Touchpoint.newBuilder().setTouchpointId("suivi").setName("Suivi SMS")
                .setChannel(Channel.CHANNEL_SMS).setOwnerTeam("logistique"))
            .addBlueprint(BlueprintElement.newBuilder().setElementId("preparation").setLane(BlueprintLane.BLUEPRINT_LANE_BACKSTAGE)
                .setName("Préparation de commande").setOwnerTeam("entrepot").setWaitPoint(true)
                .addAfterElementIds("checkout")))
        .addStages(Stage.newBuilder().setStageId("apres-vente").setName("Après-vente")
            .setExpectedEmotion(Emotion.EMOTION_NEUTRAL)
            .addTouchpoints(Touchpoint.newBuilder().setTouchpointId("service-client").setName("Service client")
                .setChannel(Channel.CHANNEL_SUPPORT)))
        .build();
  }

  Journey create(String tenant, Journey journey) {
    return asTenant(JourneyServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, TimeUnit.SECONDS)
        .createJourney(CreateJourneyRequest.newBuilder().setJourney(journey).build());
  }

  JourneyInsightServiceGrpc.JourneyInsightServiceBlockingStub insights(String tenant) {
    return asTenant(JourneyInsightServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  ImprovementActionServiceGrpc.ImprovementActionServiceBlockingStub actions(String tenant) {
    return asTenant(ImprovementActionServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  /** Records NPS answers at a stage (and touchpoint), submitted on {@code day}: promoters 10, passives 8, detractors 3. */
  void plant(String tenant, String stage, String touchpoint, String day, int promoters, int passives, int detractors) {
    plant(tenant, stage, touchpoint, day, promoters, passives, detractors, "", "");
  }

  /** Likewise, with a comment on every promoter's and every detractor's response when given. */
  void plant(String tenant, String stage, String touchpoint, String day, int promoters, int passives, int detractors,
      String promoterComment, String detractorComment) {
    var scores = new ArrayList<Integer>();
    for (int i = 0; i < promoters; i++) {
      scores.add(10);
    }
    for (int i = 0; i < passives; i++) {
      scores.add(8);
    }
    for (int i = 0; i < detractors; i++) {
      scores.add(3);
    }
    var submit = Timestamp.newBuilder().setSeconds(LocalDate.parse(day).atTime(12, 0).toEpochSecond(ZoneOffset.UTC));
    for (int from = 0; from < scores.size(); from += 500) {
      var batch = RecordResponsesRequest.newBuilder();
      for (int score : scores.subList(from, Math.min(scores.size(), from + 500))) {
        var response = RecordedResponse.newBuilder().setResponseId("r-" + (answered++)).setSurveyId("s-" + stage)
            .setSurveyVersion(1).setChannel(Channel.CHANNEL_EMAIL).setSubmitTime(submit)
            .setStageId(stage).setTouchpointId(touchpoint)
            .addAnswers(RecordedAnswer.newBuilder().setQuestionId("nps").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_NPS).setScore(score)
                .setScaleMin(0).setScaleMax(10));
        String comment = score >= 9 ? promoterComment : score <= 6 ? detractorComment : "";
        if (!comment.isEmpty()) {
          response.addTexts(RecordedText.newBuilder().setQuestionId("why").setText(comment));
        }
        batch.addResponses(response);
      }
      var reply = asTenant(MetricsServiceGrpc.newBlockingStub(metricsChannel), tenant)
          .withDeadlineAfter(60, TimeUnit.SECONDS).recordResponses(batch.build());
      assertThat(reply.getRecordedResponseIdsCount()).isEqualTo(batch.getResponsesCount());
    }
  }

  static JourneySlice november() {
    return JourneySlice.newBuilder().setPeriod(NOVEMBER).build();
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class FrictionRankedByImpact {

    final String tenant = newTenant();
    Journey journey;

    /**
     * November: Découverte NPS +40 (n=200), Achat +30 (n=200), Livraison −40 (n=400),
     * Après-vente +20 (n=200). The median of the four stages' NPS is (20 + 30) / 2 = 25; the
     * delivery stage holds 400 of the 1,000 answers, so the whole journey would gain
     * 0.4 × (25 − (−40)) = 26.0 NPS points if delivery performed at the median.
     */
    synchronized Journey plantedJourney() {
      if (journey == null) {
        journey = create(tenant, onlinePurchase());
        plant(tenant, "decouverte", "", "2026-11-10", 100, 80, 20);
        plant(tenant, "achat", "", "2026-11-12", 90, 80, 30);
        plant(tenant, "livraison", "", "2026-11-15", 80, 80, 240, "Rien à signaler, merci.",
            "Colis en retard au point relais, livraison catastrophique.");
        plant(tenant, "apres-vente", "", "2026-11-20", 80, 80, 40);
        var analyse = metrics.getBean(AnalyseComments.class);
        while (analyse.drainOnce() > 0) {
          // every comment analysed and counted in the text cubes
        }
      }
      return journey;
    }

    @Test
    void deliveryFarBelowTheRestIsRankedFirstWithTheImpactComputedByHand() {
      var j = plantedJourney();

      var report = insights(tenant).getFriction(GetFrictionRequest.newBuilder().setJourneyId(j.getJourneyId())
          .setSlice(november()).build());

      assertThat(report.getAvailability()).isEqualTo(Availability.AVAILABILITY_OK);
      assertThat(report.getMedianStageNps()).isEqualTo(25.0);
      var first = report.getFrictionPoints(0);
      assertThat(first.getRank()).isEqualTo(1);
      assertThat(first.getKind()).isEqualTo(FrictionKind.FRICTION_KIND_STAGE);
      assertThat(first.getStageId()).isEqualTo("livraison");
      assertThat(first.getFrictionId()).isEqualTo("stage:livraison");
      assertThat(first.getImpact()).isCloseTo(26.0, within(0.05));
      assertThat(first.getImpactInterval().getLow()).isLessThan(26.0);
      assertThat(first.getImpactInterval().getHigh()).isGreaterThan(26.0);
      assertThat(first.getCustomersAffected()).isEqualTo(240);
      var evidence = first.getEvidence();
      assertThat(evidence.getNps().getN()).isEqualTo(400);
      assertThat(evidence.getNps().getValue()).isEqualTo(-40.0);
      // the rest: (100 + 90 + 80 promoters − 20 − 30 − 40 detractors) / 600 = +30
      assertThat(evidence.getRestOfJourney().getValue()).isEqualTo(30.0);
      assertThat(evidence.getPValue()).isLessThan(0.001);
      assertThat(evidence.getTrend()).isEqualTo(FrictionTrend.FRICTION_TREND_NEW);
      assertThat(evidence.getVerbatimsList()).extracting(v -> v.getText()).containsExactly("Colis livré avec 5 jours de retard");
      assertThat(report.getFrictionPointsList()).extracting(f -> f.getStageId()).containsOnly("livraison");
      // revenue at risk: c-1 (1,200.50 €) and c-2 (300 €) are valued; c-3 has no value yet and
      // c-9 is unknown to persona-service; c-1 answered twice and counts once
      assertThat(first.getIdentifiedCustomers()).isEqualTo(4);
      assertThat(first.getValuedCustomers()).isEqualTo(2);
      assertThat(first.getRevenueAtRisk().getCurrencyCode()).isEqualTo("EUR");
      assertThat(first.getRevenueAtRisk().getUnits()).isEqualTo(1500);
      assertThat(first.getRevenueAtRisk().getNanos()).isEqualTo(500_000_000);
      assertThat(report.getNotesList()).noneMatch(n -> n.contains("not available"));
      // the theme behind it: every detractor complains about delivery, the promoters of the
      // stage mention no theme, so the mentioners' NPS is −100 against +100 for the others
      var theme = evidence.getTopThemes(0);
      assertThat(evidence.getThemesList()).startsWith("delivery");
      assertThat(theme.getThemeId()).isEqualTo("delivery");
      assertThat(theme.getVolume()).isEqualTo(240);
      assertThat(theme.getNegative()).isEqualTo(240);
      assertThat(theme.getNegativeShare()).isCloseTo(240 / 320.0, within(0.001));
      assertThat(theme.getNpsImpact()).isEqualTo(-200.0);
      assertThat(theme.getSamplesList()).hasSize(2)
          .allMatch(v -> v.getHighlightsList().stream().anyMatch(h -> h.getText().equals("point relais")));
    }

    @Test
    void liveJourneyShowsEachStageWithItsIntervalAndTheMeasuredEmotionBesideTheExpectedOne() {
      var j = plantedJourney();

      var live = insights(tenant).getLiveJourney(GetLiveJourneyRequest.newBuilder().setJourneyId(j.getJourneyId())
          .setSlice(november()).build());

      assertThat(live.getAvailability()).isEqualTo(Availability.AVAILABILITY_OK);
      assertThat(live.getNps().getN()).isEqualTo(1000);
      // (350 − 330) / 1000
      assertThat(live.getNps().getValue()).isEqualTo(2.0);
      var delivery = live.getStages(2);
      assertThat(delivery.getStageId()).isEqualTo("livraison");
      assertThat(delivery.getVolume()).isEqualTo(400);
      assertThat(delivery.getNps().getValue()).isEqualTo(-40.0);
      assertThat(delivery.getNps().getInterval().getLow()).isLessThan(-40.0);
      assertThat(delivery.getNps().getLowSample()).isFalse();
      // no answer in October: no change to report
      assertThat(delivery.getNps().hasChange()).isFalse();
      // measured satisfaction: mean answer (80×10 + 80×8 + 240×3) / 400 = 5.4 on 0-10 → 54
      assertThat(delivery.getEmotion().getMeasuredValue()).isCloseTo(54.0, within(0.01));
      assertThat(delivery.getEmotion().getExpectedLevel()).isEqualTo(75.0);
      assertThat(delivery.getEmotion().getGap()).isCloseTo(-21.0, within(0.01));
      assertThat(live.getPreviousPeriod().getStartDate()).isEqualTo("2026-10-02");
    }

    @Test
    void theWatchFiresFrictionDetectedOncePerEpisode() {
      var j = plantedJourney();
      var watch = journeys.getBean(FrictionWatch.class);
      var domainJourney = journeys.getBean(io.cxhub.journey.journey.JourneyCatalog.class).get(tenant, j.getJourneyId());
      var slice = Slice.of(new DayRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));

      int first = watch.check(domainJourney, slice);
      int second = watch.check(domainJourney, slice);

      assertThat(first).isEqualTo(1);
      assertThat(second).isZero();
      var fired = survey.alertsOf(tenant);
      assertThat(fired).hasSize(1);
      assertThat(fired.get(0).request().getAlertId())
          .isEqualTo("friction.detected:" + j.getJourneyId() + ":stage:livraison:1");
      assertThat(fired.get(0).request().getTitle()).startsWith("friction.detected (new): stage \"Livraison\"");
      assertThat(fired.get(0).request().getSource()).isEqualTo("journey-service");
      assertThat(fired.get(0).request().getStageId()).isEqualTo("livraison");
    }

    @Test
    void tablesListTheIrritantWithTheActionOnItAsJsonAndCsv() throws IOException {
      var j = plantedJourney();
      var action = actions(tenant).createAction(CreateActionRequest.newBuilder().setJourneyId(j.getJourneyId())
          .setAction(ImprovementAction.newBuilder().setTitle("SMS de suivi proactif").setOwnerTeam("logistique")
              .setTarget(ActionTarget.newBuilder().setFrictionId("stage:livraison"))
              .setTargetIndicator(ActionIndicator.ACTION_INDICATOR_NPS).setTargetValue(0)).build());

      var tables = insights(tenant).getJourneyTables(GetJourneyTablesRequest.newBuilder()
          .setJourneyId(j.getJourneyId()).setSlice(november()).build());
      var csv = insights(tenant).exportJourneyTable(ExportJourneyTableRequest.newBuilder()
          .setJourneyId(j.getJourneyId()).setSlice(november()).setTable(JourneyTable.JOURNEY_TABLE_IRRITANTS).build());

      var row = tables.getIrritants(0);
      assertThat(row.getStageId()).isEqualTo("livraison");
      assertThat(row.getIrritant()).contains("NPS -40.0 vs +30.0 for the rest (n=400");
      assertThat(row.getActionId()).isEqualTo(action.getActionId());
      assertThat(row.getActionStatus()).isEqualTo("ACTION_STATUS_PROPOSED");
      assertThat(tables.getLoyaltyList()).extracting(r -> r.getStageId() + "|" + r.getIndicator())
          .contains("livraison|NPS", "decouverte|NPS");
      assertThat(csv.getContentType()).isEqualTo("text/csv; charset=utf-8");
      var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(csv.getData().toString(StandardCharsets.UTF_8))).getRecords();
      assertThat(records.get(0).get("stage_id")).isEqualTo("livraison");
      assertThat(records.get(0).get("impact_nps_points")).isEqualTo("26.0");
      assertThat(records.get(0).get("action")).isEqualTo("SMS de suivi proactif");
    }

    @Test
    void mapAndBlueprintExportAsParseableSvgAndPng() throws Exception {
      var j = plantedJourney();
      var request = ExportJourneyImageRequest.newBuilder().setJourneyId(j.getJourneyId()).setSlice(november());

      var map = insights(tenant).exportJourneyImage(request.build());
      var blueprint = insights(tenant).exportJourneyImage(request.setView(JourneyImageView.JOURNEY_IMAGE_VIEW_BLUEPRINT).build());
      var png = insights(tenant).exportJourneyImage(request.setFormat(ImageFormat.IMAGE_FORMAT_PNG).build());

      assertThat(map.getContentType()).startsWith("image/svg+xml");
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      var mapDoc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(map.getData().toByteArray()));
      var points = mapDoc.getElementsByTagName("circle");
      assertThat(points.getLength()).isEqualTo(4);
      var delivery = (org.w3c.dom.Element) points.item(2);
      assertThat(delivery.getAttribute("data-stage")).isEqualTo("livraison");
      assertThat(delivery.getAttribute("data-value")).isEqualTo("54.0");
      assertThat(mapDoc.getDocumentElement().getTextContent()).contains("NPS -40 [", "Livraison");
      var blueprintDoc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(blueprint.getData().toByteArray()));
      assertThat(blueprintDoc.getDocumentElement().getTextContent())
          .contains("line of visibility", "Préparation de commande", "⚠ fail point", "owner entrepot");
      assertThat(png.getContentType()).isEqualTo("image/png");
      var image = ImageIO.read(new ByteArrayInputStream(png.getData().toByteArray()));
      assertThat(image.getWidth()).isGreaterThan(800);
    }
  }

  @Nested
  class ActionImpact {

    /**
     * A delivery action shipped on 2026-10-15, windows of 14 days, no settling: before
     * 10-01..10-14, after 10-15..10-28. The rest of the journey (Achat) stays at +20.
     */
    ImprovementAction shippedAction(String tenant, Journey j) {
      var a = actions(tenant);
      var created = a.createAction(CreateActionRequest.newBuilder().setJourneyId(j.getJourneyId())
          .setAction(ImprovementAction.newBuilder().setTitle("Créneau de livraison au choix").setOwnerTeam("logistique")
              .setHypothesis("Choisir son créneau évite les absences")
              .setTarget(ActionTarget.newBuilder().setStageId("livraison"))
              .setTargetIndicator(ActionIndicator.ACTION_INDICATOR_NPS).setTargetValue(10).setShipDate("2026-10-15")
              .setMeasurement(MeasurementPlan.newBuilder().setWindowDays(14).setSettlingDaysSet(true)
                  .setComparison(ComparisonKind.COMPARISON_KIND_REST_OF_JOURNEY))).build());
      for (var status : List.of(ActionStatus.ACTION_STATUS_PLANNED, ActionStatus.ACTION_STATUS_IN_PROGRESS,
          ActionStatus.ACTION_STATUS_SHIPPED)) {
        a.transitionAction(TransitionActionRequest.newBuilder().setActionId(created.getActionId()).setStatus(status).build());
      }
      return created;
    }

    @Test
    void aShippedActionWithAPlantedImprovementIsMeasuredSignificantWithTheRightSignAndSize() {
      String tenant = newTenant();
      var j = create(tenant, onlinePurchase());
      plant(tenant, "livraison", "suivi", "2026-10-05", 40, 80, 80);   // −20
      plant(tenant, "livraison", "suivi", "2026-10-20", 100, 60, 40);  // +30
      plant(tenant, "achat", "", "2026-10-05", 80, 80, 40);            // +20
      plant(tenant, "achat", "", "2026-10-20", 80, 80, 40);            // +20
      var action = shippedAction(tenant, j);

      var measured = actions(tenant).measureAction(MeasureActionRequest.newBuilder().setActionId(action.getActionId()).build());

      var impact = measured.getImpact();
      assertThat(measured.getStatus()).isEqualTo(ActionStatus.ACTION_STATUS_MEASURED);
      assertThat(impact.getBefore().getN()).isEqualTo(200);
      assertThat(impact.getAfter().getN()).isEqualTo(200);
      assertThat(impact.getBefore().getValue()).isEqualTo(-20.0);
      assertThat(impact.getAfter().getValue()).isEqualTo(30.0);
      assertThat(impact.getDifference()).isEqualTo(50.0);
      assertThat(impact.getSignificant()).isTrue();
      assertThat(impact.getDid()).isEqualTo(50.0);
      assertThat(impact.getDidSignificant()).isTrue();
      assertThat(impact.getDidInterval().getLow()).isPositive();
      assertThat(impact.getVerdict()).isEqualTo(ImpactVerdict.IMPACT_VERDICT_IMPROVED);
      assertThat(impact.getTargetReached()).isTrue();
      assertThat(impact.getBefore().getWindow().getStartDate()).isEqualTo("2026-10-01");
      assertThat(impact.getAfter().getWindow().getEndDate()).isEqualTo("2026-10-28");
      var fired = survey.alertsOf(tenant);
      assertThat(fired).extracting(f -> f.request().getAlertId())
          .containsExactly("action.measured:" + action.getActionId() + ":2026-10-28");
      assertThat(fired.get(0).request().getTitle()).contains("IMPROVED +50.0 (DiD");
    }

    @Test
    void aPlaceboActionDuringACompanyWideImprovementIsNotCreditedByTheDifferenceInDifferences() {
      String tenant = newTenant();
      var j = create(tenant, onlinePurchase());
      plant(tenant, "livraison", "suivi", "2026-10-05", 60, 80, 60);   // 0
      plant(tenant, "livraison", "suivi", "2026-10-20", 100, 60, 40);  // +30
      plant(tenant, "achat", "", "2026-10-05", 60, 80, 60);            // 0
      plant(tenant, "achat", "", "2026-10-20", 100, 60, 40);           // +30: the whole company improved
      var action = shippedAction(tenant, j);

      var impact = actions(tenant).measureAction(MeasureActionRequest.newBuilder()
          .setActionId(action.getActionId()).build()).getImpact();

      assertThat(impact.getDifference()).isEqualTo(30.0);
      assertThat(impact.getSignificant()).isTrue();
      assertThat(impact.getDid()).isEqualTo(0.0);
      assertThat(impact.getDidSignificant()).isFalse();
      assertThat(impact.getVerdict()).isEqualTo(ImpactVerdict.IMPACT_VERDICT_INCONCLUSIVE);
      assertThat(impact.getRequiredNPerWindow()).isGreaterThan(200);
    }

    @Test
    void anActionWhoseWindowsLackDataIsRefusedWithTheReasonAndNothingChanges() {
      String tenant = newTenant();
      var j = create(tenant, onlinePurchase());
      var action = shippedAction(tenant, j);

      var error = failure(() -> actions(tenant).measureAction(MeasureActionRequest.newBuilder()
          .setActionId(action.getActionId()).build()));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(error.getStatus().getDescription()).contains("before window 2026-10-01..2026-10-14 has no NPS answer");
      assertThat(actions(tenant).getAction(io.cxhub.proto.journey.v1.GetActionRequest.newBuilder()
          .setActionId(action.getActionId()).build()).getStatus()).isEqualTo(ActionStatus.ACTION_STATUS_SHIPPED);
    }

    @Test
    void unknownTargetsAreRefusedNamingTheField() {
      String tenant = newTenant();
      var j = create(tenant, onlinePurchase());

      var error = failure(() -> actions(tenant).createAction(CreateActionRequest.newBuilder().setJourneyId(j.getJourneyId())
          .setAction(ImprovementAction.newBuilder().setTitle("x").setOwnerTeam("t")
              .setTarget(ActionTarget.newBuilder().setStageId("nowhere"))
              .setTargetIndicator(ActionIndicator.ACTION_INDICATOR_NPS)
              .setMeasurement(MeasurementPlan.newBuilder().setComparison(ComparisonKind.COMPARISON_KIND_CONTROL_TOUCHPOINT)
                  .setControlTouchpointId("ghost"))).build()));

      assertThat(violatedFields(error)).containsExactlyInAnyOrder("action.target.stage_id",
          "action.measurement.control_touchpoint_id");
    }
  }

  @Nested
  class FunnelDropOff {

    @Test
    void aFunnelStepWithAPlantedDropOffIsFound() {
      String tenant = newTenant();
      var j = create(tenant, onlinePurchase());
      var events = new ArrayList<Event>();
      String[] steps = {"cart", "address", "payment", "confirm"};
      int[] completed = {180, 176, 100, 190};
      var time = Timestamp.newBuilder().setSeconds(Instant.parse("2026-11-18T10:00:00Z").getEpochSecond());
      for (int s = 0; s < steps.length; s++) {
        for (int i = 0; i < 200; i++) {
          events.add(Event.newBuilder().setEventId(steps[s] + "-v-" + i).setType(EventType.EVENT_TYPE_FUNNEL_STEP_VIEWED)
              .setOccurTime(time).setStageId("achat").setFunnelId("checkout").setStep(steps[s]).setStepOrder(s + 1).build());
          if (i < completed[s]) {
            events.add(Event.newBuilder().setEventId(steps[s] + "-c-" + i).setType(EventType.EVENT_TYPE_FUNNEL_STEP_COMPLETED)
                .setOccurTime(time).setStageId("achat").setFunnelId("checkout").setStep(steps[s]).setStepOrder(s + 1).build());
          }
        }
      }
      var stub = asTenant(EventServiceGrpc.newBlockingStub(metricsChannel), tenant).withDeadlineAfter(60, TimeUnit.SECONDS);
      for (int from = 0; from < events.size(); from += 1000) {
        stub.recordEvents(RecordEventsRequest.newBuilder().addAllEvents(events.subList(from, Math.min(events.size(), from + 1000))).build());
      }

      var report = insights(tenant).getFriction(GetFrictionRequest.newBuilder().setJourneyId(j.getJourneyId())
          .setSlice(november()).build());
      var live = insights(tenant).getLiveJourney(GetLiveJourneyRequest.newBuilder().setJourneyId(j.getJourneyId())
          .setSlice(november()).build());

      assertThat(report.getFunnelDropOffsList()).hasSize(1);
      var drop = report.getFunnelDropOffs(0);
      assertThat(drop.getStep()).isEqualTo("payment");
      assertThat(drop.getConversion()).isEqualTo(50.0);
      // median of the other steps' conversions 88, 90, 95
      assertThat(drop.getReference()).isEqualTo(90.0);
      assertThat(drop.getLostCompletions()).isEqualTo(80.0);
      var checkout = live.getStages(1).getTouchpoints(0).getKpis(0);
      assertThat(checkout.getElementId()).isEqualTo("checkout");
      assertThat(checkout.getValue()).isEqualTo(50.0);
      assertThat(checkout.getN()).isEqualTo(200);
    }
  }

  @Nested
  class KeyDrivers {

    @Test
    void aSurveysAspectsAreRankedByRelativeWeightFromASampleOfItsResponses() {
      String tenant = newTenant();
      var j = create(tenant, onlinePurchase());

      var analysis = insights(tenant).getKeyDrivers(io.cxhub.proto.journey.v1.GetKeyDriversRequest.newBuilder()
          .setJourneyId(j.getJourneyId()).setSurveyId(FakeSurveyService.KEY_DRIVER_SURVEY).setPeriod(NOVEMBER).build());

      assertThat(analysis.getOverallQuestionId()).isEqualTo("nps");
      assertThat(analysis.getN()).isEqualTo(300);
      assertThat(analysis.getDriversList()).extracting(d -> d.getQuestionId()).containsExactly("delivery", "price");
      assertThat(analysis.getDrivers(0).getImportance()).isGreaterThan(80);
      assertThat(analysis.getDrivers(0).getImportance() + analysis.getDrivers(1).getImportance()).isCloseTo(100, within(0.02));
      assertThat(analysis.getRSquared()).isGreaterThan(0.8);
      assertThat(analysis.getMethod()).startsWith("Johnson's relative weights");
    }

    @Test
    void aSampleSizeOutOfRangeIsRefusedNamingTheField() {
      String tenant = newTenant();
      var j = create(tenant, onlinePurchase());

      var error = failure(() -> insights(tenant).getKeyDrivers(io.cxhub.proto.journey.v1.GetKeyDriversRequest.newBuilder()
          .setJourneyId(j.getJourneyId()).setSurveyId("s").setSampleSize(10).build()));

      assertThat(violatedFields(error)).containsExactly("sample_size");
    }
  }

  @Nested
  class MetricsDown {

    @Test
    void theLiveJourneyAnswersDegradedNotAnError() {
      String tenant = newTenant();
      var j = asTenant(JourneyServiceGrpc.newBlockingStub(degradedChannel), tenant).withDeadlineAfter(20, TimeUnit.SECONDS)
          .createJourney(CreateJourneyRequest.newBuilder().setJourney(onlinePurchase()).build());
      var stub = asTenant(JourneyInsightServiceGrpc.newBlockingStub(degradedChannel), tenant).withDeadlineAfter(20, TimeUnit.SECONDS);

      var live = stub.getLiveJourney(GetLiveJourneyRequest.newBuilder().setJourneyId(j.getJourneyId()).setSlice(november()).build());
      var friction = stub.getFriction(GetFrictionRequest.newBuilder().setJourneyId(j.getJourneyId()).setSlice(november()).build());
      var svg = stub.exportJourneyImage(ExportJourneyImageRequest.newBuilder().setJourneyId(j.getJourneyId()).build());

      assertThat(live.getAvailability()).isEqualTo(Availability.AVAILABILITY_METRICS_UNAVAILABLE);
      assertThat(live.getJourney().getJourneyId()).isEqualTo(j.getJourneyId());
      assertThat(live.getStagesList()).hasSize(4).allMatch(s -> !s.hasNps());
      assertThat(live.getNotesList()).anyMatch(n -> n.contains("metrics-service did not answer"));
      assertThat(friction.getAvailability()).isEqualTo(Availability.AVAILABILITY_METRICS_UNAVAILABLE);
      assertThat(svg.getData().toString(StandardCharsets.UTF_8)).contains("live numbers unavailable");
    }
  }

  @Nested
  class EditingJourneys {

    @Test
    void aStaleEtagIsAbortedWithTheCurrentOneAndAnUpdateWithTheFreshOneApplies() {
      String tenant = newTenant();
      var j = create(tenant, onlinePurchase());
      var stub = asTenant(JourneyServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, TimeUnit.SECONDS);
      var renamed = stub.updateJourney(UpdateJourneyRequest.newBuilder()
          .setJourney(Journey.newBuilder().setJourneyId(j.getJourneyId()).setName("Achat web").setEtag(j.getEtag()))
          .setUpdateMask(FieldMask.newBuilder().addPaths("name")).build());

      var stale = failure(() -> stub.updateJourney(UpdateJourneyRequest.newBuilder()
          .setJourney(Journey.newBuilder().setJourneyId(j.getJourneyId()).setName("Autre").setEtag(j.getEtag()))
          .setUpdateMask(FieldMask.newBuilder().addPaths("name")).build()));

      assertThat(renamed.getName()).isEqualTo("Achat web");
      assertThat(renamed.getStagesCount()).isEqualTo(4);
      assertThat(renamed.getEtag()).isNotEqualTo(j.getEtag());
      assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
      assertThat(stale.getStatus().getDescription()).contains("the current etag is '" + renamed.getEtag() + "'");
    }

    @Test
    void aCycleInTheBlueprintFlowIsRefusedNamingTheFieldAndNothingIsStored() {
      String tenant = newTenant();
      var j = create(tenant, onlinePurchase());
      var stages = new ArrayList<>(j.getStagesList());
      stages.set(1, stages.get(1).toBuilder().setBlueprint(0, stages.get(1).getBlueprint(0).toBuilder()
          .addAfterElementIds("preparation")).build());
      var stub = asTenant(JourneyServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(20, TimeUnit.SECONDS);

      var error = failure(() -> stub.updateJourney(UpdateJourneyRequest.newBuilder()
          .setJourney(Journey.newBuilder().setJourneyId(j.getJourneyId()).addAllStages(stages))
          .setUpdateMask(FieldMask.newBuilder().addPaths("stages")).build()));

      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(error)).containsExactly("journey.stages[1].blueprint[0].after_element_ids");
      assertThat(error.getStatus().getDescription()).contains("checkout -> preparation -> checkout");
      assertThat(stub.getJourney(io.cxhub.proto.journey.v1.GetJourneyRequest.newBuilder()
          .setJourneyId(j.getJourneyId()).build()).getEtag()).isEqualTo(j.getEtag());
    }
  }
}
