package io.cxhub.metrics.text.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.metrics.text.Keyword;
import io.cxhub.metrics.text.Language;
import io.cxhub.metrics.text.Sentiment;
import io.cxhub.metrics.text.Span;
import io.cxhub.metrics.text.Taxonomy;
import io.cxhub.metrics.text.TextAnalysis;
import io.cxhub.metrics.text.TextAnalytics;
import io.cxhub.metrics.text.ThemeMention;
import io.cxhub.proto.metrics.v1.AnalyzeTextRequest;
import io.cxhub.proto.metrics.v1.GetTaxonomyRequest;
import io.cxhub.proto.metrics.v1.TaxonomyTheme;
import io.cxhub.proto.metrics.v1.TextAnalyticsServiceGrpc;
import io.cxhub.proto.metrics.v1.TextKeyword;
import io.cxhub.proto.metrics.v1.TextLanguage;
import io.cxhub.proto.metrics.v1.TextSentiment;
import io.cxhub.proto.metrics.v1.TextSpan;
import io.cxhub.proto.metrics.v1.UpdateTaxonomyRequest;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The cx.metrics.v1.TextAnalyticsService endpoint (tenant-scoped). */
@Service
class TextAnalyticsGrpcService extends TextAnalyticsServiceGrpc.TextAnalyticsServiceImplBase {

  private final TextAnalytics analytics;

  TextAnalyticsGrpcService(TextAnalytics analytics) {
    this.analytics = analytics;
  }

  @Override
  public void analyzeText(AnalyzeTextRequest request, StreamObserver<io.cxhub.proto.metrics.v1.TextAnalysis> response) {
    String tenant = TenantContext.require();
    String text = request.getText();
    TextAnalysis a = analytics.analyze(tenant, text);
    response.onNext(toProto(a, text, analytics.taxonomy(tenant)));
    response.onCompleted();
  }

  @Override
  public void getTaxonomy(GetTaxonomyRequest request, StreamObserver<io.cxhub.proto.metrics.v1.Taxonomy> response) {
    response.onNext(toProto(analytics.taxonomy(TenantContext.require())));
    response.onCompleted();
  }

  @Override
  public void updateTaxonomy(UpdateTaxonomyRequest request, StreamObserver<io.cxhub.proto.metrics.v1.Taxonomy> response) {
    var themes = request.getTaxonomy().getThemesList().stream()
        .map(t -> new Taxonomy.Theme(t.getId(), t.getLabelFr(), t.getLabelEn(), t.getTermsFrList(), t.getTermsEnList()))
        .toList();
    response.onNext(toProto(analytics.updateTaxonomy(TenantContext.require(), themes)));
    response.onCompleted();
  }

  static io.cxhub.proto.metrics.v1.Taxonomy toProto(Taxonomy taxonomy) {
    var b = io.cxhub.proto.metrics.v1.Taxonomy.newBuilder()
        .setVersion(taxonomy.version())
        .setDefault(taxonomy.version() == 0);
    for (Taxonomy.Theme t : taxonomy.themes()) {
      b.addThemes(TaxonomyTheme.newBuilder().setId(t.id())
          .setLabelFr(nullToEmpty(t.labelFr())).setLabelEn(nullToEmpty(t.labelEn()))
          .addAllTermsFr(t.termsFr()).addAllTermsEn(t.termsEn()));
    }
    return b.build();
  }

  /** The analysis as the contract has it, with the spans' characters and themes' labels. */
  public static io.cxhub.proto.metrics.v1.TextAnalysis toProto(TextAnalysis a, String text, Taxonomy taxonomy) {
    Map<String, Taxonomy.Theme> themes = new HashMap<>();
    taxonomy.themes().forEach(t -> themes.put(t.id(), t));
    var b = io.cxhub.proto.metrics.v1.TextAnalysis.newBuilder()
        .setLanguage(language(a.language()))
        .setSentiment(sentiment(a.sentiment()))
        .setScore(round(a.score()));
    for (ThemeMention m : a.themes()) {
      var t = themes.get(m.themeId());
      String label = t == null ? m.themeId() : a.language() == Language.FR ? t.labelFr() : t.labelEn();
      var mb = io.cxhub.proto.metrics.v1.ThemeMention.newBuilder()
          .setThemeId(m.themeId()).setLabel(nullToEmpty(label))
          .setSentiment(sentiment(m.sentiment())).setScore(round(m.score()));
      m.evidence().forEach(s -> mb.addEvidence(span(s, text)));
      b.addThemes(mb);
    }
    for (Keyword k : a.keywords()) {
      b.addKeywords(TextKeyword.newBuilder().setKey(k.key()).setDisplay(k.display()).setPhrase(k.phrase()));
    }
    a.sentimentSpans().forEach(s -> b.addSentimentSpans(span(s, text)));
    return b.build();
  }

  private static TextSpan span(Span s, String text) {
    int end = Math.min(s.end(), text.length());
    int start = Math.min(s.start(), end);
    return TextSpan.newBuilder().setStart(start).setEnd(end).setText(text.substring(start, end)).build();
  }

  static TextLanguage language(Language l) {
    return switch (l) {
      case FR -> TextLanguage.TEXT_LANGUAGE_FR;
      case EN -> TextLanguage.TEXT_LANGUAGE_EN;
      case OTHER -> TextLanguage.TEXT_LANGUAGE_OTHER;
    };
  }

  static TextSentiment sentiment(Sentiment s) {
    return switch (s) {
      case NEGATIVE -> TextSentiment.TEXT_SENTIMENT_NEGATIVE;
      case NEUTRAL -> TextSentiment.TEXT_SENTIMENT_NEUTRAL;
      case POSITIVE -> TextSentiment.TEXT_SENTIMENT_POSITIVE;
      case MIXED -> TextSentiment.TEXT_SENTIMENT_MIXED;
    };
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
