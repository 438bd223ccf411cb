package io.cxhub.kit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.cxhub.kit.paging.NameKeyPosition;
import io.cxhub.kit.testing.TestMongo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The kit's storage helpers against the embedded MongoDB server, over the real driver. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoHelpersIT {

  @TempDir
  static Path dataDir;

  TestMongo mongo;
  MongoClient client;
  MongoDatabase database;

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    client = MongoClients.create(mongo.connectionString("cx_kit"));
    database = client.getDatabase("cx_kit");
  }

  @AfterAll
  void stop() {
    client.close();
    mongo.close();
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class KeysetByNameKey {

    MongoCollection<Document> collection;

    @BeforeAll
    void store() {
      collection = database.getCollection("named");
      for (String[] thing : new String[][] {
          {"b2", "bravo"}, {"a1", "alpha"}, {"d1", "delta"}, {"b1", "bravo"}, {"c1", "charlie"}}) {
        collection.insertOne(new Document("_id", thing[0]).append("tenantId", "acme").append("nameKey", thing[1]));
      }
      collection.insertOne(new Document("_id", "a0").append("tenantId", "globex").append("nameKey", "aardvark"));
    }

    @Test
    void pagesThroughOneTenantByNameKeyThenId() {
      var ids = new ArrayList<String>();
      NameKeyPosition after = null;
      List<Document> page;
      do {
        page = MongoKeyset.byNameKey(collection, "acme", after, 2, d -> d);
        page.forEach(d -> ids.add(d.getString("_id")));
        if (!page.isEmpty()) {
          var last = page.get(page.size() - 1);
          after = new NameKeyPosition(last.getString("nameKey"), last.getString("_id"));
        }
      } while (page.size() == 2);

      assertThat(ids).containsExactly("a1", "b1", "b2", "c1", "d1");
    }

    @Test
    void readsEachDocumentWithTheGivenFunction() {
      var names = MongoKeyset.byNameKey(collection, "acme", new NameKeyPosition("bravo", "b1"), 10,
          d -> d.getString("nameKey"));

      assertThat(names).containsExactly("bravo", "charlie", "delta");
    }
  }

  @Nested
  class BulkWritesThatRace {

    @Test
    void aDocumentSomeoneElseCreatedFirstIsNotAnError() {
      var collection = database.getCollection("raced");
      collection.insertOne(new Document("_id", "taken").append("by", "first"));
      List<WriteModel<Document>> writes = List.of(
          new InsertOneModel<>(new Document("_id", "taken").append("by", "second")),
          new InsertOneModel<>(new Document("_id", "free").append("by", "second")),
          new UpdateOneModel<>(Filters.eq("_id", "upserted"), Updates.setOnInsert("by", "second"),
              new UpdateOptions().upsert(true)));

      MongoBulk.writeIgnoringDuplicateKeys(collection, writes);

      assertThat(collection.find(Filters.eq("_id", "taken")).first().getString("by")).isEqualTo("first");
      assertThat(collection.find(Filters.eq("_id", "free")).first().getString("by")).isEqualTo("second");
      assertThat(collection.find(Filters.eq("_id", "upserted")).first().getString("by")).isEqualTo("second");
    }
  }

  @Nested
  class InsertIfAbsent {

    @Test
    void storesTheFirstDocumentAndKeepsItOnADuplicateId() {
      var collection = database.getCollection("once");

      assertThat(MongoInserts.insertIfAbsent(collection, new Document("_id", "acme:1").append("by", "first"))).isTrue();
      assertThat(MongoInserts.insertIfAbsent(collection, new Document("_id", "acme:1").append("by", "second"))).isFalse();

      assertThat(collection.find(Filters.eq("_id", "acme:1")).first().getString("by")).isEqualTo("first");
      assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void aTakenUniqueIndexKeyIsADuplicateToo() {
      var collection = database.getCollection("unique_names");
      collection.createIndex(Indexes.ascending("tenantId", "name"), new IndexOptions().unique(true));
      collection.insertOne(new Document("_id", "1").append("tenantId", "acme").append("name", "vip"));

      assertThat(MongoInserts.insertIfAbsent(collection,
          new Document("_id", "2").append("tenantId", "acme").append("name", "vip"))).isFalse();
      assertThat(MongoInserts.insertIfAbsent(collection,
          new Document("_id", "3").append("tenantId", "globex").append("name", "vip"))).isTrue();
    }
  }
}
