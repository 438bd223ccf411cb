package io.cxhub.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that looks a document up by its {@code _id} whenever a filter pins the
 * {@code _id}, even next to other conditions.
 *
 * <p>As shipped, mongo-java-server only uses an index when the filter names exactly the
 * index's fields: {@code {_id: x, applied: {$ne: a}}} — the conditional single-document
 * update that exactly-once counting rests on — scans the whole collection. Here the
 * {@code _id} (a value, or {@code $in} of values) selects the candidates through the
 * {@code _id} index and the whole filter is then matched against them, which gives the same
 * answer as the scan. Real MongoDB plans such filters on {@code _id} by itself.
 */
final class IdNarrowingCollection extends H2Collection {

  IdNarrowingCollection(
      MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
      CursorRegistry cursorRegistry) {
    super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
  }

  @Override
  protected QueryResult matchDocuments(
      Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
    Object id = query.get("_id");
    if (query.size() > 1 && pinsValues(id)) {
      for (Index<Object> index : getIndexes()) {
        if (index.getName().equals("_id_")) {
          Iterable<Object> candidates = index.getPositions(new Document("_id", id));
          return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
      }
    }
    return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
  }

  /** A literal value (not an operator expression), or {@code {$in: [literals]}}. */
  static boolean pinsValues(Object id) {
    if (id == null) {
      return false;
    }
    if (!(id instanceof Document expression)) {
      return true;
    }
    if (expression.size() == 1 && expression.get("$in") instanceof Collection<?> values) {
      return values.stream().allMatch(v -> v != null && !(v instanceof Document));
    }
    return expression.keySet().stream().noneMatch(key -> key.startsWith("$"));
  }
}
