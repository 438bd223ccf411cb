package io.cxhub.metrics;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.metrics.v1.AnalyzeTextRequest;
import io.cxhub.proto.metrics.v1.GetTaxonomyRequest;
import io.cxhub.proto.metrics.v1.Taxonomy;
import io.cxhub.proto.metrics.v1.TaxonomyTheme;
import io.cxhub.proto.metrics.v1.TextAnalyticsServiceGrpc;
import io.cxhub.proto.metrics.v1.TextAnalyticsServiceGrpc.TextAnalyticsServiceBlockingStub;
import io.cxhub.proto.metrics.v1.TextLanguage;
import io.cxhub.proto.metrics.v1.TextSentiment;
import io.cxhub.proto.metrics.v1.ThemeMention;
import io.cxhub.proto.metrics.v1.UpdateTaxonomyRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Text analytics through the real gRPC server and the embedded MongoDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextAnalyticsIT {

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    app = MetricsServiceApplication.builder().run(
        "--spring.data.mongodb.uri=" + mongo.connectionString("cx_metrics"),
        "--spring.grpc.server.port=0",
        "--server.port=0");
    int port = app.getEnvironment().getRequiredProperty("local.grpc.port", Integer.class);
    channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    mongo.close();
  }

  private TextAnalyticsServiceBlockingStub tenant(String tenant) {
    return asTenant(TextAnalyticsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS), tenant);
  }

  @Test
  void analysesATextWithTheDefaultTaxonomy() {
    String text = "Colis toujours pas reçu au point relais, service client injoignable !";
    var a = tenant("t-analyse").analyzeText(AnalyzeTextRequest.newBuilder().setText(text).build());
    assertThat(a.getLanguage()).isEqualTo(TextLanguage.TEXT_LANGUAGE_FR);
    assertThat(a.getSentiment()).isEqualTo(TextSentiment.TEXT_SENTIMENT_NEGATIVE);
    assertThat(a.getScore()).isLessThan(0);
    assertThat(a.getThemesList()).extracting(ThemeMention::getThemeId).contains("delivery", "customer_service");
    var delivery = a.getThemesList().stream().filter(t -> t.getThemeId().equals("delivery")).findFirst().orElseThrow();
    assertThat(delivery.getLabel()).isEqualTo("Livraison");
    assertThat(delivery.getEvidenceList()).allMatch(s -> text.substring(s.getStart(), s.getEnd()).equals(s.getText()));
    assertThat(delivery.getEvidenceList()).anyMatch(s -> s.getText().equals("point relais"));
  }

  @Test
  void badTextsAreAnalysedNeverFailing() {
    var empty = tenant("t-bad").analyzeText(AnalyzeTextRequest.newBuilder().setText("").build());
    assertThat(empty.getLanguage()).isEqualTo(TextLanguage.TEXT_LANGUAGE_OTHER);
    assertThat(empty.getSentiment()).isEqualTo(TextSentiment.TEXT_SENTIMENT_NEUTRAL);
    var binary = tenant("t-bad").analyzeText(AnalyzeTextRequest.newBuilder().setText("\u0001\u0002ÿØÿà JFIF \u0003").build());
    assertThat(binary.getLanguage()).isEqualTo(TextLanguage.TEXT_LANGUAGE_OTHER);
    var huge = tenant("t-bad").analyzeText(AnalyzeTextRequest.newBuilder().setText("Livraison rapide. ".repeat(277)).build());
    assertThat(huge.getSentiment()).isEqualTo(TextSentiment.TEXT_SENTIMENT_POSITIVE);
    var tooLong = catchThrowableOfType(StatusRuntimeException.class,
        () -> tenant("t-bad").analyzeText(AnalyzeTextRequest.newBuilder().setText("x".repeat(5001)).build()));
    assertThat(tooLong.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(tooLong)).containsExactly("text");
  }

  @Test
  void aTenantReplacesItsTaxonomyAndOnlyItsOwn() {
    var before = tenant("t-tax").getTaxonomy(GetTaxonomyRequest.getDefaultInstance());
    assertThat(before.getDefault()).isTrue();
    assertThat(before.getThemesList()).extracting(TaxonomyTheme::getId)
        .contains("delivery", "payment", "customer_service", "product_quality", "price", "website_app", "store", "returns");

    var custom = Taxonomy.newBuilder().addThemes(TaxonomyTheme.newBuilder().setId("loyalty")
        .setLabelFr("Fidélité").setLabelEn("Loyalty").addTermsFr("carte de fidelite").addTermsEn("loyalty card"));
    var saved = tenant("t-tax").updateTaxonomy(UpdateTaxonomyRequest.newBuilder().setTaxonomy(custom).build());
    assertThat(saved.getVersion()).isEqualTo(1);
    assertThat(saved.getDefault()).isFalse();

    var a = tenant("t-tax").analyzeText(AnalyzeTextRequest.newBuilder()
        .setText("Ma carte de fidélité ne marche pas et le colis est en retard.").build());
    assertThat(a.getThemesList()).extracting(ThemeMention::getThemeId).containsExactly("loyalty");
    // another tenant still has the default taxonomy
    assertThat(tenant("t-other").getTaxonomy(GetTaxonomyRequest.getDefaultInstance()).getDefault()).isTrue();
  }

  @Test
  void aMalformedTaxonomyIsRefusedNamingTheFields() {
    var bad = Taxonomy.newBuilder()
        .addThemes(TaxonomyTheme.newBuilder().setId("Bad Id").addTermsFr("colis"))
        .addThemes(TaxonomyTheme.newBuilder().setId("empty"))
        .addThemes(TaxonomyTheme.newBuilder().setId("wild").addTermsFr("a*").addTermsEn(""));
    var e = catchThrowableOfType(StatusRuntimeException.class,
        () -> tenant("t-malformed").updateTaxonomy(UpdateTaxonomyRequest.newBuilder().setTaxonomy(bad).build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).contains("taxonomy.themes[0].id", "taxonomy.themes[1].terms_fr",
        "taxonomy.themes[2].terms_fr[0]", "taxonomy.themes[2].terms_en[0]");
    assertThat(tenant("t-malformed").getTaxonomy(GetTaxonomyRequest.getDefaultInstance()).getDefault()).isTrue();
  }
}
