package io.cxhub.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.cxhub.gateway.testing.TestMongo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rate limiter's hot path on MongoDB reads only its own bucket: the read and the
 * compare-and-set write go by {@code _id}, and the sweep of idle buckets reads only the
 * expired ones through the {@code expiresAt} index. The embedded server counts what each
 * query examined ({@code cxScanStats}); a full scan fails the test.
 */
class BucketQueriesExamineOnlyTheirResultIT {

  private static final int BUCKETS = 3_000;
  private static final int EXPIRED = 40;
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  @TempDir
  static Path dataDir;

  static TestMongo mongo;
  static MongoDatabase database;
  static MongoBucketStates states;

  @BeforeAll
  static void load() {
    mongo = TestMongo.start(dataDir);
    database = mongo.database("cx_gateway_hot");
    states = new MongoBucketStates(database);
    for (int i = 0; i < BUCKETS; i++) {
      // the first EXPIRED buckets went idle before NOW, the others expire after it
      Instant expires = i < EXPIRED ? NOW.minusSeconds(i + 1) : NOW.plus(Duration.ofMinutes(i));
      states.insert("key-" + i, new byte[] {(byte) i}, expires);
    }
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  @Test
  void readingAndWritingABucketExamineOneDocument() {
    var read = examined(() -> states.read("key-2500"));
    assertThat(read.result()).isPresent();
    assertThat(read.docs()).as(read.plan()).isLessThanOrEqualTo(1);
    long version = read.result().orElseThrow().version();
    var write = examined(() -> states.replace("key-2500", version, new byte[] {7}, NOW.plusSeconds(3600)));
    assertThat(write.result()).isTrue();
    assertThat(write.docs()).as(write.plan()).isLessThanOrEqualTo(1);
    var missing = examined(() -> states.read("never-seen"));
    assertThat(missing.result()).isEmpty();
    assertThat(missing.docs()).as(missing.plan()).isZero();
  }

  @Test
  void sweepingIdleBucketsExaminesOnlyTheExpiredOnes() {
    var swept = examined(() -> states.deleteExpired(NOW));
    assertThat(swept.result()).isEqualTo(EXPIRED);
    assertThat(swept.docs()).as(swept.plan()).isLessThanOrEqualTo(EXPIRED);
    var nothing = examined(() -> states.deleteExpired(NOW));
    assertThat(nothing.result()).isZero();
    assertThat(nothing.docs()).as(nothing.plan()).isZero();
  }

  private record Cost<T>(T result, long docs, String plan) {
  }

  private static <T> Cost<T> examined(Supplier<T> query) {
    Document before = stats();
    T result = query.get();
    Document after = stats();
    assertThat(after.getLong("fullScans")).as("full scans of the buckets (last plan: %s)", after.getString("lastPlan"))
        .isEqualTo(before.getLong("fullScans"));
    return new Cost<>(result, after.getLong("docsExamined") - before.getLong("docsExamined"),
        after.getString("lastPlan"));
  }

  private static Document stats() {
    Document collections = database.runCommand(new Document("cxScanStats", 1)).get("collections", Document.class);
    return collections.get("rate_limit_buckets", Document.class);
  }
}
