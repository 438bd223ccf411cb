package io.cxhub.gateway.audit;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

  @Bean
  AuditLog auditLog(MongoDatabase database) {
    return new MongoAuditLog(database);
  }
}
