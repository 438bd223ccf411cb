package io.cxhub.metrics.customerfeed.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoBulk;
import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.metrics.customerfeed.CustomerFeedOutbox;
import io.cxhub.metrics.customerfeed.FeedEntry;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * {@code customer_event_outbox}: {@code { _id: "<tenant>:<eventId>", tenantId, eventId,
 * customerId, kind, occurTime, amount, currency, channel, weekday, hour, pending }}. The
 * {@code _id} is the deduplication; {@code pending} is unset once persona-service confirmed,
 * and confirmed entries expire after 30 days on a real server (TTL on {@code confirmTime}; the
 * embedded server ignores TTL indexes), long after any resend could arrive.
 */
@Repository
class MongoCustomerFeedOutbox implements CustomerFeedOutbox, SubjectHolding {

  static final String COLLECTION = "customer_event_outbox";

  private final MongoCollection<Document> collection;

  MongoCustomerFeedOutbox(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    // the relay reads pending entries of every tenant: these two indexes span tenants on
    // purpose (the kit's MongoIndexes insists on tenant-first keys for tenant reads)
    collection.createIndex(Indexes.ascending("pending", "_id"), new IndexOptions().name("pending"));
    collection.createIndex(Indexes.ascending("confirmTime"),
        new IndexOptions().name("confirmed_ttl").expireAfter(30L, TimeUnit.DAYS));
  }

  @Override
  public void addIfAbsent(List<FeedEntry> entries) {
    var writes = entries.stream().map(e -> new InsertOneModel<>(new Document("_id", Ids.tenantScoped(e.tenantId(), e.eventId()))
        .append("tenantId", e.tenantId())
        .append("eventId", e.eventId())
        .append("customerId", e.customerId())
        .append("kind", e.kind().name())
        .append("occurTime", Date.from(e.occurTime()))
        .append("amount", e.amount())
        .append("currency", e.currency())
        .append("channel", e.channel())
        .append("weekday", e.weekday())
        .append("hour", e.hour())
        .append("pending", true))).toList();
    MongoBulk.writeIgnoringDuplicateKeys(collection, writes);
  }

  @Override
  public List<FeedEntry> pending(int limit) {
    return collection.find(eq("pending", true)).sort(Sorts.ascending("_id")).limit(limit)
        .map(d -> new FeedEntry(d.getString("tenantId"), d.getString("eventId"), d.getString("customerId"),
            FeedEntry.Kind.valueOf(d.getString("kind")), d.getDate("occurTime").toInstant(),
            d.get("amount", Number.class).doubleValue(), d.getString("currency"), d.getString("channel"),
            d.getInteger("weekday", 0), d.getInteger("hour", 0)))
        .into(new ArrayList<>());
  }

  @Override
  public void confirm(List<FeedEntry> entries) {
    var keys = entries.stream().map(e -> Ids.tenantScoped(e.tenantId(), e.eventId())).toList();
    collection.updateMany(in("_id", keys),
        Updates.combine(Updates.unset("pending"), Updates.set("confirmTime", new Date())));
  }

  // --- data-subject requests: the subject's customer events on their way to persona-service
  // are deleted (persona-service erases the profile; nothing is left to relay)

  @Override
  public String kind() {
    return "customerEvents";
  }

  @Override
  public java.util.List<String> export(String tenantId, SubjectHolding.Subject subject) {
    var items = new java.util.ArrayList<String>();
    collection.find(com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("tenantId", tenantId),
        com.mongodb.client.model.Filters.eq("customerId", subject.customerId()))).forEach(d -> {
          d.remove("_id");
          items.add(d.toJson());
        });
    return items;
  }

  @Override
  public long erase(String tenantId, SubjectHolding.Subject subject, String token) {
    return collection.deleteMany(com.mongodb.client.model.Filters.and(
        com.mongodb.client.model.Filters.eq("tenantId", tenantId),
        com.mongodb.client.model.Filters.eq("customerId", subject.customerId()))).getDeletedCount();
  }
}
