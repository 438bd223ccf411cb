package io.cxhub.gateway.apikey;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.mongo.MongoInserts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * API keys in collection {@code api_keys} of {@code cx_gateway}. The secret's SHA-256 is
 * the {@code _id}: verifying a request is one read by primary key, and two keys can never
 * share a secret. A unique index {@code {tenantId: 1, keyId: 1}} serves the admin API's
 * lookups by key id and keeps ids unique within a tenant.
 */
public final class MongoApiKeys implements ApiKeys {

  private final MongoCollection<Document> collection;

  public MongoApiKeys(MongoDatabase database) {
    this.collection = database.getCollection("api_keys");
    collection.createIndex(Indexes.ascending("tenantId", "keyId"),
        new IndexOptions().unique(true).name("tenantId_keyId"));
  }

  @Override
  public void insert(ApiKey key) {
    if (!MongoInserts.insertIfAbsent(collection, toDocument(key))) {
      throw new DuplicateApiKeyException("an API key with the same secret or id exists");
    }
  }

  @Override
  public boolean insertIfAbsent(ApiKey key) {
    Document doc = toDocument(key);
    doc.remove("_id");
    var result = collection.updateOne(Filters.eq("_id", key.hash()), new Document("$setOnInsert", doc),
        new UpdateOptions().upsert(true));
    return result.getUpsertedId() != null;
  }

  @Override
  public Optional<ApiKey> findByHash(String hash) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", hash)).first()).map(MongoApiKeys::toKey);
  }

  @Override
  public Optional<ApiKey> find(String tenantId, String keyId) {
    return Optional.ofNullable(collection.find(byId(tenantId, keyId)).first()).map(MongoApiKeys::toKey);
  }

  @Override
  public List<ApiKey> list(String tenantId) {
    var keys = new ArrayList<ApiKey>();
    collection.find(Filters.eq("tenantId", tenantId))
        .sort(Sorts.ascending("createTime", "keyId"))
        .forEach(doc -> keys.add(toKey(doc)));
    return keys;
  }

  @Override
  public Optional<ApiKey> revoke(String tenantId, String keyId, Instant time) {
    collection.updateOne(Filters.and(byId(tenantId, keyId), Filters.eq("revokeTime", null)),
        Updates.set("revokeTime", Date.from(time)));
    return find(tenantId, keyId);
  }

  private static Bson byId(String tenantId, String keyId) {
    return Filters.and(Filters.eq("tenantId", tenantId), Filters.eq("keyId", keyId));
  }

  private static Document toDocument(ApiKey key) {
    return new Document("_id", key.hash())
        .append("tenantId", key.tenantId())
        .append("keyId", key.keyId())
        .append("role", key.role().name())
        .append("displayName", key.displayName())
        .append("secretPrefix", key.secretPrefix())
        .append("createTime", Date.from(key.createTime()))
        .append("revokeTime", key.revokeTime().map(Date::from).orElse(null));
  }

  private static ApiKey toKey(Document doc) {
    Date revoked = doc.getDate("revokeTime");
    return new ApiKey(
        doc.getString("_id"),
        doc.getString("tenantId"),
        doc.getString("keyId"),
        Role.valueOf(doc.getString("role")),
        doc.getString("displayName"),
        doc.getString("secretPrefix"),
        doc.getDate("createTime").toInstant(),
        Optional.ofNullable(revoked).map(Date::toInstant));
  }
}
