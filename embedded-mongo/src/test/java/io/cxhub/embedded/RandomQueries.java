package io.cxhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Random documents, filters and sorts for the index property tests: every query is asked of
 * a collection with secondary indexes and of a copy without any (which the server answers by
 * scanning), and the answers must be the same.
 */
final class RandomQueries {

  static final String[] B = {"alpha", "beta", "gamma", "delta", "", "Zeta", "alpha\u0000x", "\u00e9t\u00e9"};
  static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

  private final Random random;

  RandomQueries(long seed) {
    this.random = new Random(seed);
  }

  /** The indexes the tests plan over: compound, descending, multikey, sparse, single-field. */
  static void createIndexes(MongoCollection<Document> c) {
    c.createIndex(Indexes.compoundIndex(Indexes.ascending("a"), Indexes.ascending("b")));
    c.createIndex(Indexes.compoundIndex(Indexes.ascending("b"), Indexes.descending("c")));
    c.createIndex(Indexes.ascending("d"));
    c.createIndex(Indexes.compoundIndex(Indexes.ascending("t"), Indexes.ascending("a")));
    c.createIndex(Indexes.compoundIndex(Indexes.ascending("g"), Indexes.ascending("c")));
    c.createIndex(Indexes.ascending("s"), new IndexOptions().sparse(true));
  }

  Document document(int id) {
    Document d = new Document("_id", id % 3 == 0 ? (Object) ("id" + id) : (Object) id);
    Object a = switch (random.nextInt(12)) {
      case 0 -> null;
      case 1 -> "a" + random.nextInt(3);
      case 2, 3 -> random.nextInt(10) + 0.5;
      default -> random.nextInt(10);
    };
    if (random.nextInt(15) != 0) {
      d.append("a", a);
    }
    if (random.nextInt(10) != 0) {
      d.append("b", B[random.nextInt(B.length)]);
    }
    d.append("c", java.util.Date.from(BASE.plusSeconds(random.nextInt(400) * 3600L)));
    if (random.nextInt(4) != 0) {
      d.append("d", random.nextGaussian() * 100);
    }
    if (random.nextInt(3) == 0) {
      List<String> tags = new ArrayList<>();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        tags.add("t" + random.nextInt(5));
      }
      d.append("t", tags);
    } else if (random.nextBoolean()) {
      d.append("t", "t" + random.nextInt(5));
    }
    d.append("g", "tenant" + random.nextInt(3));
    if (random.nextInt(5) == 0) {
      d.append("s", random.nextInt(4));
    }
    return d;
  }

  Object aValue() {
    return switch (random.nextInt(6)) {
      case 0 -> "a" + random.nextInt(3);
      case 1, 2 -> random.nextInt(10) + 0.5;
      default -> random.nextInt(11) - 1;
    };
  }

  Object valueOf(String field) {
    return switch (field) {
      case "a" -> aValue();
      case "b" -> B[random.nextInt(B.length)];
      case "c" -> java.util.Date.from(BASE.plusSeconds(random.nextInt(420) * 3600L - 3600));
      case "d" -> random.nextGaussian() * 100;
      case "t" -> "t" + random.nextInt(6);
      case "g" -> "tenant" + random.nextInt(4);
      case "s" -> random.nextInt(5);
      default -> random.nextInt(3000);
    };
  }

  Bson condition(String field) {
    String[] ops = {"$eq", "$in", "$gt", "$gte", "$lt", "$lte", "range", "null", "$exists", "$ne", "literal"};
    String op = ops[random.nextInt(ops.length)];
    return switch (op) {
      case "literal" -> new Document(field, valueOf(field));
      case "$in" -> {
        List<Object> values = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
          values.add(valueOf(field));
        }
        yield new Document(field, new Document("$in", values));
      }
      case "range" -> {
        Object x = valueOf(field);
        Object y = valueOf(field);
        yield new Document(field, new Document(random.nextBoolean() ? "$gt" : "$gte", x)
            .append(random.nextBoolean() ? "$lt" : "$lte", y));
      }
      case "null" -> new Document(field, null);
      case "$exists" -> new Document(field, new Document("$exists", random.nextBoolean()));
      default -> new Document(field, new Document(op, valueOf(field)));
    };
  }

  Document filter() {
    String[] fields = {"a", "b", "c", "d", "t", "g", "s", "_id"};
    List<Bson> parts = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      parts.add(condition(fields[random.nextInt(fields.length)]));
    }
    Document filter = new Document();
    if (parts.size() == 1) {
      filter.putAll((Document) parts.get(0));
    } else if (!parts.isEmpty()) {
      if (random.nextBoolean()) {
        filter.put("$and", parts);
      } else {
        for (Bson p : parts) {
          filter.putAll((Document) p); // a later condition on the same field replaces the earlier one
        }
      }
    }
    return filter;
  }

  /**
   * A sort ending in {@code _id}, so that the expected order is total. Not by the array field:
   * mongo-java-server's order of arrays against scalars is not transitive.
   */
  Document sort() {
    String[][] shapes = {{"a", "b"}, {"b", "c"}, {"c"}, {"d"}, {"g", "c"}, {"a"}, {"s"}};
    String[] shape = shapes[random.nextInt(shapes.length)];
    Document sort = new Document();
    int direction = random.nextBoolean() ? 1 : -1;
    for (String field : shape) {
      sort.append(field, random.nextInt(4) == 0 ? -direction : direction);
    }
    sort.append("_id", random.nextBoolean() ? direction : -direction);
    return sort;
  }

  /** Runs {@code cases} random finds and counts on both collections and compares the answers. */
  void compare(MongoCollection<Document> indexed, MongoCollection<Document> plain, int cases) {
    for (int i = 0; i < cases; i++) {
      compareOne(indexed, plain);
    }
  }

  private void compareOne(MongoCollection<Document> indexed, MongoCollection<Document> plain) {
    {
      Document filter = filter();
      String what = "filter " + filter.toJson();
      if (random.nextInt(3) == 0) {
        assertThat(indexed.countDocuments(filter)).as("count " + what).isEqualTo(plain.countDocuments(filter));
        return;
      }
      if (random.nextBoolean()) {
        assertThat(ids(indexed.find(filter))).as(what).isEqualTo(ids(plain.find(filter)));
        return;
      }
      Document sort = sort();
      int skip = random.nextInt(4) == 0 ? random.nextInt(30) : 0;
      int limit = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(40);
      what += " sort " + sort.toJson() + " skip " + skip + " limit " + limit;
      try {
        assertThat(idList(indexed.find(filter).sort(sort).skip(skip).limit(limit)))
            .as(what).isEqualTo(idList(plain.find(filter).sort(sort).skip(skip).limit(limit)));
      } catch (RuntimeException e) {
        throw new AssertionError(what, e);
      }
    }
  }

  /** Applies the same random update or delete to both collections. */
  void mutate(MongoCollection<Document> indexed, MongoCollection<Document> plain, int nextId) {
    switch (random.nextInt(4)) {
      case 0 -> {
        Document filter = filter();
        Document update = new Document("$set", new Document("a", aValue()).append("b", valueOf("b")));
        indexed.updateMany(filter, update);
        plain.updateMany(filter, update);
      }
      case 1 -> {
        Document filter = new Document("g", valueOf("g")).append("a", aValue());
        indexed.deleteMany(filter);
        plain.deleteMany(filter);
      }
      case 2 -> {
        Document filter = filter();
        Document update = new Document("$inc", new Document("d", 1)).append("$unset", new Document("s", ""));
        indexed.updateMany(filter, update); // not updateOne: which match it takes is unspecified
        plain.updateMany(filter, update);
      }
      default -> {
        Document d = document(nextId);
        indexed.insertOne(new Document(d));
        plain.insertOne(new Document(d));
      }
    }
  }

  static HashSet<Object> ids(Iterable<Document> documents) {
    return new HashSet<>(idList(documents));
  }

  static List<Object> idList(Iterable<Document> documents) {
    List<Object> ids = new ArrayList<>();
    for (Document d : documents) {
      ids.add(d.get("_id"));
    }
    return ids;
  }
}
