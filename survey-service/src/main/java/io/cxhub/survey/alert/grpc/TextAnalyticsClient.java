package io.cxhub.survey.alert.grpc;

import io.cxhub.kit.grpc.Peer;
import io.cxhub.proto.metrics.v1.AnalyzeTextRequest;
import io.cxhub.proto.metrics.v1.GetResponseAnalysisRequest;
import io.cxhub.proto.metrics.v1.GetTaxonomyRequest;
import io.cxhub.proto.metrics.v1.ResponseAnalysis;
import io.cxhub.proto.metrics.v1.TaxonomyTheme;
import io.cxhub.proto.metrics.v1.TextAnalysis;
import io.cxhub.proto.metrics.v1.TextAnalyticsServiceGrpc;
import io.cxhub.proto.metrics.v1.TextSentiment;
import io.cxhub.proto.metrics.v1.ThemeMention;
import io.cxhub.survey.alert.CommentAnalysis;
import io.cxhub.survey.alert.CommentSentiment;
import io.cxhub.survey.alert.TextAnalyzer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Channel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Survey-service's client of metrics-service's {@code TextAnalyticsService}: owns the stub,
 * the deadline and the Resilience4j circuit breaker {@code metrics-read} (apart from the
 * relay's {@code metrics}, so that slow reads never pause the delivery of responses).
 *
 * <ul>
 *   <li>For alert rules ({@link TextAnalyzer}): {@code AnalyzeText} with the tenant's
 *       taxonomy and {@code GetTaxonomy}. No fallback: a failure propagates (a
 *       {@link io.cxhub.kit.grpc.PeerCallException}), so the
 *       response's rules are evaluated again by the outbox worker instead of a sentiment
 *       rule being skipped.</li>
 *   <li>For a case ({@link #analysis}): the stored analysis of the response that opened it
 *       ({@code GetResponseAnalysis}); empty when metrics-service cannot answer, and the case
 *       is shown without it.</li>
 * </ul>
 */
public final class TextAnalyticsClient implements TextAnalyzer {

  /** AnalyzeText's limit; a longer answer is analysed on its beginning. */
  static final int MAX_TEXT = 5_000;

  private final TextAnalyticsServiceGrpc.TextAnalyticsServiceBlockingStub text;
  private final Peer peer;

  /** @param channel the channel to metrics-service; its owner shuts it down */
  public TextAnalyticsClient(Channel channel, CircuitBreaker circuitBreaker, Duration deadline) {
    this.text = TextAnalyticsServiceGrpc.newBlockingStub(channel);
    this.peer = new Peer("metrics-service", circuitBreaker, deadline);
  }

  @Override
  public CommentAnalysis analyze(String tenantId, String comment) {
    String bounded = comment.length() > MAX_TEXT ? comment.substring(0, MAX_TEXT) : comment;
    TextAnalysis analysis = peer.call(tenantId, text, t -> t.analyzeText(AnalyzeTextRequest.newBuilder()
        .setText(bounded).build()));
    var themes = new HashMap<String, CommentSentiment>();
    for (ThemeMention m : analysis.getThemesList()) {
      themes.put(m.getThemeId(), sentiment(m.getSentiment()));
    }
    return new CommentAnalysis(sentiment(analysis.getSentiment()), themes);
  }

  @Override
  public Set<String> themeIds(String tenantId) {
    return peer.call(tenantId, text, t -> t.getTaxonomy(GetTaxonomyRequest.getDefaultInstance())).getThemesList()
        .stream().map(TaxonomyTheme::getId).collect(Collectors.toUnmodifiableSet());
  }

  /** The stored analysis of a response's comments; empty when metrics-service cannot answer. */
  public Optional<ResponseAnalysis> analysis(String tenantId, String responseId) {
    return peer.tryCall(tenantId, "response analysis", text, t -> t.getResponseAnalysis(
        GetResponseAnalysisRequest.newBuilder().setResponseId(responseId).build()));
  }

  static CommentSentiment sentiment(TextSentiment s) {
    return switch (s) {
      case TEXT_SENTIMENT_NEGATIVE -> CommentSentiment.NEGATIVE;
      case TEXT_SENTIMENT_NEUTRAL -> CommentSentiment.NEUTRAL;
      case TEXT_SENTIMENT_POSITIVE -> CommentSentiment.POSITIVE;
      case TEXT_SENTIMENT_MIXED -> CommentSentiment.MIXED;
      default -> null;
    };
  }
}
