package io.cxhub.gateway.storage;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Readiness of the gateway's own database ({@code cx_gateway}): a {@code ping} on it. */
final class GatewayDatabaseHealthIndicator extends AbstractHealthIndicator {

  private final MongoDatabase database;

  GatewayDatabaseHealthIndicator(MongoDatabase database) {
    super("MongoDB ping failed");
    this.database = database;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    database.runCommand(new Document("ping", 1));
    builder.up().withDetail("database", database.getName());
  }
}
