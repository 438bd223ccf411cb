package io.cxhub.survey.invitation.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoBulk;
import io.cxhub.survey.invitation.Suppressions;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The suppression list in {@code invitation_suppressions}, one document per tenant and key
 * ({@code _id} = tenant-scoped key), so a look-up reads by primary key and an entry, once
 * there, is never changed: an opt-out is for good.
 */
@Repository
class MongoSuppressions implements Suppressions {

  static final String COLLECTION = "invitation_suppressions";

  private final MongoCollection<Document> collection;

  MongoSuppressions(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public void add(String tenantId, Collection<String> keys, String reason, Instant at) {
    if (keys.isEmpty()) {
      return;
    }
    var writes = keys.stream().map(key -> new UpdateOneModel<Document>(
        eq("_id", Ids.tenantScoped(tenantId, key)),
        Updates.combine(
            Updates.setOnInsert("tenantId", tenantId),
            Updates.setOnInsert("key", key),
            Updates.setOnInsert("reason", reason),
            Updates.setOnInsert("createTime", Date.from(at))),
        new UpdateOptions().upsert(true))).toList();
    MongoBulk.writeIgnoringDuplicateKeys(collection, writes);
  }

  @Override
  public Set<String> suppressedAmong(String tenantId, Collection<String> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    List<String> ids = keys.stream().map(k -> Ids.tenantScoped(tenantId, k)).toList();
    var result = new HashSet<String>();
    collection.find(in("_id", ids)).forEach(d -> result.add(d.getString("key")));
    return result;
  }
}
