package io.cxhub.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
 *
 * <p>Other filters and sorts are planned over the collection's {@link SecondaryIndex}es by
 * {@link IndexedQueries}; only a query that no index narrows reads the whole collection.
 * Every read counts the documents and index keys it examined in {@link ScanStats}.
 */
final class IdNarrowingCollection extends H2Collection {

  /**
   * The {@code $match} that starts the aggregation running on this thread, and the namespace
   * it reads. mongo-java-server feeds a pipeline with the whole collection; when the first
   * stage filters, the collection hands over only what that filter selects, read through
   * the indexes ({@link #queryAllAsStream()}). The stage still runs, so the answer is the same.
   */
  record LeadingMatch(String namespace, Document filter) {
  }

  static final ThreadLocal<LeadingMatch> LEADING_MATCH = new ThreadLocal<>();

  private final ScanStats stats;

  IdNarrowingCollection(
      MongoDatabase database, String collectionName, CollectionOptions options,
      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
      CursorRegistry cursorRegistry, ScanStats stats) {
    super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    this.stats = stats;
  }

  ScanStats stats() {
    return stats;
  }

  @Override
  protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
      int batchSize, Document fieldSelector) {
    stats.query();
    for (Index<Object> index : getIndexes()) {
      if (!(index instanceof SecondaryIndex) && index.canHandle(query)) {
        stats.plan("IXSCAN " + index.getName() + " (unique)");
        return matchDocuments(query, index.getPositions(query), orderBy, numberToSkip, limit, batchSize,
            fieldSelector);
      }
    }
    Object id = query.get("_id");
    boolean pinned = query.size() > 1 && pinsValues(id);
    if (!pinned) {
      IndexedQueries.FieldBounds idBounds = IndexedQueries.bounds(query).get("_id");
      if (idBounds != null && idBounds.points != null) {
        id = new Document("$in", new ArrayList<>(idBounds.points)); // an _id pinned inside $and
        pinned = true;
      }
    }
    if (pinned) {
      for (Index<Object> index : getIndexes()) {
        if (index.getName().equals("_id_")) {
          stats.plan("IXSCAN _id_ (pinned _id)");
          Iterable<Object> candidates = index.getPositions(new Document("_id", id));
          return matchDocuments(query, candidates, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
      }
    }
    List<SecondaryIndex> secondary = new ArrayList<>();
    for (Index<Object> index : getIndexes()) {
      if (index instanceof SecondaryIndex s) {
        secondary.add(s);
      }
    }
    int needed = limit > 0 ? numberToSkip + limit : 0;
    IndexedQueries.Plan plan = IndexedQueries.plan(secondary, query, orderBy, needed);
    if (plan != null) {
      stats.plan(plan.describe());
      // not flatMap: its inner streams are read whole when the outer one is iterated
      java.util.Iterator<Map.Entry<String, Object>> entries = new RangesIterator(plan);
      Stream<Object> positions = StreamSupport.stream(
          Spliterators.spliteratorUnknownSize(entries, Spliterator.ORDERED), false).map(entry -> {
            stats.keyExamined();
            return entry.getValue();
          });
      if (plan.distinct() || plan.ranges().size() > 1) {
        Set<Object> seen = new HashSet<>();
        positions = positions.filter(seen::add);
      }
      Stream<Document> documents = positions.map(this::getDocument);
      if (plan.sortPrefix() != null && needed > 0) {
        documents = firstGroups(documents.filter(d -> documentMatchesQuery(d, query)), plan.sortPrefix(), needed);
      }
      Document order = plan.providesSort() ? null : orderBy;
      return matchDocumentsFromStream(documents, query, order, numberToSkip, limit, batchSize, fieldSelector);
    }
    if (query.isEmpty() && (orderBy == null || orderBy.isEmpty()) && limit > 0) {
      stats.plan("COLLSCAN (no filter, limited)");
    } else {
      stats.plan("COLLSCAN");
      stats.fullScan(count());
    }
    return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
  }

  /** The entries of a plan's ranges, one range after the other, read lazily. */
  private static final class RangesIterator implements java.util.Iterator<Map.Entry<String, Object>> {
    private final IndexedQueries.Plan plan;
    private int next;
    private java.util.Iterator<Map.Entry<String, Object>> current = java.util.Collections.emptyIterator();

    RangesIterator(IndexedQueries.Plan plan) {
      this.plan = plan;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && next < plan.ranges().size()) {
        String[] range = plan.ranges().get(next++);
        current = plan.index().range(range[0], range[1], plan.reverse()).iterator();
      }
      return current.hasNext();
    }

    @Override
    public Map.Entry<String, Object> next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return current.next();
    }
  }

  /**
   * Matching documents in the order of the sort's first fields: takes at least {@code needed}
   * of them and then the rest of the last group of equal first fields, which is all a sort
   * of the whole result followed by a limit of {@code needed} could return.
   */
  private static Stream<Document> firstGroups(Stream<Document> ordered, Document sortPrefix, int needed) {
    DocumentComparator prefix = new DocumentComparator(sortPrefix);
    List<Document> taken = new ArrayList<>();
    java.util.Iterator<Document> it = ordered.iterator();
    while (it.hasNext()) {
      Document d = it.next();
      if (taken.size() >= needed && prefix.compare(taken.get(taken.size() - 1), d) != 0) {
        break;
      }
      taken.add(d);
    }
    return taken.stream();
  }

  @Override
  public Stream<Document> queryAllAsStream() {
    LeadingMatch match = LEADING_MATCH.get();
    if (match != null && match.namespace().equals(getFullName())) {
      LEADING_MATCH.remove(); // once: a $lookup into the same collection reads it whole
      return StreamSupport.stream(handleQuery(match.filter()).spliterator(), false);
    }
    return super.queryAllAsStream();
  }

  @Override
  protected Document getDocument(Object position) {
    stats.documentExamined();
    return super.getDocument(position);
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
