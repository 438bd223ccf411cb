package io.cxhub.metrics.event.config;

import com.mongodb.client.MongoDatabase;
import io.cxhub.metrics.event.BusinessEvent;
import io.cxhub.metrics.event.EventContributor;
import io.cxhub.metrics.event.RecordEvents;
import io.cxhub.metrics.event.mongo.BusinessEventCodec;
import io.cxhub.metrics.ingest.Segments;
import io.cxhub.metrics.kpi.QueryKpis;
import io.cxhub.metrics.rollup.Applications;
import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.ExactlyOnceAggregator;
import io.cxhub.metrics.rollup.IngestSettings;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.rollup.mongo.MongoLedger;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the business events: their ledger (collection {@value #LEDGER}), counted into the
 * shared cubes exactly once under source {@value #SOURCE}, and the KPI read over those cubes.
 */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

  /** The aggregator's source name, stored on its applications: never change it. */
  static final String SOURCE = "events";
  static final String LEDGER = "events";

  @Bean
  ExactlyOnceAggregator<BusinessEvent> eventAggregator(
      MongoDatabase database, Applications applications, Cubes cubes, TenantZones zones, Clock clock,
      IngestSettings settings) {
    return new ExactlyOnceAggregator<>(SOURCE, new MongoLedger<>(database, LEDGER, new BusinessEventCodec()),
        applications, cubes, new EventContributor(), zones, clock, settings);
  }

  @Bean
  RecordEvents recordEvents(ExactlyOnceAggregator<BusinessEvent> eventAggregator, Clock clock,
      io.cxhub.metrics.event.CustomerEventFeed customerFeed, Segments segments) {
    return new RecordEvents(eventAggregator, clock, customerFeed, segments);
  }

  @Bean
  QueryKpis queryKpis(Cubes cubes, TenantZones zones, Clock clock) {
    return new QueryKpis(cubes, zones, clock);
  }
}
