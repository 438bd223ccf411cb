package io.cxhub.survey.followup.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.metrics.v1.GetResponseAnalysisRequest;
import io.cxhub.proto.metrics.v1.ResponseAnalysis;
import io.cxhub.proto.metrics.v1.TextAnalyticsServiceGrpc;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the text analysis of a response's comments from metrics-service
 * ({@code TextAnalyticsService.GetResponseAnalysis}) for a case: owns the stub, the deadline
 * and the Resilience4j circuit breaker {@code metrics-read} (apart from the relay's
 * {@code metrics}, so that slow reads never pause the delivery of responses).
 *
 * <p>Fallback: empty when metrics-service cannot answer; the case is shown without it.
 */
public final class ResponseAnalysisClient {

  private static final Logger log = LoggerFactory.getLogger(ResponseAnalysisClient.class);

  private final TextAnalyticsServiceGrpc.TextAnalyticsServiceBlockingStub text;
  private final CircuitBreaker circuitBreaker;
  private final Duration deadline;

  /** @param channel the channel to metrics-service; its owner shuts it down */
  public ResponseAnalysisClient(Channel channel, CircuitBreaker circuitBreaker, Duration deadline) {
    this.text = TextAnalyticsServiceGrpc.newBlockingStub(channel);
    this.circuitBreaker = circuitBreaker;
    this.deadline = deadline;
  }

  /** The analysis of the response's comments; empty when metrics-service cannot answer. */
  public Optional<ResponseAnalysis> analysis(String tenantId, String responseId) {
    var tenant = TenantContext.withTenant(tenantId);
    var previous = tenant.attach();
    try {
      return Optional.of(circuitBreaker.executeSupplier(() -> text.withDeadlineAfter(deadline.toMillis(),
          TimeUnit.MILLISECONDS).getResponseAnalysis(GetResponseAnalysisRequest.newBuilder()
              .setResponseId(responseId).build())));
    } catch (CallNotPermittedException | StatusRuntimeException e) {
      log.warn("response analysis not available tenant={} cause={}", tenantId, e.getMessage());
      return Optional.empty();
    } finally {
      tenant.detach(previous);
    }
  }
}
