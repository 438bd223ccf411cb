package io.cxhub.survey.invitation.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.cxhub.survey.invitation.SendCounters;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Send counters in {@code invitation_send_counters}, one small document per tenant and window, bumped
 * with an atomic {@code $inc} upsert, so every instance shares them. The key starts with the
 * tenant (one document per key, read by {@code _id} only), so the collection is exempt from the
 * tenant-first index rule. A TTL index removes old windows on MongoDB; the embedded server
 * ignores TTL indexes, so there the (tiny) documents stay until the file is reset.
 */
@Repository
class MongoSendCounters implements SendCounters {

  static final String COLLECTION = "invitation_send_counters";

  private final MongoCollection<Document> collection;

  MongoSendCounters(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    collection.createIndex(Indexes.ascending("forgetAfter"),
        new IndexOptions().name("forget_after_ttl").expireAfter(0L, TimeUnit.SECONDS));
  }

  @Override
  public long increment(String key, Instant forgetAfter) {
    var update = Updates.combine(Updates.inc("count", 1L), Updates.setOnInsert("forgetAfter", Date.from(forgetAfter)));
    var options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    try {
      return count(collection.findOneAndUpdate(eq("_id", key), update, options));
    } catch (MongoWriteException e) {
      // two first hits raced on the upsert; the loser's retry finds the document
      return count(collection.findOneAndUpdate(eq("_id", key), update, options));
    }
  }

  private static long count(Document counter) {
    Number count = counter.get("count", Number.class);
    return count == null ? 1 : count.longValue();
  }
}
