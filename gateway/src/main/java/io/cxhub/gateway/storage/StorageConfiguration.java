package io.cxhub.gateway.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own database. Boot creates the {@link MongoClient} from
 * {@code spring.data.mongodb.uri}; the database is the one the URI names
 * ({@code cx_gateway} by default).
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

  @Bean
  MongoDatabase gatewayMongoDatabase(MongoClient client, MongoProperties properties) {
    String name = properties.getMongoClientDatabase();
    if (name == null || name.isBlank()) {
      throw new IllegalStateException("spring.data.mongodb.uri must name the database, e.g. mongodb://host:27017/cx_gateway");
    }
    return client.getDatabase(name);
  }

  @Bean
  GatewayDatabaseHealthIndicator gatewayDatabaseHealthIndicator(MongoDatabase gatewayMongoDatabase) {
    return new GatewayDatabaseHealthIndicator(gatewayMongoDatabase);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
