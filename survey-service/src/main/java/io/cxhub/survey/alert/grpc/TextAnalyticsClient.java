package io.cxhub.survey.alert.grpc;

import io.cxhub.kit.tenant.TenantContext;
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
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Survey-service's client of metrics-service's {@code TextAnalyticsService}: owns the stub,
 * the deadline and the Resilience4j circuit breaker {@code metrics-read} (apart from the
 * relay's {@code metrics}, so that slow reads never pause the delivery of responses).
 *
 * <ul>
 *   <li>For alert rules ({@link TextAnalyzer}): {@code AnalyzeText} with the tenant's
 *       taxonomy and {@code GetTaxonomy}. No fallback: a failure propagates, so the
 *       response's rules are evaluated again by the outbox worker instead of a sentiment
 *       rule being skipped.</li>
 *   <li>For a case ({@link #analysis}): the stored analysis of the response that opened it
 *       ({@code GetResponseAnalysis}); empty when metrics-service cannot answer, and the case
 *       is shown without it.</li>
 * </ul>
 */
public final class TextAnalyticsClient implements TextAnalyzer {

  private static final Logger log = LoggerFactory.getLogger(TextAnalyticsClient.class);

  /** AnalyzeText's limit; a longer answer is analysed on its beginning. */
  static final int MAX_TEXT = 5_000;

  private final TextAnalyticsServiceGrpc.TextAnalyticsServiceBlockingStub text;
  private final CircuitBreaker circuitBreaker;
  private final Duration deadline;

  /** @param channel the channel to metrics-service; its owner shuts it down */
  public TextAnalyticsClient(Channel channel, CircuitBreaker circuitBreaker, Duration deadline) {
    this.text = TextAnalyticsServiceGrpc.newBlockingStub(channel);
    this.circuitBreaker = circuitBreaker;
    this.deadline = deadline;
  }

  @Override
  public CommentAnalysis analyze(String tenantId, String comment) {
    String bounded = comment.length() > MAX_TEXT ? comment.substring(0, MAX_TEXT) : comment;
    TextAnalysis analysis = call(tenantId, () -> stub().analyzeText(AnalyzeTextRequest.newBuilder()
        .setText(bounded).build()));
    var themes = new HashMap<String, CommentSentiment>();
    for (ThemeMention m : analysis.getThemesList()) {
      themes.put(m.getThemeId(), sentiment(m.getSentiment()));
    }
    return new CommentAnalysis(sentiment(analysis.getSentiment()), themes);
  }

  @Override
  public Set<String> themeIds(String tenantId) {
    return call(tenantId, () -> stub().getTaxonomy(GetTaxonomyRequest.getDefaultInstance())).getThemesList()
        .stream().map(TaxonomyTheme::getId).collect(Collectors.toUnmodifiableSet());
  }

  /** The stored analysis of a response's comments; empty when metrics-service cannot answer. */
  public Optional<ResponseAnalysis> analysis(String tenantId, String responseId) {
    try {
      return Optional.of(call(tenantId, () -> stub().getResponseAnalysis(GetResponseAnalysisRequest.newBuilder()
          .setResponseId(responseId).build())));
    } catch (CallNotPermittedException | StatusRuntimeException e) {
      log.warn("response analysis not available tenant={} cause={}", tenantId, e.getMessage());
      return Optional.empty();
    }
  }

  private TextAnalyticsServiceGrpc.TextAnalyticsServiceBlockingStub stub() {
    return text.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  private <T> T call(String tenantId, Supplier<T> rpc) {
    var tenant = TenantContext.withTenant(tenantId);
    var previous = tenant.attach();
    try {
      return circuitBreaker.executeSupplier(rpc);
    } finally {
      tenant.detach(previous);
    }
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
