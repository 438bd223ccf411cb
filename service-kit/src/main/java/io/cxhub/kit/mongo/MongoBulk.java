package io.cxhub.kit.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import java.util.List;
import org.bson.Document;

/** Bulk writes that several writers may race to make. */
public final class MongoBulk {

  private MongoBulk() {}

  /**
   * Applies the writes unordered (each one is attempted whatever happens to the others)
   * and ignores duplicate-key errors. Meant for upserts that create a document only when it
   * is missing: when two writers create the same document at once, the loser's duplicate
   * key means the document exists, which is all such a write needs.
   *
   * @throws MongoBulkWriteException if any write failed for another reason, or on a write
   *     concern error
   */
  public static void writeIgnoringDuplicateKeys(
      MongoCollection<Document> collection, List<? extends WriteModel<Document>> writes) {
    try {
      collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      boolean onlyDuplicates = e.getWriteErrors().stream()
          .allMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
      if (!onlyDuplicates || e.getWriteConcernError() != null) {
        throw e;
      }
    }
  }
}
