package io.cxhub.gateway.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** Insert-if-absent on a unique key, the gateway's stores' one way to create a document once. */
public final class MongoInserts {

  private MongoInserts() {}

  /** Inserts the document. @return false if one with the same unique key exists (nothing is changed) */
  public static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
    try {
      collection.insertOne(document);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }
}
