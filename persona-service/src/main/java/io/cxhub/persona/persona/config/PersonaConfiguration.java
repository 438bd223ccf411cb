package io.cxhub.persona.persona.config;

import io.cxhub.persona.customer.CustomerDirectory;
import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.WorkerLifecycle;
import io.cxhub.persona.customer.CustomerChanges;
import io.cxhub.persona.customer.Customers;
import io.cxhub.persona.value.CustomerValuations;
import io.cxhub.persona.value.ValueReports;
import io.cxhub.persona.persona.PersonaCatalog;
import io.cxhub.persona.persona.PersonaDeletion;
import io.cxhub.persona.persona.Personas;
import io.cxhub.persona.segment.SegmentCatalog;
import io.cxhub.persona.segment.SegmentOperations;
import io.cxhub.persona.segment.SegmentSizes;
import io.cxhub.persona.segment.Segments;
import io.cxhub.persona.discovery.AssignmentRules;
import io.cxhub.persona.discovery.DiscoverPersonas;
import io.cxhub.persona.discovery.PersonaDiscoveries;
import io.cxhub.persona.metrics.grpc.MetricsClient;
import io.cxhub.persona.insight.CustomerInsights;
import io.cxhub.persona.insight.Narratives;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.client.GrpcChannelFactory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the framework-free persona use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
class PersonaConfiguration {

  @Bean
  CustomerDirectory customerDirectory(Customers customers, Personas personas, CustomerChanges changes,
      SegmentCatalog segments, io.cxhub.persona.customer.Erasures erasures, Clock clock) {
    return new CustomerDirectory(customers, personas, changes, segments, erasures, clock);
  }

  @Bean
  CustomerValuations customerValuations(Customers customers, ValueReports reports, SegmentCatalog segments,
      DiscoverPersonas discovery, Clock clock) {
    // segments over value attributes (tier, scores, CLV) and persona assignments follow each
    // valuation, which follows customer changes
    return new CustomerValuations(customers, reports, clock, tenantId -> {
      segments.reevaluate(tenantId);
      discovery.reassign(tenantId);
    });
  }

  /** One client (and channel) to metrics-service, from Spring gRPC's channel factory (which shuts it down). */
  @Bean
  MetricsClient metricsClient(GrpcChannelFactory channels, @Value("${cx.peers.metrics}") String address,
      CircuitBreakerRegistry circuitBreakers, PersonaProperties properties) {
    var metrics = properties.metrics();
    return new MetricsClient(channels.createChannel(address), circuitBreakers.circuitBreaker("metrics"),
        metrics.deadline(), metrics.experienceDeadline());
  }

  @Bean
  CustomerInsights customerInsights(Customers customers, Personas personas, Segments segments, Narratives narratives,
      MetricsClient metrics, Clock clock) {
    return new CustomerInsights(customers, personas, segments, narratives, metrics, clock);
  }

  @Bean
  DiscoverPersonas discoverPersonas(Customers customers, MetricsClient metrics, PersonaDiscoveries discoveries,
      AssignmentRules rules, PersonaCatalog personas, Clock clock) {
    return new DiscoverPersonas(customers, metrics, discoveries, rules, personas, clock);
  }

  /** One background thread runs the re-evaluations started by segment changes, one after another. */
  @Bean(destroyMethod = "shutdownNow")
  ExecutorService segmentReevaluationExecutor() {
    return Executors.newSingleThreadExecutor(r -> {
      var thread = new Thread(r, "segment-reevaluation");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Bean
  SegmentCatalog segmentCatalog(Segments segments, SegmentOperations operations, SegmentSizes sizes,
      Customers customers, ExecutorService segmentReevaluationExecutor, Clock clock) {
    return new SegmentCatalog(segments, operations, sizes, customers, segmentReevaluationExecutor, clock);
  }

  /** Re-evaluates every tenant's segments and records the day's sizes; off with cx.persona.segment-snapshot.enabled=false. */
  @Bean
  WorkerLifecycle segmentSnapshotLifecycle(SegmentCatalog segments, PersonaProperties properties) {
    var snapshot = properties.segmentSnapshot();
    return new WorkerLifecycle(new PeriodicWorker("segment-snapshot", snapshot.period(), segments::reevaluateAll),
        snapshot.enabled());
  }

  /** Recomputes value tiers of tenants whose customers changed; off with cx.persona.value-refresh.enabled=false. */
  @Bean
  WorkerLifecycle valueRefreshLifecycle(CustomerValuations valuations, PersonaProperties properties) {
    var refresh = properties.valueRefresh();
    return new WorkerLifecycle(new PeriodicWorker("customer-value", refresh.period(), valuations::refreshDue),
        refresh.enabled());
  }

  /** A persona's edited goals, needs, frustrations and motivations show on its card (no stored card narrative hides them). */
  @Bean
  PersonaCatalog personaCatalog(Personas personas, Clock clock, CustomerInsights insights) {
    return new PersonaCatalog(personas, clock, List.of(insights::personaTextsChanged));
  }

  /**
   * Deleting a persona: refused while a segment's rule names it in {@code persona_id}; then its
   * customers and its assignment rule are cleared by the discovery feature, and its card's
   * narrative is forgotten.
   */
  @Bean
  PersonaDeletion personaDeletion(Personas personas, SegmentCatalog segments, DiscoverPersonas discovery,
      CustomerInsights insights) {
    return new PersonaDeletion(personas, (tenantId, personaId) -> segments.naming(tenantId, "persona_id", personaId),
        List.of(discovery, insights::personaTextsChanged));
  }
}
