package io.cxhub.metrics.ingest;

import io.cxhub.metrics.rollup.IngestSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.metrics.MutableClock;
import io.cxhub.metrics.bucket.BucketIncrement;
import io.cxhub.metrics.bucket.BucketKey;
import io.cxhub.metrics.bucket.InMemoryBuckets;
import io.cxhub.metrics.ingest.RecountBuckets.RecountReport.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecountBucketsTest {

  private static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
  private static final IngestSettings SETTINGS =
      new IngestSettings(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1), 1000);

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryBuckets buckets = new InMemoryBuckets();
  private final InMemoryRecordedResponses ledger = new InMemoryRecordedResponses();
  private final RecordResponses record = new RecordResponses(ledger, buckets, clock, SETTINGS);
  private final LedgerSweeper sweeper = new LedgerSweeper(ledger, buckets, clock, SETTINGS);
  private final RecountBuckets recount = new RecountBuckets(ledger, buckets);

  private static RecordedResponse response(String id, int nps, int csat) {
    return new RecordedResponse(id, "s1", 1, "EMAIL", T0, List.of(
        new ScoredAnswer("q-nps", "NPS", nps, 0, 10), new ScoredAnswer("q-csat", "CSAT", csat, 1, 5)));
  }

  private static BucketKey key(String question) {
    return BucketKey.of("t1", "s1", question, DAY, "EMAIL");
  }

  @Test
  void duplicatesRetriesAndSweepsLeaveBucketsEqualToTheRecount() {
    var batch = new ArrayList<RecordedResponse>();
    for (int i = 0; i < 20; i++) {
      batch.add(response("r" + i, i % 11, 1 + i % 5));
    }
    record.record("t1", batch);
    record.record("t1", batch); // the relay crashed between send and mark: resends all
    record.record("t1", batch.subList(5, 15)); // and some again
    clock.advance(Duration.ofMinutes(10));
    sweeper.sweep(); // evidence released
    record.record("t1", batch.subList(0, 3)); // a very late duplicate

    var report = recount.recount("t1", false);

    assertThat(report.responses()).isEqualTo(20);
    assertThat(report.differences()).isEmpty();
    assertThat(report.matching()).isEqualTo(2);
    assertThat(buckets.bucket(key("q-nps")).count).isEqualTo(20);
  }

  @Test
  void reportsAndRepairsACorruptedBucket() {
    record.record("t1", List.of(response("r1", 9, 5), response("r2", 3, 4)));
    buckets.tamper(key("q-nps"), 2, 10); // as a double-counting bug would

    var report = recount.recount("t1", false);
    assertThat(report.differences()).singleElement().satisfies(d -> {
      assertThat(d.stored().count()).isEqualTo(4);
      assertThat(d.recounted().count()).isEqualTo(2);
      assertThat(d.outcome()).isEqualTo(Outcome.REPORTED);
    });
    assertThat(buckets.bucket(key("q-nps")).count).isEqualTo(4);

    var repaired = recount.recount("t1", true);
    assertThat(repaired.differences()).singleElement()
        .satisfies(d -> assertThat(d.outcome()).isEqualTo(Outcome.REPAIRED));
    var b = buckets.bucket(key("q-nps"));
    assertThat(b.count).isEqualTo(2);
    assertThat(b.sum).isEqualTo(12);
    assertThat(b.promoters).isEqualTo(1);
    assertThat(b.detractors).isEqualTo(1);
    assertThat(recount.recount("t1", false).differences()).isEmpty();
  }

  @Test
  void recreatesALostBucket() {
    record.record("t1", List.of(response("r1", 9, 5)));
    ledger.insertIfAbsent("t1", List.of(response("lost", 10, 5)), T0);
    ledger.markApplied("t1", List.of("lost"), T0); // applied, but its buckets vanished

    var other = new RecordedResponse("only-ledger", "s2", 1, "QR", T0, List.of(new ScoredAnswer("q", "CES", 6, 1, 7)));
    ledger.insertIfAbsent("t1", List.of(other), T0);
    ledger.markApplied("t1", List.of("only-ledger"), T0);

    var report = recount.recount("t1", true);

    assertThat(report.differences()).hasSize(3);
    var ces = buckets.bucket(BucketKey.of("t1", "s2", "q", DAY, "QR"));
    assertThat(ces.count).isEqualTo(1);
    assertThat(ces.scaleMax).isEqualTo(7);
    assertThat(recount.recount("t1", false).differences()).isEmpty();
  }

  @Test
  void skipsBucketsOfResponsesStillBeingApplied() {
    record.record("t1", List.of(response("r1", 9, 5)));
    ledger.insertIfAbsent("t1", List.of(response("half", 0, 1)), T0);
    buckets.applyOnce("t1", List.of(BucketIncrement.of(key("q-nps"), "NPS", "half", 0)));

    var report = recount.recount("t1", true);

    assertThat(report.inFlight()).isEqualTo(2);
    assertThat(report.differences()).isEmpty();
    assertThat(buckets.bucket(key("q-nps")).count).isEqualTo(2);
  }

  @Test
  void aRepairLosesToAConcurrentIncrement() {
    record.record("t1", List.of(response("r1", 9, 5)));
    buckets.tamper(key("q-nps"), 1, 9);
    var stale = buckets.snapshot("t1").stream().filter(t -> t.key().equals(key("q-nps"))).findFirst().orElseThrow();
    buckets.applyOnce("t1", List.of(BucketIncrement.of(key("q-nps"), "NPS", "r-new", 7)));

    assertThat(buckets.replaceIfUnchanged("t1", stale, stale.emptied())).isFalse();
    assertThat(buckets.bucket(key("q-nps")).count).isEqualTo(3);
  }
}
