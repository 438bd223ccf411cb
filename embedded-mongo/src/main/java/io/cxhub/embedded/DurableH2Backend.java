package io.cxhub.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 MVStore backend of mongo-java-server, changed so that a write command is on
 * disk before its reply leaves the server. As shipped, the store commits in the
 * background about once a second, so a {@code kill -9} loses writes that clients were
 * told had succeeded (see STACK.md for the measurement). Its collections also find
 * documents by {@code _id} for filters that add conditions to the {@code _id} (see
 * {@link IdNarrowingCollection}), and keep real secondary indexes ({@link SecondaryIndex}).
 *
 * <p>A commit must never catch a write half done (a document stored, its index entries
 * not yet), or a {@code kill -9} could leave the index disagreeing with the data. So the
 * store does not commit in the background: write commands run under the shared side of a
 * lock and the {@link GroupCommitter} commits under its exclusive side, between commands.
 */
final class DurableH2Backend extends H2Backend {

  private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

  private static final Set<String> WRITE_COMMANDS = Set.of(
      "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes",
      "drop", "dropdatabase", "create", "renamecollection");

  private final GroupCommitter committer;
  private final ReadWriteLock commitLock;

  DurableH2Backend(MVStore store) {
    super(store);
    this.commitLock = new ReentrantReadWriteLock();
    this.committer = new GroupCommitter(store, commitLock.writeLock());
  }

  /**
   * Databases whose collections use the {@code _id} index for any filter that pins it.
   * Called from the super constructor too (for the databases already in the file), so it
   * uses nothing of this class's own state.
   */
  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new IdNarrowingDatabase(databaseName);
  }

  /**
   * A database whose collections are {@link IdNarrowingCollection}s. An inner class: its
   * collections are opened from the super constructor, before any field of its own could be
   * set, and the enclosing backend (set before that) holds the store. The maps are opened
   * under the names mongo-java-server 1.47 uses ({@code databases.<ns>}, {@code meta.<ns>}),
   * so existing data files open unchanged.
   */
  private final class IdNarrowingDatabase extends H2Database {

    IdNarrowingDatabase(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String namespace = getFullCollectionNamespace(collectionName);
      MVStore store = getMvStore();
      return new IdNarrowingCollection(this, collectionName, options,
          store.openMap("databases." + namespace), store.openMap("meta." + namespace), cursorRegistry,
          new ScanStats());
    }

    /**
     * A real index in a map of the same file ({@code <ns>._index_<name>}, the name the
     * unique indexes use, so dropping the index or the database removes it). An index that
     * disagrees with its collection's size (a file written before indexes were kept, or by
     * an older version) is emptied here and rebuilt from the documents when it is added.
     */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
        List<IndexKey> keys, boolean sparse) {
      String namespace = getFullCollectionNamespace(collectionName);
      MVStore store = getMvStore();
      MVMap<String, Object> map = store.openMap(namespace + "._index_" + indexName,
          new MVMap.Builder<String, Object>().keyType(StringDataType.INSTANCE));
      SecondaryIndex index = new SecondaryIndex(map, indexName, keys, sparse);
      long documents = store.<Object, Document>openMap("databases." + namespace).sizeAsLong();
      long entries = index.getCount();
      boolean consistent = index.isMultikey() ? entries >= documents || documents == 0
          : sparse ? entries <= documents : entries == documents;
      if (!consistent) {
        if (entries > 0) {
          log.warn("index {} of {} has {} entries for {} documents: rebuilt", indexName, namespace, entries,
              documents);
        }
        index.clear();
      }
      return index;
    }
  }

  @Override
  public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
    if (command.equalsIgnoreCase("cxScanStats")) {
      return scanStats(databaseName);
    }
    if (command.equalsIgnoreCase("explain")) {
      return explain(databaseName, query);
    }
    if (command.equalsIgnoreCase("aggregate") && query.get("aggregate") instanceof String collection
        && query.get("pipeline") instanceof List<?> stages && !stages.isEmpty()
        && stages.get(0) instanceof Document first && first.size() == 1
        && first.get("$match") instanceof Document match) {
      IdNarrowingCollection.LEADING_MATCH.set(new IdNarrowingCollection.LeadingMatch(
          databaseName + "." + collection, match));
      try {
        return handleDurably(channel, databaseName, command, query);
      } finally {
        IdNarrowingCollection.LEADING_MATCH.remove();
      }
    }
    return handleDurably(channel, databaseName, command, query);
  }

  private Document handleDurably(Channel channel, String databaseName, String command, Document query) {
    if (!isWrite(command, query)) {
      return super.handleCommand(channel, databaseName, command, query);
    }
    Document reply;
    commitLock.readLock().lock();
    try {
      reply = super.handleCommand(channel, databaseName, command, query);
    } finally {
      commitLock.readLock().unlock();
    }
    committer.awaitDurable();
    return reply;
  }

  /** {@code {cxScanStats: 1}}: per collection of the database, what its reads examined so far. */
  private Document scanStats(String databaseName) {
    Document collections = new Document();
    if (listDatabaseNames().contains(databaseName)) {
      MongoDatabase database = resolveDatabase(databaseName);
      for (String name : collectionNames(databaseName)) {
        if (database.resolveCollection(name, false) instanceof IdNarrowingCollection c) {
          collections.put(name, c.stats().toDocument());
        }
      }
    }
    return new Document("collections", collections).append("ok", 1.0);
  }

  private List<String> collectionNames(String databaseName) {
    String prefix = "databases." + databaseName + ".";
    return getMvStore().getMapNames().stream()
        .filter(name -> name.startsWith(prefix))
        .map(name -> name.substring(prefix.length()))
        .filter(name -> !name.startsWith("system."))
        .toList();
  }

  /**
   * {@code explain} of a {@code find} or {@code count}: runs it and reports the plan and what
   * it examined, in the shape of MongoDB's {@code executionStats}.
   */
  private Document explain(String databaseName, Document command) {
    if (!(command.get("explain") instanceof Document inner)) {
      throw new IllegalArgumentException("explain needs a command document");
    }
    boolean isCount = inner.containsKey("count");
    String collectionName = String.valueOf(isCount ? inner.get("count") : inner.get("find"));
    if (!isCount && !inner.containsKey("find")) {
      throw new IllegalArgumentException("explain supports find and count");
    }
    Document filter = (Document) (isCount ? inner.getOrDefault("query", new Document())
        : inner.getOrDefault("filter", new Document()));
    Document sort = (Document) inner.get("sort");
    int skip = inner.get("skip") instanceof Number n ? n.intValue() : 0;
    int limit = inner.get("limit") instanceof Number n ? Math.abs(n.intValue()) : 0;
    ScanStats.Trace trace = ScanStats.startTrace();
    long returned = 0;
    try {
      de.bwaldvogel.mongo.MongoCollection<?> collection = listDatabaseNames().contains(databaseName)
          ? resolveDatabase(databaseName).resolveCollection(collectionName, false) : null;
      if (collection != null) {
        if (isCount) {
          returned = collection.count(filter, skip, limit);
        } else {
          Document selector = new Document("query", filter);
          if (sort != null) {
            selector.put("orderby", sort);
          }
          for (Document ignored : collection.handleQuery(selector, skip, limit)) {
            returned++;
          }
        }
      }
    } finally {
      ScanStats.endTrace();
    }
    Document plan = new Document("stage", trace.plan);
    return new Document("queryPlanner", new Document("namespace", databaseName + "." + collectionName)
        .append("winningPlan", plan))
        .append("executionStats", new Document("nReturned", returned)
            .append("totalDocsExamined", trace.docsExamined)
            .append("totalKeysExamined", trace.keysExamined)
            .append("collectionScan", trace.fullScan))
        .append("ok", 1.0);
  }

  static boolean isWrite(String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (WRITE_COMMANDS.contains(name)) {
      return true;
    }
    if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> stages) {
      return stages.stream().anyMatch(stage -> stage instanceof Document d
          && (d.containsKey("$merge") || d.containsKey("$out")));
    }
    return false;
  }

  @Override
  public void close() {
    committer.close();
    super.close();
  }
}
