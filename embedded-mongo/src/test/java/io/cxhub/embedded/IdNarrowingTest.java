package io.cxhub.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters that pin the {@code _id} next to other conditions give the scan's answers. */
class IdNarrowingTest {

  @TempDir
  Path dir;

  @Test
  void idWithOtherConditionsMatchesLikeAScan() {
    try (var mongo = EmbeddedMongo.startOnFreePort(dir);
        var client = MongoClients.create(mongo.connectionString("t"))) {
      var c = client.getDatabase("t").getCollection("c");
      for (int i = 0; i < 20; i++) {
        c.insertOne(new Document("_id", "d" + i).append("n", i).append("applied", List.of("a" + (i % 3))));
      }
      assertThat(c.find(and(eq("_id", "d4"), ne("applied", "a1"))).into(new ArrayList<>())).isEmpty();
      assertThat(c.find(and(eq("_id", "d4"), ne("applied", "a0"))).into(new ArrayList<>())).hasSize(1);
      assertThat(c.find(and(eq("_id", "d3"), ne("applied", "a0"))).into(new ArrayList<>())).isEmpty();
      assertThat(c.find(and(eq("_id", "missing"), ne("applied", "a0"))).into(new ArrayList<>())).isEmpty();
      assertThat(c.find(and(in("_id", "d1", "d2", "d3", "nope"), eq("n", 2))).into(new ArrayList<>()))
          .extracting(d -> d.getString("_id")).containsExactly("d2");

      // the conditional update of exactly-once counting: applies once, then no longer matches
      var first = c.updateOne(and(eq("_id", "d5"), ne("applied", "x")),
          Updates.combine(Updates.inc("n", 100), Updates.push("applied", "x")));
      var again = c.updateOne(and(eq("_id", "d5"), ne("applied", "x")),
          Updates.combine(Updates.inc("n", 100), Updates.push("applied", "x")));
      assertThat(first.getModifiedCount()).isEqualTo(1);
      assertThat(again.getMatchedCount()).isZero();
      assertThat(c.find(eq("_id", "d5")).first().getInteger("n")).isEqualTo(105);
    }
  }

  @Test
  void opensFilesWrittenByThePlainBackend() {
    Path file = dir.resolve("cx-hub.mv.db");
    var store = new MVStore.Builder().fileName(file.toString()).open();
    var server = new MongoServer(new H2Backend(store));
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    try (var client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
      client.getDatabase("t").getCollection("c").insertOne(new Document("_id", "kept").append("v", 1));
    } finally {
      server.shutdownNow();
      store.close();
    }
    try (var mongo = EmbeddedMongo.start(dir, "127.0.0.1", 0);
        var client = MongoClients.create(mongo.connectionString("t"))) {
      var c = client.getDatabase("t").getCollection("c");
      assertThat(c.find(and(eq("_id", "kept"), eq("v", 1))).first()).isNotNull();
      assertThat(c.countDocuments()).isEqualTo(1);
    }
  }

  @Test
  void onlyLiteralIdsPinTheDocument() {
    assertThat(IdNarrowingCollection.pinsValues("x")).isTrue();
    assertThat(IdNarrowingCollection.pinsValues(
        new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b")))).isTrue();
    assertThat(IdNarrowingCollection.pinsValues(
        new de.bwaldvogel.mongo.bson.Document("$gt", "a"))).isFalse();
    assertThat(IdNarrowingCollection.pinsValues(null)).isFalse();
  }
}
