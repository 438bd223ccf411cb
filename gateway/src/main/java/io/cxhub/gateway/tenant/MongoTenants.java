package io.cxhub.gateway.tenant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.mongo.MongoInserts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Tenants in collection {@code tenants} of {@code cx_gateway}: {@code _id} is the tenant
 * id, so lookups and the unique rule need no other index; {@code tenantId} repeats it, as
 * on every tenant-owned document.
 */
public final class MongoTenants implements Tenants {

  private final MongoCollection<Document> collection;

  public MongoTenants(MongoDatabase database) {
    this.collection = database.getCollection("tenants");
    // CORS preflights look tenants up by origin
    collection.createIndex(com.mongodb.client.model.Indexes.ascending("allowedOrigins"),
        new com.mongodb.client.model.IndexOptions().name("allowedOrigins"));
  }

  @Override
  public boolean insert(Tenant tenant) {
    return MongoInserts.insertIfAbsent(collection, new Document("_id", tenant.tenantId())
        .append("tenantId", tenant.tenantId())
        .append("displayName", tenant.displayName())
        .append("createTime", Date.from(tenant.createTime())));
  }

  @Override
  public Optional<Tenant> find(String tenantId) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", tenantId)).first()).map(MongoTenants::toTenant);
  }

  @Override
  public List<Tenant> list(String afterId, int limit) {
    var filter = afterId == null || afterId.isEmpty() ? new Document() : Filters.gt("_id", afterId);
    var tenants = new ArrayList<Tenant>();
    collection.find(filter).sort(Sorts.ascending("_id")).limit(limit).forEach(doc -> tenants.add(toTenant(doc)));
    return tenants;
  }

  @Override
  public List<String> allowedOrigins(String tenantId) {
    Document doc = collection.find(Filters.eq("_id", tenantId)).first();
    List<String> origins = doc == null ? null : doc.getList("allowedOrigins", String.class);
    return origins == null ? List.of() : List.copyOf(origins);
  }

  @Override
  public boolean setAllowedOrigins(String tenantId, List<String> origins) {
    return collection.updateOne(Filters.eq("_id", tenantId), Updates.set("allowedOrigins", origins)).getMatchedCount() > 0;
  }

  @Override
  public Set<String> tenantsAllowing(String origin) {
    var found = new TreeSet<String>();
    collection.find(Filters.eq("allowedOrigins", origin)).forEach(doc -> found.add(doc.getString("_id")));
    return found;
  }

  private static Tenant toTenant(Document doc) {
    return new Tenant(doc.getString("_id"), doc.getString("displayName"), doc.getDate("createTime").toInstant());
  }
}
