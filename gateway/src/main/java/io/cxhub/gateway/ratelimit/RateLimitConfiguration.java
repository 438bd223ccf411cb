package io.cxhub.gateway.ratelimit;

import com.mongodb.client.MongoDatabase;
import io.cxhub.gateway.GatewayProperties;
import io.cxhub.gateway.problem.ProblemWriter;
import io.cxhub.gateway.transcode.ClientAddresses;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

  @Bean
  BucketStates bucketStates(MongoDatabase database) {
    return new MongoBucketStates(database);
  }

  @Bean
  RateLimiter rateLimiter(BucketStates states, Clock clock, GatewayProperties properties) {
    var settings = properties.rateLimit();
    return RateLimiters.over(states, task -> Schedulers.boundedElastic().schedule(task), clock,
        settings.syncInterval(), settings.unsynchronizedShare(), settings.cachedBuckets());
  }

  @Bean
  RateLimitGatewayFilterFactory.Limits rateLimits(GatewayProperties properties) {
    var settings = properties.rateLimit();
    return new RateLimitGatewayFilterFactory.Limits(
        new RateLimiter.Limit(settings.perKey(), settings.perKeyPeriod()),
        new RateLimiter.Limit(settings.publicPerAddress(), settings.publicPeriod()),
        new RateLimiter.Limit(settings.publicPerResource(), settings.publicPeriod()),
        new RateLimiter.Limit(settings.publicPerAddressAllRoutes(), settings.publicPeriod()));
  }

  @Bean
  RateLimitGatewayFilterFactory rateLimitGatewayFilterFactory(RateLimiter limiter,
      RateLimitGatewayFilterFactory.Limits limits, GatewayProperties properties, ProblemWriter problems) {
    return new RateLimitGatewayFilterFactory(limiter, limits, new ClientAddresses(properties.trustForwardedFor()),
        problems);
  }

  /** The same public buckets for the hosted survey pages (page package). */
  @Bean
  PublicLimits publicLimits(RateLimiter limiter, RateLimitGatewayFilterFactory.Limits limits) {
    return new PublicLimits(limiter, limits);
  }

  /** Drops expired buckets every few minutes: the embedded server ignores the TTL index. */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService bucketSweeper(BucketStates states, Clock clock) {
    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      var thread = new Thread(runnable, "rate-limit-sweeper");
      thread.setDaemon(true);
      return thread;
    });
    sweeper.scheduleWithFixedDelay(() -> {
      try {
        long deleted = states.deleteExpired(clock.instant());
        if (deleted > 0) {
          log.debug("dropped {} expired rate-limit buckets", deleted);
        }
      } catch (RuntimeException e) {
        log.warn("could not drop expired rate-limit buckets: {}", e.toString());
      }
    }, 5, 5, TimeUnit.MINUTES);
    return sweeper;
  }
}
