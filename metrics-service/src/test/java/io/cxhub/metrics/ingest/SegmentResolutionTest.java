package io.cxhub.metrics.ingest;

import io.cxhub.metrics.rollup.IngestSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.metrics.MutableClock;
import io.cxhub.metrics.bucket.BucketKey;
import io.cxhub.metrics.bucket.InMemoryBuckets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SegmentResolutionTest {

  private static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
  private static final IngestSettings SETTINGS =
      new IngestSettings(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1), 1000);

  private final AtomicBoolean personaUp = new AtomicBoolean(true);
  /** persona-service as the client presents it: smb for c1, unassigned while down. */
  private final Segments segments = (tenantId, ids) -> {
    Map<String, String> result = new HashMap<>();
    ids.forEach(id -> result.put(id, personaUp.get() && id.equals("c1") ? "smb" : Segments.UNASSIGNED));
    return result;
  };
  private final InMemoryBuckets buckets = new InMemoryBuckets();
  private final InMemoryRecordedResponses ledger = new InMemoryRecordedResponses();
  private final RecordResponses record =
      new RecordResponses(ledger, buckets, segments, new MutableClock(T0), SETTINGS);

  private static RecordedResponse response(String id, String customer) {
    return new RecordedResponse(id, "s1", 1, "EMAIL", T0, List.of(new ScoredAnswer("q", "NPS", 9, 0, 10)), customer, "");
  }

  private long count(String segment) {
    var bucket = buckets.bucket(new BucketKey("t1", "s1", "q", LocalDate.of(2025, 3, 14), "EMAIL", "", "", segment));
    return bucket == null ? 0 : bucket.count;
  }

  @Test
  void aRetryKeepsTheSegmentTheResponseWasFirstRecordedWith() {
    personaUp.set(false);
    ledger.insertIfAbsent("t1", List.of(response("r1", "c1").withSegment(Segments.UNASSIGNED)), T0); // crashed here
    personaUp.set(true);

    record.record("t1", List.of(response("r1", "c1"), response("r2", "c1"), response("r3", "")));

    assertThat(ledger.entry("t1", "r1").response().segment()).isEqualTo(Segments.UNASSIGNED);
    assertThat(ledger.entry("t1", "r2").response().segment()).isEqualTo("smb");
    assertThat(count(Segments.UNASSIGNED)).isEqualTo(1);
    assertThat(count("smb")).isEqualTo(1);
    assertThat(count("")).isEqualTo(1); // anonymous
    assertThat(new RecountBuckets(ledger, buckets).recount("t1", false).differences()).isEmpty();
  }

  @Test
  void withoutPersonaServiceKnownCustomersAreUnassigned() {
    var none = new RecordResponses(ledger, buckets, Segments.NONE, new MutableClock(T0), SETTINGS);
    none.record("t1", List.of(response("r1", "c1")));
    assertThat(count(Segments.UNASSIGNED)).isEqualTo(1);
    assertThat(Segments.NONE.resolve("t1", Set.of("a", "b"))).containsOnlyKeys("a", "b");
  }
}
