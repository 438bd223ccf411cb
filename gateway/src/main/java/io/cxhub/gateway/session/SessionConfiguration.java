package io.cxhub.gateway.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.cxhub.gateway.GatewayProperties;
import io.cxhub.gateway.problem.ProblemWriter;
import io.cxhub.gateway.ratelimit.RateLimiter;
import io.cxhub.gateway.transcode.ClientAddresses;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

  @Bean
  Users users(MongoDatabase database) {
    return new MongoUsers(database);
  }

  @Bean
  Sessions sessions(MongoDatabase database) {
    return new MongoSessions(database);
  }

  @Bean
  SessionService sessionService(Users users, Sessions sessions, Clock clock, SessionProperties settings) {
    // bcrypt's default cost (10): about 80 ms a hash on one core of the reference machine
    return new SessionService(users, sessions, new BCryptPasswordEncoder(), new SecureRandom(), clock, settings);
  }

  @Bean
  SessionAuthenticator sessionAuthenticator(SessionService service) {
    return new SessionAuthenticator(service, Schedulers.boundedElastic());
  }

  @Bean
  SessionEndpoints sessionEndpoints(SessionService service, RateLimiter limiter, GatewayProperties properties,
      ProblemWriter problems, ObjectMapper json) {
    return new SessionEndpoints(service, limiter, new ClientAddresses(properties.trustForwardedFor()), problems, json,
        Schedulers.boundedElastic());
  }

  @Bean
  RouterFunction<ServerResponse> sessionRoutes(SessionEndpoints endpoints) {
    return endpoints.routes();
  }

  @Bean
  OidcSignIn oidcSignIn(MongoDatabase database, SessionService service, Clock clock, SessionProperties settings) {
    return new OidcSignIn(settings.oidc(), new MongoOidcLogins(database), service, new SecureRandom(), clock);
  }

  @Bean
  RouterFunction<ServerResponse> oidcRoutes(OidcSignIn signIn, SessionEndpoints endpoints, SessionProperties settings) {
    return new OidcEndpoints(signIn, endpoints, settings, Schedulers.boundedElastic()).routes();
  }

  /** Drops expired sessions and abandoned single sign-on attempts every ten minutes: the embedded server ignores TTL indexes. */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService sessionSweeper(SessionService service, OidcSignIn signIn) {
    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      var thread = new Thread(runnable, "session-sweeper");
      thread.setDaemon(true);
      return thread;
    });
    sweeper.scheduleWithFixedDelay(() -> {
      try {
        long deleted = service.sweep();
        if (deleted > 0) {
          log.debug("dropped {} expired sessions", deleted);
        }
        signIn.sweep();
      } catch (RuntimeException e) {
        log.warn("could not drop expired sessions: {}", e.toString());
      }
    }, 10, 10, TimeUnit.MINUTES);
    return sweeper;
  }
}
