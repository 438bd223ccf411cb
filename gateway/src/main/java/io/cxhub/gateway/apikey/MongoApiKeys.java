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
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys in collection {@code api_keys} of {@code cx_gateway}. The secret's SHA-256 is
 * the {@code _id}: verifying a request is one read by primary key, and two keys can never
 * share a secret. A unique index {@code {tenantId: 1, keyId: 1}} serves the admin API's
 * lookups by key id and keeps ids unique within a tenant.
 *
 * <p>Keys stored before roles and scopes existed carry {@code role: MEMBER|ADMIN} and no
 * {@code scopes}. They are migrated when the gateway starts ({@link #migrateLegacyKeys}):
 * MEMBER becomes ANALYST with every scope (what a member could do), ADMIN becomes the
 * tenant's ADMIN with every scope, and only the bootstrap keys (tenant {@code default},
 * key id {@code bootstrap} or {@code bootstrap-env-*}) become platform operator keys: a
 * former tenant admin no longer acts on other tenants. Reading applies the same mapping,
 * so a key written by an older gateway during a rolling upgrade still works.
 */
public final class MongoApiKeys implements ApiKeys {

  private static final Logger log = LoggerFactory.getLogger(MongoApiKeys.class);
  private static final String LEGACY_MEMBER = "MEMBER";

  private final MongoCollection<Document> collection;

  public MongoApiKeys(MongoDatabase database) {
    this.collection = database.getCollection("api_keys");
    collection.createIndex(Indexes.ascending("tenantId", "keyId"),
        new IndexOptions().unique(true).name("tenantId_keyId"));
  }

  /**
   * Rewrites the keys stored with the former two roles in the current form, each by its
   * {@code _id} and only while it still lacks {@code scopes}, so that several gateways
   * starting together migrate each key once. @return how many keys were migrated
   */
  public int migrateLegacyKeys() {
    int migrated = 0;
    for (Document doc : collection.find(Filters.exists("scopes", false))) {
      ApiKey key = toKey(doc);
      var result = collection.updateOne(
          Filters.and(Filters.eq("_id", key.hash()), Filters.exists("scopes", false)),
          Updates.combine(
              Updates.set("role", key.role().name()),
              Updates.set("scopes", scopeNames(key.scopes())),
              Updates.set("platformOperator", key.platformOperator())));
      if (result.getModifiedCount() > 0) {
        migrated++;
        log.info("migrated API key tenant={} keyId={} from role {} to role={} scopes={} platformOperator={}",
            key.tenantId(), key.keyId(), doc.getString("role"), key.role(), key.scopes(), key.platformOperator());
      }
    }
    return migrated;
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
        .append("scopes", scopeNames(key.scopes()))
        .append("platformOperator", key.platformOperator())
        .append("displayName", key.displayName())
        .append("secretPrefix", key.secretPrefix())
        .append("createTime", Date.from(key.createTime()))
        .append("revokeTime", key.revokeTime().map(Date::from).orElse(null));
  }

  private static List<String> scopeNames(Set<Scope> scopes) {
    return Arrays.stream(Scope.values()).filter(scopes::contains).map(Scope::name).toList();
  }

  private static ApiKey toKey(Document doc) {
    Date revoked = doc.getDate("revokeTime");
    var key = ApiKey.builder()
        .hash(doc.getString("_id"))
        .tenantId(doc.getString("tenantId"))
        .keyId(doc.getString("keyId"))
        .displayName(doc.getString("displayName"))
        .secretPrefix(doc.getString("secretPrefix"))
        .createTime(doc.getDate("createTime").toInstant())
        .revokeTime(revoked == null ? null : revoked.toInstant());
    List<String> scopes = doc.getList("scopes", String.class);
    String role = doc.getString("role");
    if (scopes == null) {
      // stored before roles and scopes: see the class comment
      boolean member = LEGACY_MEMBER.equals(role);
      return key.role(member ? Role.ANALYST : Role.ADMIN)
          .scopes(Scope.all())
          .platformOperator(!member && ApiKeyBootstrap.isBootstrapKeyId(doc.getString("tenantId"), doc.getString("keyId")))
          .build();
    }
    var parsed = EnumSet.noneOf(Scope.class);
    scopes.forEach(name -> parsed.add(Scope.valueOf(name)));
    return key.role(Role.valueOf(role)).scopes(parsed).platformOperator(doc.getBoolean("platformOperator", false)).build();
  }
}
