package io.cxhub.metrics.config;

import io.cxhub.metrics.rollup.IngestSettings;
import io.cxhub.metrics.bucket.Buckets;

import io.cxhub.metrics.ingest.LedgerSweeper;
import io.cxhub.metrics.ingest.RecordResponses;
import io.cxhub.metrics.ingest.RecordedResponses;
import io.cxhub.metrics.ingest.Segments;
import io.cxhub.metrics.ingest.grpc.PersonaClient;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.client.GrpcChannelFactory;
import io.cxhub.metrics.ingest.RecountBuckets;
import io.cxhub.metrics.nps.GetNps;
import io.cxhub.metrics.nps.NpsCounts;
import io.cxhub.metrics.score.CompareScores;
import io.cxhub.metrics.score.GetScores;
import io.cxhub.metrics.score.ScoreBuckets;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java use cases to their adapters and schedules the ledger sweeper. */
@Configuration(proxyBeanMethods = false)
class MetricsServiceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MetricsServiceConfiguration.class);

  @Bean
  RecordResponses recordResponses(
      RecordedResponses ledger, Buckets buckets, Segments segments, Clock clock, IngestSettings settings) {
    return new RecordResponses(ledger, buckets, segments, clock, settings);
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
  LedgerSweeper ledgerSweeper(RecordedResponses ledger, Buckets buckets, Clock clock, IngestSettings settings) {
    return new LedgerSweeper(ledger, buckets, clock, settings);
  }

  @Bean
  GetNps getNps(NpsCounts counts) {
    return new GetNps(counts);
  }

  @Bean
  RecountBuckets recountBuckets(RecordedResponses ledger, Buckets buckets) {
    return new RecountBuckets(ledger, buckets);
  }

  @Bean
  GetScores getScores(ScoreBuckets buckets) {
    return new GetScores(buckets);
  }

  @Bean
  CompareScores compareScores(GetScores getScores) {
    return new CompareScores(getScores);
  }

  /** Runs the sweeper at start-up and then periodically, on one daemon thread stopped with the context. */
  @Bean
  SmartLifecycle ledgerSweeperSchedule(LedgerSweeper sweeper, MetricsProperties properties) {
    return new SmartLifecycle() {
      private ScheduledExecutorService executor;

      @Override
      public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
          var thread = new Thread(r, "ledger-sweeper");
          thread.setDaemon(true);
          return thread;
        });
        long period = properties.ingest().sweepInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
          try {
            sweeper.sweep();
          } catch (RuntimeException e) {
            log.warn("ledger sweep failed; next try in {}ms", period, e);
          }
        }, 0, period, TimeUnit.MILLISECONDS);
      }

      @Override
      public synchronized void stop() {
        executor.shutdown();
        try {
          if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
          }
        } catch (InterruptedException e) {
          executor.shutdownNow();
          Thread.currentThread().interrupt();
        }
        executor = null;
      }

      @Override
      public synchronized boolean isRunning() {
        return executor != null;
      }
    };
  }
}
