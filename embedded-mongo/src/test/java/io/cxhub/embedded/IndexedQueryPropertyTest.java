package io.cxhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secondary indexes never change an answer: thousands of random filters, sorts, skips and
 * limits, counts, updates and deletes give the same results on an indexed collection as on
 * an unindexed copy (a full scan), before and after a restart.
 */
class IndexedQueryPropertyTest {

  @TempDir
  Path dir;

  @Test
  void indexedAnswersEqualScannedAnswersBeforeAndAfterRestart() {
    RandomQueries random = new RandomQueries(20261202L);
    int nextId = 0;
    try (var mongo = EmbeddedMongo.startOnFreePort(dir);
        MongoClient client = MongoClients.create(mongo.connectionString("p"))) {
      MongoCollection<Document> indexed = client.getDatabase("p").getCollection("indexed");
      MongoCollection<Document> plain = client.getDatabase("p").getCollection("plain");
      List<Document> docs = new ArrayList<>();
      for (; nextId < 1000; nextId++) {
        docs.add(random.document(nextId));
      }
      indexed.insertMany(docs.stream().map(Document::new).toList());
      plain.insertMany(docs.stream().map(Document::new).toList());
      RandomQueries.createIndexes(indexed); // built over existing documents
      for (; nextId < 1500; nextId++) {
        Document d = random.document(nextId);
        indexed.insertOne(new Document(d)); // maintained on insert
        plain.insertOne(new Document(d));
      }
      random.compare(indexed, plain, 1000);
      for (int i = 0; i < 300; i++) {
        random.mutate(indexed, plain, nextId++);
      }
      random.compare(indexed, plain, 1000);
    }
    try (var mongo = EmbeddedMongo.startOnFreePort(dir);
        MongoClient client = MongoClients.create(mongo.connectionString("p"))) {
      MongoCollection<Document> indexed = client.getDatabase("p").getCollection("indexed");
      MongoCollection<Document> plain = client.getDatabase("p").getCollection("plain");
      assertThat(indexed.listIndexes().into(new ArrayList<>())).hasSize(7);
      random.compare(indexed, plain, 1000);
    }
  }

  @Test
  void explainShowsIndexedReadsExamineOnlyTheirResults() {
    try (var mongo = EmbeddedMongo.startOnFreePort(dir);
        MongoClient client = MongoClients.create(mongo.connectionString("p"))) {
      MongoCollection<Document> c = client.getDatabase("p").getCollection("responses");
      List<Document> docs = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        docs.add(new Document("_id", i).append("tenantId", "t" + (i % 5)).append("surveyId", "s" + (i % 3))
            .append("at", i).append("score", i % 11));
      }
      c.insertMany(docs);
      c.createIndex(new Document("tenantId", 1).append("surveyId", 1).append("at", -1));

      Document sorted = c.find(new Document("tenantId", "t1").append("surveyId", "s2"))
          .sort(new Document("at", -1).append("_id", -1)).limit(20).explain();
      assertThat(stats(sorted).getLong("totalDocsExamined")).isEqualTo(20L);
      assertThat(stats(sorted).getBoolean("collectionScan")).isFalse();

      Document range = c.find(new Document("tenantId", "t1").append("surveyId", "s2")
          .append("at", new Document("$lt", 3000).append("$gte", 1500))).explain();
      long expected = c.countDocuments(new Document("tenantId", "t1").append("surveyId", "s2")
          .append("at", new Document("$lt", 3000).append("$gte", 1500)));
      assertThat(stats(range).getLong("totalDocsExamined")).isEqualTo(expected);

      Document filtered = c.find(new Document("tenantId", "t1").append("surveyId", "s2")
          .append("score", 3)).sort(new Document("at", -1)).limit(10).explain();
      assertThat(stats(filtered).getLong("totalDocsExamined")).isLessThan(200L);

      Document scan = c.find(new Document("score", 3)).explain();
      assertThat(stats(scan).getBoolean("collectionScan")).isTrue();
    }
  }

  private static Document stats(Document explain) {
    return explain.get("executionStats", Document.class);
  }
}
