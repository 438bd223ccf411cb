package io.cxhub.gateway.tenant;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TenantConfiguration {

  @Bean
  Tenants tenants(MongoDatabase database) {
    return new MongoTenants(database);
  }
}
