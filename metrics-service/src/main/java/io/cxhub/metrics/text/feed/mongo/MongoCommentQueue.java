package io.cxhub.metrics.text.feed.mongo;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.metrics.text.feed.Comment;
import io.cxhub.metrics.text.feed.CommentQueue;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The queue in {@code text_queue}: one document per comment, {@code _id} = tenant:response:
 * question, so a relayed retry is refused by the unique {@code _id} (unordered insert, the
 * duplicates ignored).
 */
public final class MongoCommentQueue implements CommentQueue, SubjectHolding {

  static final String COLLECTION = "text_queue";

  private final MongoCollection<Document> collection;

  public MongoCommentQueue(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public void enqueue(List<Comment> comments) {
    if (comments.isEmpty()) {
      return;
    }
    var docs = new ArrayList<Document>();
    comments.forEach(c -> docs.add(CommentCodec.encode(c).append("queuedAt", new Date())));
    try {
      collection.insertMany(docs, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
        throw e;
      }
    }
  }

  @Override
  public List<Comment> next(int max) {
    var out = new ArrayList<Comment>();
    for (Document d : collection.find().sort(Sorts.ascending("queuedAt", "_id")).limit(max)) {
      out.add(CommentCodec.decode(d));
    }
    return out;
  }

  @Override
  public void done(List<Comment> comments) {
    if (!comments.isEmpty()) {
      collection.deleteMany(in("_id", comments.stream().map(Comment::id).toList()));
    }
  }

  @Override
  public long pending() {
    return collection.countDocuments();
  }

  // --- data-subject requests: the subject's comments still waiting for analysis (analysed
  // without their text, so that the counts match the scores)

  @Override
  public String kind() {
    return "commentQueue";
  }

  private org.bson.conversions.Bson ofSubject(String tenantId, SubjectHolding.Subject subject) {
    return com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("tenantId", tenantId),
        subject.responseIds().isEmpty() ? com.mongodb.client.model.Filters.eq("customerId", subject.customerId())
            : com.mongodb.client.model.Filters.or(com.mongodb.client.model.Filters.eq("customerId", subject.customerId()),
                com.mongodb.client.model.Filters.in("responseId", subject.responseIds())));
  }

  @Override
  public java.util.List<String> export(String tenantId, SubjectHolding.Subject subject) {
    var items = new java.util.ArrayList<String>();
    collection.find(ofSubject(tenantId, subject)).forEach(d -> {
      d.remove("_id");
      items.add(d.toJson());
    });
    return items;
  }

  @Override
  public long erase(String tenantId, SubjectHolding.Subject subject, String token) {
    long changed = 0;
    for (Document d : collection.find(ofSubject(tenantId, subject))) {
      String customerId = d.getString("customerId");
      collection.updateOne(com.mongodb.client.model.Filters.eq("_id", d.get("_id")),
          com.mongodb.client.model.Updates.combine(com.mongodb.client.model.Updates.set("text", ""),
              com.mongodb.client.model.Updates.set("customerId",
                  customerId == null || customerId.isEmpty() ? customerId : token)));
      changed++;
    }
    return changed;
  }
}
