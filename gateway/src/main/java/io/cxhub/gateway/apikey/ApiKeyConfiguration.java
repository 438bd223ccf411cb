package io.cxhub.gateway.apikey;

import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.client.MongoDatabase;
import io.cxhub.gateway.GatewayProperties;
import io.cxhub.gateway.problem.ProblemWriter;
import io.cxhub.gateway.tenant.Tenants;
import io.cxhub.gateway.session.SessionAuthenticator;
import java.security.SecureRandom;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
class ApiKeyConfiguration {

  @Bean
  ApiKeys apiKeys(MongoDatabase database) {
    var keys = new MongoApiKeys(database);
    keys.migrateLegacyKeys();
    return keys;
  }

  @Bean
  ApiKeySecrets apiKeySecrets() {
    return new ApiKeySecrets(new SecureRandom());
  }

  @Bean
  ApiKeyVerifier apiKeyVerifier(ApiKeys keys, GatewayProperties properties) {
    var cache = properties.apiKeyCache();
    return new ApiKeyVerifier(keys, cache.ttl(), cache.maximumSize(), Ticker.systemTicker(), Schedulers.boundedElastic());
  }

  @Bean
  ApiKeyAuthenticationGatewayFilterFactory apiKeyAuthenticationGatewayFilterFactory(ApiKeyVerifier verifier,
      ProblemWriter problems, ObjectProvider<SessionAuthenticator> sessions) {
    return new ApiKeyAuthenticationGatewayFilterFactory(verifier, problems, Optional.ofNullable(sessions.getIfAvailable()));
  }

  /** Runs the bootstrap while the context starts; the launcher reads the result. */
  @Bean
  BootstrapApiKey bootstrapApiKey(Tenants tenants, ApiKeys keys, ApiKeySecrets secrets, Clock clock,
      GatewayProperties properties) {
    return new ApiKeyBootstrap(tenants, keys, secrets, clock, System.out).run(properties.configuredBootstrapApiKey());
  }
}
