package io.cxhub.metrics.settings.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.cxhub.metrics.settings.TenantSettings;
import java.time.ZoneId;
import java.util.Optional;
import org.bson.Document;

/** Settings in {@code tenant_settings}: {@code {_id: tenantId, timeZone}}. */
public final class MongoTenantSettings implements TenantSettings {

  static final String COLLECTION = "tenant_settings";

  private final MongoCollection<Document> collection;

  public MongoTenantSettings(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public Optional<ZoneId> zone(String tenantId) {
    Document d = collection.find(eq("_id", tenantId)).first();
    return d == null || d.getString("timeZone") == null ? Optional.empty() : Optional.of(ZoneId.of(d.getString("timeZone")));
  }

  @Override
  public void setZone(String tenantId, ZoneId zone) {
    collection.updateOne(eq("_id", tenantId), Updates.set("timeZone", zone.getId()), new UpdateOptions().upsert(true));
  }
}
