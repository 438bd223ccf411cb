package io.cxhub.embedded;

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
 * told had succeeded (see STACK.md for the measurement).
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
