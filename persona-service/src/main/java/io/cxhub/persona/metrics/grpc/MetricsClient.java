package io.cxhub.persona.metrics.grpc;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.persona.discovery.Experience;
import io.cxhub.persona.discovery.Experiences;
import io.cxhub.persona.insight.Score;
import io.cxhub.persona.insight.Scores;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.metrics.v1.QueryScoresRequest;
import io.cxhub.proto.metrics.v1.ScoreDimension;
import io.cxhub.proto.metrics.v1.ScoreFilter;
import io.cxhub.proto.metrics.v1.ScoreMetric;
import io.cxhub.proto.metrics.v1.ScoreServiceGrpc;
import java.time.LocalDate;
import java.util.Collection;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.StreamCustomerExperienceRequest;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.ConnectivityState;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client of metrics-service: owns the channel's stubs, the per-call deadline and the
 * Resilience4j circuit breaker {@code metrics}. A failure (unavailable, deadline, open
 * circuit) is a {@link DependencyUnavailableException}: callers answer degraded.
 */
public final class MetricsClient implements Experiences, Scores {

  private final ManagedChannel channel;
  private final CircuitBreaker circuitBreaker;
  private final Duration deadline;
  private final Duration experienceDeadline;

  /**
   * @param channel the channel to metrics-service; its owner shuts it down
   * @param deadline of a score read
   * @param experienceDeadline of the streamed read of every customer's experience
   */
  public MetricsClient(ManagedChannel channel, CircuitBreaker circuitBreaker, Duration deadline,
      Duration experienceDeadline) {
    this.channel = channel;
    this.circuitBreaker = circuitBreaker;
    this.deadline = deadline;
    this.experienceDeadline = experienceDeadline;
  }

  @Override
  public Map<String, Experience> of(String tenantId) {
    return call(tenantId, "customer experience", () -> {
      var result = new HashMap<String, Experience>();
      var chunks = MetricsServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(experienceDeadline.toMillis(), TimeUnit.MILLISECONDS)
          .streamCustomerExperience(StreamCustomerExperienceRequest.getDefaultInstance());
      chunks.forEachRemaining(chunk -> chunk.getCustomersList().forEach(c -> result.put(c.getCustomerId(),
          new Experience(c.getCustomerId(), c.getLastNps(), c.getEffort(), c.getSatisfaction()))));
      return result;
    });
  }

  @Override
  public Map<String, Score> read(String tenantId, Metric metric, Slice slice, Collection<String> ids, LocalDate from,
      LocalDate to) {
    var filter = ScoreFilter.newBuilder()
        .setPeriod(DateRange.newBuilder().setStartDate(from.toString()).setEndDate(to.toString()));
    if (slice == Slice.PERSONA) {
      filter.addAllPersonas(ids);
    } else {
      filter.addAllSegments(ids);
    }
    var request = QueryScoresRequest.newBuilder()
        .setMetric(switch (metric) {
          case NPS -> ScoreMetric.SCORE_METRIC_NPS;
          case CSAT -> ScoreMetric.SCORE_METRIC_CSAT;
          case CES -> ScoreMetric.SCORE_METRIC_CES;
        })
        .setFilter(filter)
        .addGroupBy(slice == Slice.PERSONA ? ScoreDimension.SCORE_DIMENSION_PERSONA : ScoreDimension.SCORE_DIMENSION_SEGMENT)
        .build();
    return call(tenantId, "scores", () -> {
      var reply = ScoreServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS).queryScores(request);
      var result = new HashMap<String, Score>();
      for (var cell : reply.getCellsList()) {
        var s = cell.getScore();
        String group = cell.getKey(0).getValue();
        var before = result.get(group);
        // answers on several scales are never pooled: keep the scale with most answers
        if (before == null || before.n() < s.getN()) {
          result.put(group, new Score(s.getN(), s.getValue(), s.getInterval().getLow(), s.getInterval().getHigh(),
              s.getMarginOfError(), s.getLowSample(), s.getMean(), s.getScaleMin(), s.getScaleMax(),
              s.getFavourable(), s.getPassives(), s.getUnfavourable()));
        }
      }
      return result;
    });
  }

  /** Runs a call as the tenant, through the circuit breaker. */
  <T> T call(String tenantId, String what, Supplier<T> call) {
    if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      channel.resetConnectBackoff();
    }
    Context tenantContext = TenantContext.withTenant(tenantId);
    Context previous = tenantContext.attach();
    try {
      return circuitBreaker.executeSupplier(call);
    } catch (CallNotPermittedException | StatusRuntimeException e) {
      throw new DependencyUnavailableException("metrics-service: " + what + " unavailable", e);
    } finally {
      tenantContext.detach(previous);
    }
  }
}
