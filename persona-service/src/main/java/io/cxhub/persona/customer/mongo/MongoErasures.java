package io.cxhub.persona.customer.mongo;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.cxhub.kit.id.Ids;
import io.cxhub.persona.customer.Erasures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Tombstones in {@code customer_erasures}: {@code { _id: "<tenantId>:<sha256(customerId)>",
 * tenantId, erasedAt }} — the erased id itself is not kept.
 */
@Repository
class MongoErasures implements Erasures {

  private final MongoCollection<Document> collection;

  MongoErasures(MongoDatabase database) {
    this.collection = database.getCollection("customer_erasures");
  }

  static String hash(String customerId) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(customerId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void record(String tenantId, String customerId, Instant at) {
    String key = Ids.tenantScoped(tenantId, hash(customerId));
    collection.replaceOne(new Document("_id", key), new Document("_id", key).append("tenantId", tenantId)
        .append("erasedAt", Date.from(at)), new ReplaceOptions().upsert(true));
  }

  @Override
  public Set<String> erased(String tenantId, Collection<String> customerIds) {
    var byKey = new HashMap<String, String>();
    customerIds.forEach(id -> byKey.put(Ids.tenantScoped(tenantId, hash(id)), id));
    var result = new HashSet<String>();
    if (byKey.isEmpty()) {
      return result;
    }
    collection.find(in("_id", byKey.keySet())).forEach(d -> result.add(byKey.get(d.getString("_id"))));
    return result;
  }

  @Override
  public void clear(String tenantId, Collection<String> customerIds) {
    if (!customerIds.isEmpty()) {
      collection.deleteMany(in("_id", customerIds.stream().map(id -> Ids.tenantScoped(tenantId, hash(id))).toList()));
    }
  }
}
