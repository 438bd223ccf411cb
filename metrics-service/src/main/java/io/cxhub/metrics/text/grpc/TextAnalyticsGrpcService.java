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
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.metrics.text.feed.KeywordReport;
import io.cxhub.metrics.text.feed.Reanalysis;
import io.cxhub.metrics.text.feed.TextInsights;
import io.cxhub.metrics.text.feed.ThemeReport;
import io.cxhub.proto.metrics.v1.AnalyzeTextRequest;
import io.cxhub.proto.metrics.v1.GetTextOperationRequest;
import io.cxhub.proto.metrics.v1.KeywordStat;
import io.cxhub.proto.metrics.v1.ListKeywordsRequest;
import io.cxhub.proto.metrics.v1.ListKeywordsResponse;
import io.cxhub.proto.metrics.v1.GetResponseAnalysisRequest;
import io.cxhub.proto.metrics.v1.ListPlaceThemesRequest;
import io.cxhub.proto.metrics.v1.ResponseAnalysis;
import io.cxhub.proto.metrics.v1.ListPlaceThemesResponse;
import io.cxhub.proto.metrics.v1.ListThemesRequest;
import io.cxhub.proto.metrics.v1.PlaceTheme;
import io.cxhub.proto.metrics.v1.PlaceThemes;
import io.cxhub.proto.metrics.v1.ListThemesResponse;
import io.cxhub.proto.metrics.v1.ListVerbatimsRequest;
import io.cxhub.proto.metrics.v1.ListVerbatimsResponse;
import io.cxhub.proto.metrics.v1.TextOperation;
import io.cxhub.proto.metrics.v1.TextPeriodFilter;
import io.cxhub.proto.metrics.v1.ThemeImpact;
import io.cxhub.proto.metrics.v1.ThemeStat;
import io.cxhub.proto.metrics.v1.Verbatim;
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
  private final TextInsights insights;
  private final Reanalysis reanalysis;

  TextAnalyticsGrpcService(TextAnalytics analytics, TextInsights insights, Reanalysis reanalysis) {
    this.analytics = analytics;
    this.insights = insights;
    this.reanalysis = reanalysis;
  }

  @Override
  public void listThemes(ListThemesRequest request, StreamObserver<ListThemesResponse> response) {
    String tenant = TenantContext.require();
    var report = insights.themes(tenant, filter(request.getFilter()));
    Map<String, Taxonomy.Theme> themes = new HashMap<>();
    analytics.taxonomy(tenant).themes().forEach(t -> themes.put(t.id(), t));
    var b = ListThemesResponse.newBuilder().setComments(report.comments());
    for (ThemeReport.ThemeStat t : report.themes()) {
      b.addThemes(stat(t, themes.get(t.themeId())));
    }
    response.onNext(b.build());
    response.onCompleted();
  }

  @Override
  public void listPlaceThemes(ListPlaceThemesRequest request, StreamObserver<ListPlaceThemesResponse> response) {
    String tenant = TenantContext.require();
    var places = request.getPlacesList().stream()
        .map(p -> new TextInsights.Place(p.getId(), p.getStageIdsList(), p.getTouchpointIdsList())).toList();
    var found = insights.placeThemes(tenant, request.getFrom(), request.getTo(), places, request.getTop(), request.getSamples());
    var taxonomy = analytics.taxonomy(tenant);
    Map<String, Taxonomy.Theme> themes = new HashMap<>();
    taxonomy.themes().forEach(t -> themes.put(t.id(), t));
    var b = ListPlaceThemesResponse.newBuilder();
    for (var place : found) {
      var pb = PlaceThemes.newBuilder().setId(place.id()).setComments(place.comments());
      for (var t : place.themes()) {
        var tb = PlaceTheme.newBuilder().setStat(stat(t.stat(), themes.get(t.stat().themeId())))
            .setNegativeShare(round(t.negativeShare()));
        t.samples().forEach(v -> tb.addSamples(verbatim(v, taxonomy)));
        pb.addThemes(tb);
      }
      b.addPlaces(pb);
    }
    response.onNext(b.build());
    response.onCompleted();
  }

  private static ThemeStat stat(ThemeReport.ThemeStat t, Taxonomy.Theme theme) {
    return ThemeStat.newBuilder()
        .setThemeId(t.themeId())
        .setLabelFr(theme == null ? t.themeId() : nullToEmpty(theme.labelFr()))
        .setLabelEn(theme == null ? t.themeId() : nullToEmpty(theme.labelEn()))
        .setVolume(t.volume())
        .setShare(round(t.share()))
        .setNegative(t.sentiments().get(Sentiment.NEGATIVE))
        .setNeutral(t.sentiments().get(Sentiment.NEUTRAL))
        .setPositive(t.sentiments().get(Sentiment.POSITIVE))
        .setMixed(t.sentiments().get(Sentiment.MIXED))
        .setNpsImpact(impact(t.nps()))
        .setCsatImpact(impact(t.csat()))
        .build();
  }

  private static Verbatim verbatim(TextInsights.Verbatim v, Taxonomy taxonomy) {
    var c = v.comment().comment();
    var vb = Verbatim.newBuilder().setResponseId(c.responseId()).setQuestionId(c.questionId())
        .setSurveyId(c.surveyId()).setText(c.text())
        .setSubmitTime(ProtoTimestamps.toProto(c.submitTime()))
        .setAnalysis(toProto(v.comment().analysis(), c.text(), taxonomy));
    v.highlights().forEach(s -> vb.addHighlights(span(s, c.text())));
    return vb.build();
  }

  @Override
  public void getResponseAnalysis(GetResponseAnalysisRequest request, StreamObserver<ResponseAnalysis> response) {
    String tenant = TenantContext.require();
    var found = insights.ofResponse(tenant, request.getResponseId());
    var taxonomy = analytics.taxonomy(tenant);
    var b = ResponseAnalysis.newBuilder();
    found.forEach(v -> b.addComments(verbatim(v, taxonomy)));
    response.onNext(b.build());
    response.onCompleted();
  }

  @Override
  public void listKeywords(ListKeywordsRequest request, StreamObserver<ListKeywordsResponse> response) {
    var k = insights.keywords(TenantContext.require(), filter(request.getFilter()), request.getLimit(), request.getEmergingOnly());
    var b = ListKeywordsResponse.newBuilder().setComments(k.comments()).setPreviousComments(k.previousComments());
    for (KeywordReport.Term t : k.terms()) {
      b.addKeywords(KeywordStat.newBuilder().setKey(t.key()).setDisplay(t.display()).setPhrase(t.phrase())
          .setCount(t.count()).setPreviousCount(t.previousCount()).setLift(round(t.lift()))
          .setPValue(t.pValue()).setEmerging(t.emerging()));
    }
    response.onNext(b.build());
    response.onCompleted();
  }

  @Override
  public void listVerbatims(ListVerbatimsRequest request, StreamObserver<ListVerbatimsResponse> response) {
    String tenant = TenantContext.require();
    Sentiment sentiment = switch (request.getSentiment()) {
      case TEXT_SENTIMENT_NEGATIVE -> Sentiment.NEGATIVE;
      case TEXT_SENTIMENT_NEUTRAL -> Sentiment.NEUTRAL;
      case TEXT_SENTIMENT_POSITIVE -> Sentiment.POSITIVE;
      case TEXT_SENTIMENT_MIXED -> Sentiment.MIXED;
      default -> null;
    };
    var page = insights.verbatims(tenant, new TextInsights.VerbatimFilter(request.getFrom(), request.getTo(),
        request.getThemeId(), sentiment, request.getKeyword(), request.getSurveyId(), request.getStageId(),
        request.getTouchpointId(), request.getChannel(), request.getSegmentId(), request.getPersonaId(),
        request.getValueTier()), request.getPageSize(), request.getPageToken());
    var taxonomy = analytics.taxonomy(tenant);
    var b = ListVerbatimsResponse.newBuilder().setNextPageToken(page.nextToken());
    for (TextInsights.Verbatim v : page.verbatims()) {
      b.addVerbatims(verbatim(v, taxonomy));
    }
    response.onNext(b.build());
    response.onCompleted();
  }

  @Override
  public void getTextOperation(GetTextOperationRequest request, StreamObserver<TextOperation> response) {
    var op = reanalysis.get(TenantContext.require(), request.getOperationId())
        .orElseThrow(() -> new NotFoundException("operation", request.getOperationId()));
    var b = TextOperation.newBuilder().setOperationId(op.id()).setState(op.state().name())
        .setTotal(op.total()).setDone(op.done()).setChanged(op.changed())
        .setStartTime(ProtoTimestamps.toProto(op.started())).setError(op.error());
    if (op.finished() != null) {
      b.setEndTime(ProtoTimestamps.toProto(op.finished()));
    }
    response.onNext(b.build());
    response.onCompleted();
  }

  private static TextInsights.PeriodFilter filter(TextPeriodFilter f) {
    return new TextInsights.PeriodFilter(f.getFrom(), f.getTo(), f.getSurveyId(), f.getStageId(), f.getTouchpointId(),
        f.getChannel(), f.getSegmentId(), f.getPersonaId());
  }

  private static ThemeImpact impact(ThemeReport.Impact i) {
    if (!i.known()) {
      return ThemeImpact.newBuilder().setKnown(false)
          .setMentionersCount(i.nMentioners()).setOthersCount(i.nOthers()).build();
    }
    return ThemeImpact.newBuilder().setKnown(true)
        .setMentioners(round(i.mentioners())).setOthers(round(i.others())).setDifference(round(i.difference()))
        .setLow(round(i.low())).setHigh(round(i.high()))
        .setMentionersCount(i.nMentioners()).setOthersCount(i.nOthers()).build();
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
    String tenant = TenantContext.require();
    var saved = analytics.updateTaxonomy(tenant, themes);
    var op = reanalysis.start(tenant);
    response.onNext(toProto(saved).toBuilder().setReanalysisOperationId(op.id()).build());
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
