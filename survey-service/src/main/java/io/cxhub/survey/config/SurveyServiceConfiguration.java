package io.cxhub.survey.config;

import io.cxhub.kit.work.WorkerLifecycle;
import io.cxhub.survey.distribution.Distributions;
import io.cxhub.survey.distribution.ManageDistributions;
import io.cxhub.survey.distribution.Brandings;
import io.cxhub.survey.distribution.ManageBranding;
import io.cxhub.survey.distribution.PublicUrls;
import io.cxhub.survey.distribution.RenderQrCode;
import io.cxhub.survey.distribution.qr.ZxingQrCodes;
import io.cxhub.survey.invitation.Invitations;
import io.cxhub.survey.outbox.OutboxSettings;
import io.cxhub.survey.outbox.OutboxSubscription;
import io.cxhub.survey.outbox.OutboxWorkers;
import io.cxhub.survey.outbox.ResponseOutbox;
import io.cxhub.survey.relay.MetricsRelay;
import io.cxhub.survey.respondent.PublicSurveys;
import io.cxhub.survey.review.ImportReviews;
import io.cxhub.survey.review.Reviews;
import io.cxhub.survey.respondent.SubmitPublicResponse;
import io.cxhub.survey.relay.OutboxLagProbe;
import io.cxhub.survey.relay.grpc.MetricsClient;
import io.cxhub.survey.response.AcceptResponse;
import io.cxhub.survey.response.ExportResponses;
import io.cxhub.survey.response.ListResponses;
import io.cxhub.survey.response.ResponseFeed;
import io.cxhub.survey.response.ResponseValidator;
import io.cxhub.survey.response.SubmitResponse;
import io.cxhub.survey.response.SurveyResponses;
import io.cxhub.survey.survey.ChangeSurveyState;
import io.cxhub.survey.survey.CreateSurvey;
import io.cxhub.survey.survey.JourneyDirectory;
import io.cxhub.survey.survey.UpdateSurvey;
import io.cxhub.survey.survey.grpc.JourneyClient;
import io.cxhub.survey.survey.GetSurvey;
import io.cxhub.survey.survey.ListSurveys;
import io.cxhub.survey.survey.SurveyValidator;
import io.cxhub.survey.survey.Surveys;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.util.StringUtils;

/** Wires the plain-Java use cases and the relay to their adapters. */
@Configuration(proxyBeanMethods = false)
class SurveyServiceConfiguration {

  /** Name of the Resilience4j instances guarding calls to metrics-service. */
  static final String METRICS = "metrics";

  /** Name of the Resilience4j circuit breaker guarding calls to journey-service. */
  static final String JOURNEY = "journey";

  @Bean
  CreateSurvey createSurvey(Surveys surveys, JourneyDirectory journeys, Clock clock) {
    return new CreateSurvey(surveys, new SurveyValidator(), journeys, clock);
  }

  @Bean
  UpdateSurvey updateSurvey(Surveys surveys, JourneyDirectory journeys, Clock clock) {
    return new UpdateSurvey(surveys, new SurveyValidator(), journeys, clock);
  }

  @Bean
  ChangeSurveyState changeSurveyState(Surveys surveys, Clock clock) {
    return new ChangeSurveyState(surveys, clock);
  }

  @Bean
  PublicUrls publicUrls(PublicProperties properties) {
    return new PublicUrls(properties.publicUrl());
  }

  @Bean
  ManageBranding manageBranding(Brandings brandings) {
    return new ManageBranding(brandings);
  }

  @Bean
  ManageDistributions manageDistributions(Distributions distributions, Surveys surveys, Clock clock) {
    return new ManageDistributions(distributions, surveys, clock);
  }

  @Bean
  RenderQrCode renderQrCode(ManageDistributions distributions, PublicUrls urls) {
    return new RenderQrCode(distributions, new ZxingQrCodes(), urls);
  }

  @Bean
  PublicSurveys publicSurveys(Distributions distributions, Invitations invitations, Surveys surveys, Clock clock) {
    return new PublicSurveys(distributions, invitations, surveys, clock);
  }

  @Bean
  SubmitPublicResponse submitPublicResponse(PublicSurveys publicSurveys, AcceptResponse accept) {
    return new SubmitPublicResponse(publicSurveys, accept);
  }

  @Bean
  ListResponses listResponses(SurveyResponses responses, Surveys surveys) {
    return new ListResponses(responses, surveys);
  }

  @Bean
  ExportResponses exportResponses(SurveyResponses responses, Surveys surveys) {
    return new ExportResponses(responses, surveys);
  }

  @Bean
  ImportReviews importReviews(Reviews reviews, Clock clock) {
    return new ImportReviews(reviews, clock);
  }

  /** The client of journey-service, which checks survey journey links. */
  @Bean
  JourneyClient journeyClient(
      GrpcChannelFactory channels,
      PeersProperties peers,
      CircuitBreakerRegistry circuitBreakers,
      SurveyProperties properties) {
    if (!StringUtils.hasText(peers.journey())) {
      throw new IllegalStateException("cx.peers.journey (host:port of journey-service) is not set");
    }
    return new JourneyClient(
        channels.createChannel(peers.journey()),
        circuitBreakers.circuitBreaker(JOURNEY),
        properties.journey().deadline());
  }

  @Bean
  GetSurvey getSurvey(Surveys surveys) {
    return new GetSurvey(surveys);
  }

  @Bean
  ListSurveys listSurveys(Surveys surveys) {
    return new ListSurveys(surveys);
  }

  @Bean
  ResponseFeed responseFeed() {
    return new ResponseFeed();
  }

  /** The one way a response is accepted, shared by the survey-id and the token routes. */
  @Bean
  AcceptResponse acceptResponse(SurveyResponses responses, OutboxWorkers workers, Clock clock, ResponseFeed feed,
      List<OutboxSubscription> subscriptions) {
    return new AcceptResponse(responses, new ResponseValidator(), workers, clock, feed, subscriptions.stream()
        .filter(s -> !s.subscriber().handlesImportedHistory()).map(OutboxSubscription::name)
        .collect(java.util.stream.Collectors.toSet()));
  }

  @Bean
  SubmitResponse submitResponse(Surveys surveys, AcceptResponse accept) {
    return new SubmitResponse(surveys, accept);
  }

  /**
   * One cached client (and channel) to metrics-service. The channel comes from Spring gRPC's
   * channel factory, which applies the global client interceptors (the tenant one) and shuts
   * the channel down when the context closes.
   */
  @Bean
  MetricsClient metricsClient(
      GrpcChannelFactory channels,
      PeersProperties peers,
      CircuitBreakerRegistry circuitBreakers,
      RetryRegistry retries,
      SurveyProperties properties) {
    if (!StringUtils.hasText(peers.metrics())) {
      throw new IllegalStateException("cx.peers.metrics (host:port of metrics-service) is not set");
    }
    return new MetricsClient(
        channels.createChannel(peers.metrics()),
        circuitBreakers.circuitBreaker(METRICS),
        retries.retry(METRICS),
        properties.relay().deadline());
  }

  /** The outbox subscriber that delivers responses to metrics-service. */
  @Bean
  OutboxSubscription metricsRelay(MetricsClient client, SurveyProperties properties, MeterRegistry registry) {
    var relay = properties.relay();
    return new OutboxSubscription(new TimedOutboxSubscriber(new MetricsRelay(client), registry), new OutboxSettings(
        relay.pollInterval(), relay.idleRecheck(), relay.batchSize(), relay.initialBackoff(), relay.maxBackoff(), 0),
        relay.enabled());
  }

  /** A worker per registered outbox subscriber (metrics relay, alert evaluation, ...). */
  @Bean
  OutboxWorkers outboxWorkers(ResponseOutbox outbox, List<OutboxSubscription> subscriptions, Clock clock) {
    return new OutboxWorkers(outbox, subscriptions, clock);
  }

  /** Starts the outbox workers once the context is up and stops them (before channels close) on shutdown. */
  @Bean
  WorkerLifecycle outboxWorkersLifecycle(OutboxWorkers workers) {
    return new WorkerLifecycle(workers, true);
  }

  @Bean
  List<OutboxLagProbe> outboxLagProbes(
      ResponseOutbox outbox, List<OutboxSubscription> subscriptions, Clock clock, SurveyProperties properties) {
    return subscriptions.stream()
        .map(s -> new OutboxLagProbe(outbox, s.name(), clock, properties.relay().lagRefresh()))
        .toList();
  }

  @Bean
  MeterBinder outboxLagGauges(List<OutboxLagProbe> probes) {
    return registry -> probes.forEach(probe -> {
      Gauge.builder("cx.outbox.pending", probe, OutboxLagProbe::pending)
          .description("Responses accepted but not yet handled by the outbox subscriber")
          .tag("subscriber", probe.subscriber())
          .register(registry);
      Gauge.builder("cx.outbox.oldest.age", probe, OutboxLagProbe::oldestPendingAgeSeconds)
          .description("Age of the earliest-due response not yet handled by the outbox subscriber")
          .tag("subscriber", probe.subscriber())
          .baseUnit("seconds")
          .register(registry);
    });
  }
}
