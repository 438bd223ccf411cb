package io.cxhub.journey.config;

import io.cxhub.journey.action.Actions;
import io.cxhub.journey.action.ImprovementActions;
import io.cxhub.journey.insight.AlertSink;
import io.cxhub.journey.insight.Feedback;
import io.cxhub.journey.insight.FrictionEpisodes;
import io.cxhub.journey.insight.FrictionRanking;
import io.cxhub.journey.insight.FrictionWatch;
import io.cxhub.journey.insight.Indicators;
import io.cxhub.journey.insight.JourneyInsights;
import io.cxhub.journey.insight.KeyDrivers;
import io.cxhub.journey.insight.LiveJourneys;
import io.cxhub.journey.insight.TextThemes;
import io.cxhub.journey.insight.CustomerValues;
import io.cxhub.journey.insight.grpc.PersonaClient;
import io.cxhub.journey.insight.grpc.MetricsClient;
import io.cxhub.journey.insight.grpc.SurveyClient;
import io.cxhub.journey.journey.JourneyCatalog;
import io.cxhub.journey.journey.Journeys;
import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.WorkerLifecycle;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Wires the framework-free journey use cases to their adapters: the journey catalog, the
 * clients of metrics-service (circuit breaker {@code metrics}) and survey-service
 * (circuit breaker {@code survey}), the insight and action use cases, and the two
 * background workers (friction watch, action measurement).
 */
@Configuration(proxyBeanMethods = false)
class JourneyConfiguration {

  @Bean
  JourneyCatalog journeyCatalog(Journeys journeys, Clock clock, ObjectProvider<ImprovementActions> actions) {
    // deleting a journey deletes its actions (resolved lazily: the actions use case needs the catalog)
    return new JourneyCatalog(journeys, clock, List.of((tenant, journey) -> actions.getObject().journeyDeleted(tenant, journey)));
  }

  @Bean(destroyMethod = "close")
  MetricsClient metricsClient(GrpcChannelFactory channels, @Value("${cx.peers.metrics}") String address,
      CircuitBreakerRegistry circuitBreakers, JourneyProperties properties) {
    return new MetricsClient(channels.createChannel(address), circuitBreakers.circuitBreaker("metrics"),
        properties.metricsDeadline(), properties.metricsParallelism());
  }

  @Bean
  SurveyClient surveyClient(GrpcChannelFactory channels, @Value("${cx.peers.survey}") String address,
      CircuitBreakerRegistry circuitBreakers, JourneyProperties properties) {
    return new SurveyClient(channels.createChannel(address), circuitBreakers.circuitBreaker("survey"),
        properties.surveyDeadline());
  }

  @Bean
  PersonaClient personaClient(GrpcChannelFactory channels, @Value("${cx.peers.persona}") String address,
      CircuitBreakerRegistry circuitBreakers, JourneyProperties properties) {
    return new PersonaClient(channels.createChannel(address), circuitBreakers.circuitBreaker("persona"),
        properties.surveyDeadline());
  }

  @Bean
  LiveJourneys liveJourneys(JourneyCatalog catalog, Indicators indicators, Clock clock) {
    return new LiveJourneys(catalog, indicators, clock);
  }

  @Bean
  FrictionRanking frictionRanking(LiveJourneys live, Feedback feedback, TextThemes themes, CustomerValues values) {
    return new FrictionRanking(live, feedback, themes, values);
  }

  @Bean
  KeyDrivers keyDrivers(Feedback feedback) {
    return new KeyDrivers(feedback);
  }

  @Bean
  ImprovementActions improvementActions(Actions actions, JourneyCatalog catalog, Indicators indicators,
      AlertSink alerts, Clock clock) {
    return new ImprovementActions(actions, catalog, indicators, alerts, clock);
  }

  @Bean
  JourneyInsights journeyInsights(JourneyCatalog catalog, LiveJourneys live, FrictionRanking friction,
      ImprovementActions actions) {
    return new JourneyInsights(catalog, live, friction, actions);
  }

  @Bean
  FrictionWatch frictionWatch(Journeys journeys, LiveJourneys live, FrictionEpisodes episodes, AlertSink alerts,
      JourneyProperties properties) {
    return new FrictionWatch(journeys, live, episodes, alerts, properties.watchWindowDays());
  }

  @Bean
  WorkerLifecycle frictionWatchLifecycle(FrictionWatch watch, JourneyProperties properties) {
    return new WorkerLifecycle(new PeriodicWorker("friction-watch", properties.watchInterval(),
        firstRun(properties.watchInterval()), watch::run), properties.watchEnabled());
  }

  @Bean
  WorkerLifecycle actionMeasurementLifecycle(ImprovementActions actions, JourneyProperties properties) {
    return new WorkerLifecycle(new PeriodicWorker("action-measurement", properties.measureInterval(),
        firstRun(properties.measureInterval()), actions::measureDue), properties.watchEnabled());
  }

  /**
   * The first run of a job that reads metrics-service: a minute after start (or one period,
   * if shorter), so that it does not fail against a peer still starting and open the breaker
   * that the live journey's readers share.
   */
  private static java.time.Duration firstRun(java.time.Duration period) {
    var minute = java.time.Duration.ofMinutes(1);
    return period.compareTo(minute) < 0 ? period : minute;
  }
}
