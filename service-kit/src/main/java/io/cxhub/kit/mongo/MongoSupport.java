package io.cxhub.kit.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Factory methods for the kit's auto-configuration. */
public final class MongoSupport {

  private MongoSupport() {}

  public static MongoDatabase database(MongoClient client, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalStateException(
          "the MongoDB connection string must name the service's database, e.g. mongodb://host:27017/cx_survey");
    }
    return client.getDatabase(name);
  }

  public static HealthIndicator healthIndicator(MongoDatabase database) {
    return new MongoPingHealthIndicator(database);
  }
}
