package io.cxhub.gateway.admin;

import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.ApiKeyVerifier;
import io.cxhub.gateway.apikey.ApiKeys;
import io.cxhub.gateway.audit.AuditLog;
import io.cxhub.gateway.tenant.Tenants;
import io.cxhub.gateway.cors.CorsWebFilter;
import io.cxhub.gateway.session.SessionProperties;
import io.cxhub.gateway.session.Sessions;
import io.cxhub.gateway.session.Users;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

  @Bean
  TenantAdministration tenantAdministration(Tenants tenants, ApiKeys keys, ApiKeySecrets secrets,
      ApiKeyVerifier verifier, AuditLog audit, Clock clock) {
    return new TenantAdministration(tenants, keys, secrets, verifier, audit, clock);
  }

  @Bean
  PeopleAdministration peopleAdministration(Tenants tenants, Users users, Sessions sessions, Clock clock,
      SessionProperties settings, CorsWebFilter cors) {
    return new PeopleAdministration(tenants, users, sessions, new SecureRandom(), clock, settings.invitationTtl(),
        cors::invalidate);
  }

  @Bean(destroyMethod = "close")
  AdminServer adminServer(TenantAdministration administration, PeopleAdministration people, Users users) {
    return new AdminServer(new AdminGrpcService(administration, Optional.of(people), Optional.of(users)));
  }
}
