package io.cxhub.metrics.text.feed.mongo;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
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
public final class MongoCommentQueue implements CommentQueue {

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
}
