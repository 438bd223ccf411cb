package io.cxhub.metrics.ingest;

import io.cxhub.metrics.rollup.IngestSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.MutableClock;
import io.cxhub.metrics.bucket.BucketKey;
import io.cxhub.metrics.bucket.InMemoryBuckets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordResponsesTest {

  private static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
  private static final IngestSettings SETTINGS =
      new IngestSettings(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1), 1000);

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryBuckets buckets = new InMemoryBuckets();
  private final InMemoryRecordedResponses ledger = new InMemoryRecordedResponses();
  private final RecordResponses record = new RecordResponses(ledger, buckets, clock, SETTINGS);
  private final LedgerSweeper sweeper = new LedgerSweeper(ledger, buckets, clock, SETTINGS);

  static RecordedResponse response(String id, int nps) {
    return new RecordedResponse(id, "s1", 1, "LINK", T0, List.of(new ScoredAnswer("q1", "NPS", nps, 0, 10)));
  }

  static RecordedResponse response(String id, int nps, int csat) {
    return new RecordedResponse(id, "s1", 1, "LINK", T0, List.of(
        new ScoredAnswer("q1", "NPS", nps, 0, 10), new ScoredAnswer("q2", "CSAT", csat, 1, 5)));
  }

  private InMemoryBuckets.Bucket bucket(String question) {
    return buckets.bucket(BucketKey.of("acme", "s1", question, DAY, "LINK"));
  }

  @Nested
  class AtMostOnce {

    @Test
    void appliesANewBatch() {
      var outcome = record.record("acme", List.of(response("r1", 10), response("r2", 7), response("r3", 0)));

      assertThat(outcome.recordedResponseIds()).containsExactly("r1", "r2", "r3");
      assertThat(outcome.applied()).isEqualTo(3);
      assertThat(outcome.duplicates()).isZero();
      var b = bucket("q1");
      assertThat(b.count).isEqualTo(3);
      assertThat(b.sum).isEqualTo(17);
      assertThat(b.sumSq).isEqualTo(149);
      assertThat(b.hist).containsEntry(10, 1L).containsEntry(7, 1L).containsEntry(0, 1L);
      assertThat(List.of(b.promoters, b.passives, b.detractors)).containsExactly(1L, 1L, 1L);
      assertThat(ledger.entry("acme", "r1").state()).isEqualTo(LedgerState.APPLIED);
    }

    @Test
    void aResentBatchIsAcknowledgedButNotCountedAgain() {
      var batch = List.of(response("r1", 10), response("r2", 7));
      record.record("acme", batch);
      var again = record.record("acme", batch);

      assertThat(again.recordedResponseIds()).containsExactly("r1", "r2");
      assertThat(again.applied()).isZero();
      assertThat(again.duplicates()).isEqualTo(2);
      assertThat(bucket("q1").count).isEqualTo(2);
    }

    @Test
    void anIdTwiceInOneBatchCountsOnce() {
      var outcome = record.record("acme", List.of(response("r1", 10), response("r1", 10)));
      assertThat(outcome.recordedResponseIds()).containsExactly("r1");
      assertThat(bucket("q1").count).isEqualTo(1);
    }

    @Test
    void aCrashAfterTheBucketsIsCompletedWithoutDoubleCounting() {
      // first attempt: ledger written, every bucket incremented, then the process died
      var r = response("r1", 9, 4);
      ledger.insertIfAbsent("acme", List.of(r), T0);
      buckets.applyOnce("acme", Contributions.of("acme", r));

      var outcome = record.record("acme", List.of(r));

      assertThat(outcome.recordedResponseIds()).containsExactly("r1");
      assertThat(outcome.applied()).isEqualTo(1);
      assertThat(bucket("q1").count).isEqualTo(1);
      assertThat(bucket("q2").count).isEqualTo(1);
      assertThat(ledger.entry("acme", "r1").state()).isEqualTo(LedgerState.APPLIED);
    }

    @Test
    void aCrashHalfwayThroughTheBucketsIsCompleted() {
      var r = response("r1", 9, 4);
      ledger.insertIfAbsent("acme", List.of(r), T0);
      buckets.applyOnce("acme", Contributions.of("acme", r).subList(0, 1));

      record.record("acme", List.of(r));

      assertThat(bucket("q1").count).isEqualTo(1);
      assertThat(bucket("q2").count).isEqualTo(1);
      assertThat(bucket("q2").sum).isEqualTo(4);
    }

    @Test
    void theFirstCopyReceivedWins() {
      ledger.insertIfAbsent("acme", List.of(response("r1", 9)), T0);
      record.record("acme", List.of(response("r1", 2)));
      assertThat(bucket("q1").sum).isEqualTo(9);
    }

    @Test
    void tenantsDoNotShareResponseIds() {
      record.record("acme", List.of(response("r1", 9)));
      var other = record.record("globex", List.of(response("r1", 9)));
      assertThat(other.applied()).isEqualTo(1);
      assertThat(buckets.bucket(BucketKey.of("globex", "s1", "q1", DAY, "LINK")).count).isEqualTo(1);
      assertThat(bucket("q1").count).isEqualTo(1);
    }

    @Test
    void anApplicationThatRanTooLongTouchesNoBucket() {
      // the clock jumps past maxApplyDuration between the start and the bucket step
      var calls = new AtomicInteger();
      Clock slow = new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return calls.getAndIncrement() == 0 ? T0 : T0.plusSeconds(31);
        }
      };
      var slowRecord = new RecordResponses(ledger, buckets, slow, SETTINGS);

      assertThatThrownBy(() -> slowRecord.record("acme", List.of(response("r1", 9))))
          .isInstanceOf(DependencyUnavailableException.class);
      assertThat(buckets.totalCount()).isZero();
      assertThat(ledger.entry("acme", "r1").state()).isEqualTo(LedgerState.APPLYING);
    }
  }

  @Nested
  class Sweeping {

    @Test
    void completesAnAbandonedApplication() {
      var r = response("r1", 9, 4);
      ledger.registerTenant("acme");
      ledger.insertIfAbsent("acme", List.of(r), T0);
      buckets.applyOnce("acme", Contributions.of("acme", r).subList(0, 1));

      clock.advance(Duration.ofSeconds(30));
      sweeper.sweep();
      assertThat(ledger.entry("acme", "r1").state()).as("still within staleApplyingAfter").isEqualTo(LedgerState.APPLYING);

      clock.advance(Duration.ofMinutes(1));
      sweeper.sweep();
      assertThat(ledger.entry("acme", "r1").state()).isEqualTo(LedgerState.APPLIED);
      assertThat(bucket("q1").count).isEqualTo(1);
      assertThat(bucket("q2").count).isEqualTo(1);
    }

    @Test
    void releasesEvidenceOnlyAfterTheGracePeriod() {
      record.record("acme", List.of(response("r1", 9, 4)));
      assertThat(bucket("q1").pending).containsExactly("r1");

      clock.advance(Duration.ofMinutes(4));
      sweeper.sweep();
      assertThat(bucket("q1").pending).containsExactly("r1");
      assertThat(ledger.entry("acme", "r1").state()).isEqualTo(LedgerState.APPLIED);

      clock.advance(Duration.ofMinutes(2));
      sweeper.sweep();
      assertThat(bucket("q1").pending).isEmpty();
      assertThat(bucket("q2").pending).isEmpty();
      assertThat(ledger.entry("acme", "r1").state()).isEqualTo(LedgerState.SETTLED);
    }

    @Test
    void aSettledResponseSentAgainIsStillADuplicate() {
      record.record("acme", List.of(response("r1", 9)));
      clock.advance(Duration.ofMinutes(6));
      sweeper.sweep();

      var again = record.record("acme", List.of(response("r1", 9)));
      assertThat(again.duplicates()).isEqualTo(1);
      assertThat(again.recordedResponseIds()).containsExactly("r1");
      assertThat(bucket("q1").count).isEqualTo(1);
    }
  }

  @Nested
  class Validation {

    private List<String> violatedFields(List<RecordedResponse> batch) {
      try {
        record.record("acme", batch);
        return List.of();
      } catch (InvalidInputException e) {
        return e.violations().stream().map(FieldViolation::field).toList();
      }
    }

    @Test
    void atMost500Responses() {
      var batch = new ArrayList<RecordedResponse>();
      for (int i = 0; i < 501; i++) {
        batch.add(response("r" + i, 9));
      }
      assertThat(violatedFields(batch)).containsExactly("responses");
      assertThat(violatedFields(batch.subList(0, 500))).isEmpty();
    }

    @Test
    void namesEveryBadField() {
      var bad = new RecordedResponse("", "", 1, "LINK", null, List.of(
          new ScoredAnswer("q1", "NPS", 11, 0, 10),
          new ScoredAnswer("q1", "CSAT", 3, 1, 5),
          new ScoredAnswer("q3", "FREE_TEXT", 1, 0, 0),
          new ScoredAnswer("q4", "NPS", 5, 1, 5),
          new ScoredAnswer("", "RATING", 3, 1, 0)));
      assertThat(violatedFields(List.of(response("ok", 9), bad))).containsExactly(
          "responses[1].response_id",
          "responses[1].survey_id",
          "responses[1].submit_time",
          "responses[1].answers[0].score",
          "responses[1].answers[1].question_id",
          "responses[1].answers[2].kind",
          "responses[1].answers[3].scale_max",
          "responses[1].answers[4].question_id",
          "responses[1].answers[4].scale_max");
      assertThat(buckets.totalCount()).isZero();
    }

    @Test
    void anEmptyBatchRecordsNothing() {
      assertThat(record.record("acme", List.of()).recordedResponseIds()).isEmpty();
    }
  }
}
