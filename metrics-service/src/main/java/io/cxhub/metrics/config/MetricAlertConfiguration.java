package io.cxhub.metrics.config;

import io.cxhub.kit.work.WorkerLifecycle;
import io.cxhub.metrics.alert.AlertSink;
import io.cxhub.metrics.alert.EvaluateMetricAlerts;
import io.cxhub.metrics.alert.KnownSurveys;
import io.cxhub.metrics.alert.ManageMetricAlertRules;
import io.cxhub.metrics.alert.MetricAlertRules;
import io.cxhub.metrics.alert.MetricAlertWorker;
import io.cxhub.metrics.alert.RuleEvaluator;
import io.cxhub.metrics.alert.grpc.SurveyAlertClient;
import io.cxhub.metrics.alert.grpc.SurveyDirectoryClient;
import io.cxhub.metrics.score.CompareScores;
import io.cxhub.metrics.score.GetScores;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.cxhub.metrics.rollup.TenantZones;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Wires metric alerts: the rules, the evaluator on the score use cases, the client of
 * survey-service's FireAlert (the one notification path) and the periodic evaluator.
 */
@Configuration(proxyBeanMethods = false)
class MetricAlertConfiguration {

  /**
   * One client (and channel) to survey-service, from Spring gRPC's channel factory (which
   * applies the global tenant interceptor and shuts the channel down with the context).
   */
  @Bean
  AlertSink surveyAlertClient(
      GrpcChannelFactory channels,
      @Value("${cx.peers.survey}") String address,
      CircuitBreakerRegistry circuitBreakers,
      MetricAlertProperties properties) {
    return new SurveyAlertClient(channels.createChannel(address), circuitBreakers.circuitBreaker("survey"),
        properties.deadline());
  }

  /** The surveys a rule filters on are checked with their owner, on the same channel and breaker. */
  @Bean
  KnownSurveys knownSurveys(
      GrpcChannelFactory channels,
      @Value("${cx.peers.survey}") String address,
      CircuitBreakerRegistry circuitBreakers,
      MetricAlertProperties properties) {
    return new SurveyDirectoryClient(channels.createChannel(address), circuitBreakers.circuitBreaker("survey"),
        properties.deadline());
  }

  @Bean
  ManageMetricAlertRules manageMetricAlertRules(MetricAlertRules rules, KnownSurveys surveys, Clock clock) {
    return new ManageMetricAlertRules(rules, surveys, clock);
  }

  @Bean
  EvaluateMetricAlerts evaluateMetricAlerts(MetricAlertRules rules, GetScores getScores, CompareScores compareScores,
      AlertSink sink, Clock clock, MetricAlertProperties properties, TenantZones zones) {
    return new EvaluateMetricAlerts(rules, new RuleEvaluator(getScores, compareScores), sink, clock,
        properties.retryInterval(), zones);
  }

  @Bean
  MetricAlertWorker metricAlertWorker(
      MetricAlertRules rules, EvaluateMetricAlerts evaluate, Clock clock, MetricAlertProperties properties) {
    return new MetricAlertWorker(rules, evaluate, clock, properties.pollInterval());
  }

  @Bean
  WorkerLifecycle metricAlertWorkerLifecycle(MetricAlertWorker worker, MetricAlertProperties properties) {
    return new WorkerLifecycle(worker, properties.enabled());
  }
}
