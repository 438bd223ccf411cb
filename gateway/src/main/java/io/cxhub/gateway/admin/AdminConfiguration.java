package io.cxhub.gateway.admin;

import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.ApiKeyVerifier;
import io.cxhub.gateway.apikey.ApiKeys;
import io.cxhub.gateway.audit.AuditLog;
import io.cxhub.gateway.tenant.Tenants;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

  @Bean
  TenantAdministration tenantAdministration(Tenants tenants, ApiKeys keys, ApiKeySecrets secrets,
      ApiKeyVerifier verifier, AuditLog audit, Clock clock) {
    return new TenantAdministration(tenants, keys, secrets, verifier, audit, clock);
  }

  @Bean(destroyMethod = "close")
  AdminServer adminServer(TenantAdministration administration) {
    return new AdminServer(new AdminGrpcService(administration));
  }
}
