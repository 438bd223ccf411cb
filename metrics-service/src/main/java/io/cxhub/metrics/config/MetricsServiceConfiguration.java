package io.cxhub.metrics.config;

import com.mongodb.client.MongoDatabase;
import io.cxhub.metrics.ingest.RecordResponses;
import io.cxhub.metrics.ingest.RecordedResponse;
import io.cxhub.metrics.ingest.ResponseContributor;
import io.cxhub.metrics.ingest.Segments;
import io.cxhub.metrics.ingest.grpc.PersonaClient;
import io.cxhub.metrics.ingest.mongo.ResponseCodec;
import io.cxhub.metrics.nps.GetNps;
import io.cxhub.metrics.rollup.Applications;
import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.ExactlyOnceAggregator;
import io.cxhub.metrics.rollup.IngestSettings;
import io.cxhub.metrics.rollup.RecountCubes;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.rollup.mongo.MongoLedger;
import io.cxhub.metrics.score.CompareScores;
import io.cxhub.metrics.score.CubeScoreBuckets;
import io.cxhub.metrics.score.GetScores;
import io.cxhub.metrics.settings.CachedTenantZones;
import io.cxhub.metrics.settings.MetricSettings;
import io.cxhub.metrics.settings.TenantSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/** Wires the plain-Java use cases of the survey scores to their adapters. */
@Configuration(proxyBeanMethods = false)
class MetricsServiceConfiguration {

  /** Responses relayed by survey-service, counted once each in the score cubes. */
  @Bean
  ExactlyOnceAggregator<RecordedResponse> responseAggregator(
      MongoDatabase database, Applications applications, Cubes cubes, TenantZones zones, Clock clock,
      IngestSettings settings) {
    return new ExactlyOnceAggregator<>(RecordResponses.SOURCE,
        new MongoLedger<>(database, ResponseCodec.COLLECTION, new ResponseCodec()),
        applications, cubes, new ResponseContributor(), zones, clock, settings);
  }

  /** Each customer's experience from the recorded responses (read by persona discovery). */
  @Bean
  io.cxhub.metrics.ingest.CustomerExperiences customerExperiences(
      ExactlyOnceAggregator<RecordedResponse> responseAggregator) {
    return new io.cxhub.metrics.ingest.CustomerExperiences(responseAggregator.ledger());
  }

  @Bean
  RecordResponses recordResponses(ExactlyOnceAggregator<RecordedResponse> responseAggregator, Segments segments) {
    return new RecordResponses(responseAggregator, segments);
  }

  /**
   * One client (and channel) to persona-service, from Spring gRPC's channel factory (which
   * shuts the channel down with the context).
   */
  @Bean
  PersonaClient personaClient(
      GrpcChannelFactory channels,
      @Value("${cx.peers.persona}") String address,
      CircuitBreakerRegistry circuitBreakers,
      MetricsProperties properties) {
    var persona = properties.persona();
    return new PersonaClient(channels.createChannel(address), circuitBreakers.circuitBreaker("persona"),
        persona.deadline(), persona.cacheTtl(), persona.cacheSize());
  }

  @Bean
  CubeScoreBuckets scoreBuckets(Cubes cubes) {
    return new CubeScoreBuckets(cubes);
  }

  @Bean
  GetNps getNps(CubeScoreBuckets buckets) {
    return new GetNps(buckets);
  }

  @Bean
  GetScores getScores(CubeScoreBuckets buckets, TenantZones zones) {
    return new GetScores(buckets, zones);
  }

  @Bean
  CompareScores compareScores(GetScores getScores) {
    return new CompareScores(getScores);
  }

  @Bean
  MetricSettings metricSettings(TenantSettings settings, CachedTenantZones zones, RecountCubes recount) {
    return new MetricSettings(settings, zones, recount);
  }

  /** Rebuilds a tenant's cubes from every source's ledger. */
  @Bean
  RecountCubes recountCubes(ObjectProvider<ExactlyOnceAggregator<?>> aggregators, Cubes cubes, TenantZones zones) {
    return new RecountCubes(aggregators.orderedStream().toList(), cubes, zones);
  }
}
