package io.cxhub.metrics.config;

import com.mongodb.client.MongoDatabase;
import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.WorkerLifecycle;
import io.cxhub.metrics.rollup.Applications;
import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.ExactlyOnceAggregator;
import io.cxhub.metrics.rollup.IngestSettings;
import io.cxhub.metrics.rollup.RollupSweeper;
import io.cxhub.metrics.rollup.mongo.MongoApplications;
import io.cxhub.metrics.rollup.mongo.MongoCubes;
import java.time.Clock;
import io.cxhub.metrics.settings.CachedTenantZones;
import io.cxhub.metrics.settings.TenantSettings;
import io.cxhub.metrics.settings.mongo.MongoTenantSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cubes every indicator is read from, the applications that make counting exactly-once,
 * and the sweeper that completes abandoned applications and releases evidence. Each source
 * of items (responses, events) contributes its {@link ExactlyOnceAggregator} bean; the
 * sweeper serves them all.
 */
@Configuration(proxyBeanMethods = false)
class RollupConfiguration {

  @Bean
  IngestSettings ingestSettings(MetricsProperties properties) {
    var ingest = properties.ingest();
    return new IngestSettings(
        ingest.maxApplyDuration(), ingest.evidenceGrace(), ingest.staleApplyingAfter(), ingest.sweepBatch());
  }

  @Bean
  Cubes cubes(MongoDatabase database) {
    return new MongoCubes(database);
  }

  @Bean
  Applications applications(MongoDatabase database) {
    return new MongoApplications(database);
  }

  @Bean
  TenantSettings tenantSettings(MongoDatabase database) {
    return new MongoTenantSettings(database);
  }

  @Bean
  CachedTenantZones tenantZones(TenantSettings settings) {
    return new CachedTenantZones(settings);
  }

  @Bean
  RollupSweeper rollupSweeper(
      ObjectProvider<ExactlyOnceAggregator<?>> aggregators, Applications applications, Cubes cubes, Clock clock,
      IngestSettings settings) {
    return new RollupSweeper(aggregators.orderedStream().toList(), applications, cubes, clock, settings);
  }

  /** Sweeps at start-up and then every {@code cx.metrics.ingest.sweep-interval}. */
  @Bean
  WorkerLifecycle rollupSweeperSchedule(RollupSweeper sweeper, MetricsProperties properties) {
    return new WorkerLifecycle(
        new PeriodicWorker("rollup-sweeper", properties.ingest().sweepInterval(), sweeper::sweep), true);
  }
}
