package io.cxhub.kit.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** Single-document inserts whose unique keys ({@code _id} or a unique index) decide. */
public final class MongoInserts {

  private MongoInserts() {}

  /**
   * Inserts the document unless one with the same unique key exists: the key is the
   * deduplication, also between concurrent writers (an idempotent retry, two imports of the
   * same row), so nothing is read first. A caller for whom a duplicate is an error (a name
   * already taken) turns {@code false} into its own refusal.
   *
   * @return true if this call stored the document, false if a document with the same
   *     {@code _id} or unique-index key was there (it is left unchanged)
   * @throws MongoWriteException for any other write error
   */
  public static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
    try {
      collection.insertOne(document);
      return true;
    } catch (MongoWriteException e) {
      if (isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  /** True if the write failed only because a unique key was taken. */
  public static boolean isDuplicateKey(MongoWriteException e) {
    return ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
  }
}
