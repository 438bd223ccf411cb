package io.cxhub.metrics;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.metrics.text.feed.AnalyseComments;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.metrics.v1.GetTextOperationRequest;
import io.cxhub.proto.metrics.v1.ListKeywordsRequest;
import io.cxhub.proto.metrics.v1.ListThemesRequest;
import io.cxhub.proto.metrics.v1.GetResponseAnalysisRequest;
import io.cxhub.proto.metrics.v1.ListPlaceThemesRequest;
import io.cxhub.proto.metrics.v1.ListVerbatimsRequest;
import io.cxhub.proto.metrics.v1.PlaceThemes;
import io.cxhub.proto.metrics.v1.ThemePlace;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.metrics.v1.Taxonomy;
import io.cxhub.proto.metrics.v1.TaxonomyTheme;
import io.cxhub.proto.metrics.v1.TextAnalyticsServiceGrpc;
import io.cxhub.proto.metrics.v1.TextAnalyticsServiceGrpc.TextAnalyticsServiceBlockingStub;
import io.cxhub.proto.metrics.v1.TextPeriodFilter;
import io.cxhub.proto.metrics.v1.TextSentiment;
import io.cxhub.proto.metrics.v1.ThemeStat;
import io.cxhub.proto.metrics.v1.UpdateTaxonomyRequest;
import io.cxhub.proto.metrics.v1.Verbatim;
import io.cxhub.proto.survey.v1.RecordedAnswer;
import io.cxhub.proto.survey.v1.RecordedResponse;
import io.cxhub.proto.survey.v1.RecordedText;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Comments relayed with the responses are queued, analysed behind, counted in the text
 * cubes and read back as themes (with NPS impact), keywords and verbatims.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextFeedIT {

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;
  private AnalyseComments analyse;

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    app = MetricsServiceApplication.builder().run(
        "--spring.data.mongodb.uri=" + mongo.connectionString("cx_metrics"),
        "--spring.grpc.server.port=0",
        "--server.port=0",
        "--cx.metrics.text.enabled=false");
    int port = app.getEnvironment().getRequiredProperty("local.grpc.port", Integer.class);
    channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
    analyse = app.getBean(AnalyseComments.class);
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    mongo.close();
  }

  private TextAnalyticsServiceBlockingStub text(String tenant) {
    return asTenant(TextAnalyticsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS), tenant);
  }

  private void record(String tenant, String id, int nps, String comment, Instant at) {
    record(tenant, id, nps, comment, at, "", "");
  }

  private void record(String tenant, String id, int nps, String comment, Instant at, String stageId, String touchpointId) {
    var r = RecordedResponse.newBuilder().setResponseId(id).setSurveyId("s1").setSurveyVersion(1)
        .setStageId(stageId).setTouchpointId(touchpointId)
        .setChannel(Channel.CHANNEL_LINK).setSubmitTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond()))
        .addAnswers(RecordedAnswer.newBuilder().setQuestionId("q1").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_NPS).setScore(nps).setScaleMin(0).setScaleMax(10))
        .addTexts(RecordedText.newBuilder().setQuestionId("q2").setText(comment))
        .build();
    asTenant(MetricsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS), tenant)
        .recordResponses(RecordResponsesRequest.newBuilder().addResponses(r).build());
  }

  private void drain() {
    while (analyse.drainOnce() > 0) {
      // until the queue is empty
    }
  }

  private static TextPeriodFilter period(String from, String to) {
    return TextPeriodFilter.newBuilder().setFrom(from).setTo(to).build();
  }

  @Test
  void themesWithImpactKeywordsAndVerbatims() {
    Instant week1 = Instant.parse("2026-11-02T10:00:00Z");
    Instant week2 = Instant.parse("2026-11-09T10:00:00Z");
    // the previous week: deliveries fine, no "point relais" complaints
    for (int i = 0; i < 10; i++) {
      record("t-voc", "a" + i, 9, "Livraison rapide, très content du produit.", week1);
    }
    // this week: late parcels at the pickup point, detractors
    for (int i = 0; i < 8; i++) {
      record("t-voc", "b" + i, 2, "Colis en retard au point relais, livraison catastrophique.", week2);
    }
    for (int i = 0; i < 6; i++) {
      record("t-voc", "c" + i, 10, "Service client au top, merci !", week2);
    }
    // a retried batch adds nothing
    record("t-voc", "b0", 2, "Colis en retard au point relais, livraison catastrophique.", week2);
    drain();

    var themes = text("t-voc").listThemes(ListThemesRequest.newBuilder().setFilter(period("2026-11-09", "2026-11-15")).build());
    assertThat(themes.getComments()).isEqualTo(14);
    ThemeStat delivery = themes.getThemesList().stream().filter(t -> t.getThemeId().equals("delivery")).findFirst().orElseThrow();
    assertThat(delivery.getVolume()).isEqualTo(8);
    assertThat(delivery.getNegative()).isEqualTo(8);
    assertThat(delivery.getShare()).isCloseTo(8 / 14.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(delivery.getNpsImpact().getKnown()).isTrue();
    assertThat(delivery.getNpsImpact().getMentioners()).isEqualTo(-100);
    assertThat(delivery.getNpsImpact().getOthers()).isEqualTo(100);
    assertThat(delivery.getNpsImpact().getDifference()).isEqualTo(-200);
    assertThat(delivery.getNpsImpact().getHigh()).isLessThanOrEqualTo(-200);

    var keywords = text("t-voc").listKeywords(ListKeywordsRequest.newBuilder()
        .setFilter(period("2026-11-09", "2026-11-15")).setEmergingOnly(true).build());
    assertThat(keywords.getPreviousComments()).isEqualTo(10);
    assertThat(keywords.getKeywordsList()).anyMatch(k -> k.getDisplay().equals("point relais") && k.getEmerging());
    assertThat(keywords.getKeywordsList()).noneMatch(k -> k.getKey().equals("livraison"));

    var seen = new ArrayList<Verbatim>();
    String token = "";
    do {
      var page = text("t-voc").listVerbatims(ListVerbatimsRequest.newBuilder().setThemeId("delivery")
          .setSentiment(TextSentiment.TEXT_SENTIMENT_NEGATIVE).setPageSize(3).setPageToken(token).build());
      seen.addAll(page.getVerbatimsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertThat(seen).hasSize(8);
    assertThat(seen).extracting(Verbatim::getResponseId).doesNotHaveDuplicates();
    assertThat(seen.get(0).getHighlightsList()).anyMatch(h -> h.getText().equals("point relais"));

    // another tenant sees none of it
    assertThat(text("t-else").listThemes(ListThemesRequest.newBuilder().setFilter(period("2026-11-09", "2026-11-15")).build())
        .getComments()).isZero();
    assertThat(text("t-else").listVerbatims(ListVerbatimsRequest.getDefaultInstance()).getVerbatimsCount()).isZero();
  }

  @Test
  void aTaxonomyChangeReanalysesHistory() throws InterruptedException {
    Instant day = Instant.parse("2026-10-05T10:00:00Z");
    record("t-re", "r1", 3, "Ma carte de fidélité n'a pas été créditée.", day);
    record("t-re", "r2", 9, "Livraison rapide.", day);
    drain();
    var custom = Taxonomy.newBuilder().addThemes(TaxonomyTheme.newBuilder().setId("loyalty")
        .setLabelFr("Fidélité").setLabelEn("Loyalty").addTermsFr("carte de fidelite").addTermsEn("loyalty card"));
    var saved = text("t-re").updateTaxonomy(UpdateTaxonomyRequest.newBuilder().setTaxonomy(custom).build());
    assertThat(saved.getReanalysisOperationId()).isNotEmpty();
    var op = text("t-re").getTextOperation(GetTextOperationRequest.newBuilder().setOperationId(saved.getReanalysisOperationId()).build());
    for (int i = 0; i < 100 && op.getState().equals("RUNNING"); i++) {
      Thread.sleep(100);
      op = text("t-re").getTextOperation(GetTextOperationRequest.newBuilder().setOperationId(saved.getReanalysisOperationId()).build());
    }
    assertThat(op.getState()).isEqualTo("SUCCEEDED");
    assertThat(op.getDone()).isEqualTo(2);
    assertThat(op.getChanged()).isEqualTo(2);
    var themes = text("t-re").listThemes(ListThemesRequest.newBuilder().setFilter(period("2026-10-05", "2026-10-05")).build());
    assertThat(themes.getComments()).isEqualTo(2);
    assertThat(themes.getThemesList()).extracting(ThemeStat::getThemeId).containsExactly("loyalty");

    var notMine = catchThrowableOfType(StatusRuntimeException.class, () -> text("t-other")
        .getTextOperation(GetTextOperationRequest.newBuilder().setOperationId(saved.getReanalysisOperationId()).build()));
    assertThat(notMine.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void placeThemesRankNegativeMentionsPerStageAndTouchpointWithSamples() {
    Instant day = Instant.parse("2026-09-10T10:00:00Z");
    for (int i = 0; i < 6; i++) {
      record("t-place", "d" + i, 2, "Colis en retard au point relais, livraison catastrophique.", day, "delivery", "relay");
    }
    for (int i = 0; i < 3; i++) {
      record("t-place", "p" + i, 3, "Le prix est trop cher, c'est honteux.", day, "delivery", "");
    }
    for (int i = 0; i < 4; i++) {
      record("t-place", "s" + i, 10, "Service client au top, merci !", day, "after_sales", "");
    }
    drain();
    var answer = text("t-place").listPlaceThemes(ListPlaceThemesRequest.newBuilder()
        .setFrom("2026-09-01").setTo("2026-09-30").setTop(2).setSamples(2)
        .addPlaces(ThemePlace.newBuilder().setId("stage:delivery").addStageIds("delivery").addTouchpointIds("relay"))
        .addPlaces(ThemePlace.newBuilder().setId("touchpoint:relay").addTouchpointIds("relay"))
        .addPlaces(ThemePlace.newBuilder().setId("stage:after_sales").addStageIds("after_sales"))
        .build());
    assertThat(answer.getPlacesList()).extracting(PlaceThemes::getId)
        .containsExactly("stage:delivery", "touchpoint:relay", "stage:after_sales");
    var delivery = answer.getPlaces(0);
    assertThat(delivery.getComments()).isEqualTo(9);
    assertThat(delivery.getThemesList()).extracting(t -> t.getStat().getThemeId()).containsExactly("delivery", "price");
    var top = delivery.getThemes(0);
    assertThat(top.getStat().getNegative()).isEqualTo(6);
    assertThat(top.getNegativeShare()).isCloseTo(6 / 9.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(top.getSamplesList()).hasSize(2);
    assertThat(top.getSamples(0).getHighlightsList()).anyMatch(h -> h.getText().equals("point relais"));
    var relay = answer.getPlaces(1);
    assertThat(relay.getComments()).isEqualTo(6);
    assertThat(relay.getThemesList()).extracting(t -> t.getStat().getThemeId()).containsExactly("delivery");
    assertThat(answer.getPlaces(2).getThemesList()).allMatch(t -> t.getStat().getNegative() == 0 && t.getSamplesCount() == 0);

    // one response's analysis, as a case shows it
    var analysed = text("t-place").getResponseAnalysis(GetResponseAnalysisRequest.newBuilder().setResponseId("d1").build());
    assertThat(analysed.getCommentsList()).hasSize(1);
    var comment = analysed.getComments(0);
    assertThat(comment.getResponseId()).isEqualTo("d1");
    assertThat(comment.getAnalysis().getSentiment()).isEqualTo(TextSentiment.TEXT_SENTIMENT_NEGATIVE);
    assertThat(comment.getAnalysis().getThemesList()).anyMatch(t -> t.getThemeId().equals("delivery")
        && t.getEvidenceList().stream().anyMatch(e -> e.getText().equals("point relais")));
    assertThat(text("t-place").getResponseAnalysis(GetResponseAnalysisRequest.newBuilder().setResponseId("d").build())
        .getCommentsList()).isEmpty();
    assertThat(text("t-else").getResponseAnalysis(GetResponseAnalysisRequest.newBuilder().setResponseId("d1").build())
        .getCommentsList()).isEmpty();

    assertThat(text("t-else").listPlaceThemes(ListPlaceThemesRequest.newBuilder().setFrom("2026-09-01").setTo("2026-09-30")
        .addPlaces(ThemePlace.newBuilder().setId("stage:delivery").addStageIds("delivery")).build())
        .getPlaces(0).getComments()).isZero();
    var bad = catchThrowableOfType(StatusRuntimeException.class, () -> text("t-place").listPlaceThemes(
        ListPlaceThemesRequest.newBuilder().setFrom("2026-09-01").setTo("2026-09-30")
            .addPlaces(ThemePlace.newBuilder().setId("empty")).build()));
    assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(bad)).containsExactly("places[0].stage_ids");
  }

  @Test
  void badPeriodsAndTokensAreRefusedNamingTheField() {
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> text("t-bad")
        .listThemes(ListThemesRequest.newBuilder().setFilter(period("2026-13-01", "2026-11-01")).build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).contains("filter.from");
    var t = catchThrowableOfType(StatusRuntimeException.class, () -> text("t-bad")
        .listVerbatims(ListVerbatimsRequest.newBuilder().setPageToken("garbage!").build()));
    assertThat(t.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(t)).containsExactly("page_token");
  }
}
