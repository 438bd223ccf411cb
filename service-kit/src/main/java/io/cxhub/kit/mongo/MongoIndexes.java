package io.cxhub.kit.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Declares indexes the way every CX Hub collection needs them: each starts with
 * {@code tenantId}, so that on a sharded MongoDB each tenant's data stays together and
 * no query can use an index without naming its tenant.
 */
public final class MongoIndexes {

  private MongoIndexes() {}

  public static void ensure(MongoCollection<Document> collection, Bson keys, IndexOptions options) {
    var keyDoc = keys.toBsonDocument();
    if (keyDoc.isEmpty() || !"tenantId".equals(keyDoc.getFirstKey())) {
      throw new IllegalArgumentException("index on " + collection.getNamespace() + " must start with tenantId: " + keys);
    }
    collection.createIndex(keys, options);
  }
}
