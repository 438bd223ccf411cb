package io.cxhub.gateway.ratelimit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.mongo.MongoInserts;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Token buckets in collection {@code rate_limit_buckets} of {@code cx_gateway}, one
 * document per limited key, by {@code _id}: {@code state} (Bucket4j's bytes),
 * {@code version}, {@code expiresAt}. Every write is one single-document operation on
 * {@code _id} (an insert, or an update conditioned on the version read), so replicas
 * never lose each other's consumption. A TTL index on {@code expiresAt} lets MongoDB drop
 * idle buckets; the embedded server ignores TTL indexes, so the gateway also sweeps them
 * ({@link #deleteExpired}).
 */
public final class MongoBucketStates implements BucketStates {

  private final MongoCollection<Document> collection;

  public MongoBucketStates(MongoDatabase database) {
    this.collection = database.getCollection("rate_limit_buckets");
    collection.createIndex(Indexes.ascending("expiresAt"),
        new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
  }

  @Override
  public Optional<Versioned> read(String key) {
    Document doc = collection.find(Filters.eq("_id", key)).first();
    if (doc == null) {
      return Optional.empty();
    }
    return Optional.of(new Versioned(doc.get("state", Binary.class).getData(), doc.getLong("version")));
  }

  @Override
  public boolean insert(String key, byte[] state, Instant expiresAt) {
    return MongoInserts.insertIfAbsent(collection, new Document("_id", key)
        .append("state", new Binary(state))
        .append("version", 1L)
        .append("expiresAt", Date.from(expiresAt)));
  }

  @Override
  public boolean replace(String key, long version, byte[] state, Instant expiresAt) {
    var result = collection.updateOne(
        Filters.and(Filters.eq("_id", key), Filters.eq("version", version)),
        Updates.combine(
            Updates.set("state", new Binary(state)),
            Updates.set("version", version + 1),
            Updates.set("expiresAt", Date.from(expiresAt))));
    return result.getModifiedCount() == 1;
  }

  @Override
  public long deleteExpired(Instant now) {
    return collection.deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
  }
}
