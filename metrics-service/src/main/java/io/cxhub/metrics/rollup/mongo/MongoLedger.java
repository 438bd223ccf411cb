package io.cxhub.metrics.rollup.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoBulk;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.metrics.rollup.Ledger;
import io.cxhub.metrics.rollup.LedgerEntry;
import io.cxhub.metrics.rollup.LedgerItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * A ledger in its own collection:
 *
 * <pre>
 * { _id: "&lt;tenantId&gt;:&lt;itemId&gt;", tenantId, itemId, applicationId, receivedAt, appliedAt?,
 *   item: { …the codec's fields… } }
 * </pre>
 *
 * <p>Per-item reads and writes go by {@code _id} alone (it starts with the tenant id); only
 * the recount reads a tenant's whole ledger.
 */
public final class MongoLedger<T extends LedgerItem> implements Ledger<T>, SubjectHolding {

  private final MongoCollection<Document> collection;
  private final LedgerCodec<T> codec;
  private final String kind;

  public MongoLedger(MongoDatabase database, String collectionName, LedgerCodec<T> codec) {
    this.collection = database.getCollection(collectionName);
    this.codec = codec;
    this.kind = collectionName;
    // data-subject requests: a subject's items
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "item.customerId"),
        new IndexOptions().name("tenant_customer"));
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "receivedAt"),
        new IndexOptions().name("tenant_received"));
  }

  @Override
  public void insertIfAbsent(String tenantId, Collection<T> items, String applicationId, Instant receivedAt) {
    if (items.isEmpty()) {
      return;
    }
    var inserts = new ArrayList<WriteModel<Document>>(items.size());
    for (T item : items) {
      inserts.add(new InsertOneModel<>(new Document("_id", Ids.tenantScoped(tenantId, item.itemId()))
          .append("tenantId", tenantId)
          .append("itemId", item.itemId())
          .append("applicationId", applicationId)
          .append("receivedAt", Date.from(receivedAt))
          .append("item", codec.encode(item))));
    }
    // an item recorded before keeps its first copy and claim: its insert fails on the
    // duplicate _id, which is what "if absent" means here
    MongoBulk.writeIgnoringDuplicateKeys(collection, inserts);
  }

  @Override
  public Map<String, LedgerEntry<T>> find(String tenantId, Collection<String> itemIds) {
    var result = new HashMap<String, LedgerEntry<T>>();
    if (itemIds.isEmpty()) {
      return result;
    }
    var ids = itemIds.stream().map(itemId -> Ids.tenantScoped(tenantId, itemId)).toList();
    for (Document d : collection.find(in("_id", ids))) {
      LedgerEntry<T> entry = entry(d);
      result.put(entry.item().itemId(), entry);
    }
    return result;
  }

  @Override
  public void markApplied(String tenantId, Collection<String> itemIds, Instant appliedAt) {
    if (itemIds.isEmpty()) {
      return;
    }
    // one command; the ids pin the documents (through the _id index on the embedded server too)
    collection.updateMany(in("_id", itemIds.stream().map(itemId -> Ids.tenantScoped(tenantId, itemId)).toList()),
        Updates.set("appliedAt", Date.from(appliedAt)));
  }

  @Override
  public void forEachEntry(String tenantId, Consumer<LedgerEntry<T>> action) {
    collection.find(eq("tenantId", tenantId)).forEach(d -> action.accept(entry(d)));
  }

  private LedgerEntry<T> entry(Document d) {
    Date applied = d.getDate("appliedAt");
    return new LedgerEntry<>(
        codec.decode(d.get("item", Document.class)),
        d.getString("applicationId"),
        d.getDate("receivedAt").toInstant(),
        applied == null ? null : applied.toInstant());
  }

  // --- data-subject requests: the items of the subject (item.customerId); the counts they
  // made stay in the cubes, and a recount counts the anonymised items the same

  @Override
  public String kind() {
    return kind;
  }

  private org.bson.conversions.Bson ofSubject(String tenantId, SubjectHolding.Subject subject) {
    return com.mongodb.client.model.Filters.and(eq("tenantId", tenantId), eq("item.customerId", subject.customerId()));
  }

  @Override
  public java.util.List<String> export(String tenantId, SubjectHolding.Subject subject) {
    var items = new ArrayList<String>();
    collection.find(ofSubject(tenantId, subject)).forEach(d -> items.add(d.get("item", Document.class).toJson()));
    return items;
  }

  @Override
  public long erase(String tenantId, SubjectHolding.Subject subject, String token) {
    return collection.updateMany(ofSubject(tenantId, subject), Updates.set("item.customerId", token)).getModifiedCount();
  }
}
