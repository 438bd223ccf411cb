package io.cxhub.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore backend of mongo-java-server, changed so that a write command is on
 * disk before its reply leaves the server. As shipped, the store commits in the
 * background about once a second, so a {@code kill -9} loses writes that clients were
 * told had succeeded (see STACK.md for the measurement). Its collections also find
 * documents by {@code _id} for filters that add conditions to the {@code _id} (see
 * {@link IdNarrowingH2Database}).
 */
final class DurableH2Backend extends H2Backend {

  private static final Set<String> WRITE_COMMANDS = Set.of(
      "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes",
      "drop", "dropdatabase", "create", "renamecollection");

  private final GroupCommitter committer;

  DurableH2Backend(MVStore store) {
    super(store);
    this.committer = new GroupCommitter(store);
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
          store.openMap("databases." + namespace), store.openMap("meta." + namespace), cursorRegistry);
    }
  }

  @Override
  public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
    Document reply = super.handleCommand(channel, databaseName, command, query);
    if (isWrite(command, query)) {
      committer.awaitDurable();
    }
    return reply;
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
