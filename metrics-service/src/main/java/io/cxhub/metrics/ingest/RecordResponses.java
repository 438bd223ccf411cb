package io.cxhub.metrics.ingest;

import io.cxhub.metrics.rollup.IngestSettings;
import io.cxhub.kit.error.Violations;
import io.cxhub.metrics.bucket.Buckets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records a batch of responses relayed by survey-service, applying each response id to the
 * buckets at most once, whatever the retries, crashes and concurrent duplicates — without
 * multi-document transactions.
 *
 * <p>The protocol, per response (each step is a single-document atomic write, batched):
 * <ol>
 *   <li><b>Ledger.</b> Upsert the raw response into the ledger with {@code $setOnInsert}
 *       (key {@code tenantId:responseId}), state APPLYING. A copy already there wins, so a
 *       response is recorded with the content first received.
 *   <li><b>Buckets.</b> For each scored answer, in ONE conditional update of its bucket:
 *       {@code updateOne({_id: bucket, pending: {$ne: responseId}}, {$inc: counters,
 *       $push: {pending: responseId}})}. The counters and the evidence ("pending" holds this
 *       response id) change together, so an increment that already happened does not match
 *       again. Missing buckets are created first by an idempotent {@code $setOnInsert} upsert.
 *   <li><b>Mark.</b> Set the ledger entry APPLIED. Only now is the id acknowledged.
 *   <li><b>Release</b> (later, by {@link LedgerSweeper}). {@code $pull} the id from the
 *       buckets' evidence and mark the entry SETTLED.
 * </ol>
 *
 * <p>Why at most once: a response enters a bucket only through step 2, which is a no-op while
 * the bucket holds its id. After step 3 no new application starts (step 1 reads APPLIED and
 * the response is reported as a duplicate). The only danger is an application that read
 * APPLYING before step 3 and reaches step 2 after step 4 removed the evidence. That is why
 * step 4 is deferred by {@code evidenceGrace} (minutes) after step 3, while every
 * application refuses to start step 2 once it has been running for {@code maxApplyDuration}
 * (seconds): a late duplicate of a slow retry finds the evidence still in place. (The
 * suggested design pulls the evidence right after step 3; with a client deadline and
 * retries, two deliveries of one batch can overlap, and then an immediate pull would let
 * the second one count the response again.)
 *
 * <p>Why at least once: a crash after step 1 or 2 leaves the entry APPLYING and the id
 * unacknowledged, so survey-service resends it and step 2 completes what is missing (buckets
 * that already have the evidence are skipped); if no resend comes, the sweeper completes it.
 */
public final class RecordResponses {

  public static final int MAX_BATCH = 500;
  static final int MAX_ID = 128;
  static final Set<String> KINDS = Set.of("NPS", "CSAT", "CES", "RATING");

  private final RecordedResponses ledger;
  private final ResponseApplier applier;
  private final Segments segments;
  private final Clock clock;

  public RecordResponses(RecordedResponses ledger, Buckets buckets, Clock clock, IngestSettings settings) {
    this(ledger, buckets, Segments.NONE, clock, settings);
  }

  public RecordResponses(
      RecordedResponses ledger, Buckets buckets, Segments segments, Clock clock, IngestSettings settings) {
    this.ledger = ledger;
    this.applier = new ResponseApplier(buckets, ledger, clock, settings);
    this.segments = segments;
    this.clock = clock;
  }

  public RecordOutcome record(String tenantId, List<RecordedResponse> batch) {
    validate(batch);
    Instant started = clock.instant();
    var unique = new LinkedHashMap<String, RecordedResponse>();
    batch.forEach(r -> unique.putIfAbsent(r.responseId(), r));
    if (unique.isEmpty()) {
      return new RecordOutcome(List.of(), 0, 0);
    }
    ledger.registerTenant(tenantId);
    ledger.insertIfAbsent(tenantId, withSegments(tenantId, unique.values()), started);
    Map<String, LedgerEntry> stored = ledger.find(tenantId, unique.keySet());

    var applying = new ArrayList<LedgerEntry>();
    int duplicates = 0;
    for (String id : unique.keySet()) {
      LedgerEntry entry = stored.get(id);
      if (entry == null) {
        throw new IllegalStateException("ledger entry " + id + " missing right after its upsert");
      }
      if (entry.state().isApplied()) {
        duplicates++;
      } else {
        applying.add(entry);
      }
    }
    applier.apply(tenantId, applying, started);
    return new RecordOutcome(List.copyOf(unique.keySet()), applying.size(), duplicates);
  }

  /**
   * Each response with its respondent's segment, resolved before the first ledger write so
   * that the segment is stored with the response (the first copy wins, so a retry never
   * moves a response to another segment's bucket).
   */
  private List<RecordedResponse> withSegments(String tenantId, java.util.Collection<RecordedResponse> responses) {
    var customers = new java.util.HashSet<String>();
    responses.forEach(r -> {
      if (!r.customerId().isEmpty()) {
        customers.add(r.customerId());
      }
    });
    Map<String, String> resolved = customers.isEmpty() ? Map.of() : segments.resolve(tenantId, customers);
    return responses.stream()
        .map(r -> r.customerId().isEmpty() ? r.withSegment("")
            : r.withSegment(resolved.getOrDefault(r.customerId(), Segments.UNASSIGNED)))
        .toList();
  }

  private static void validate(List<RecordedResponse> batch) {
    var violations = new Violations();
    if (batch.size() > MAX_BATCH) {
      violations.add("responses", "must contain at most " + MAX_BATCH + " responses");
      violations.throwIfAny();
    }
    for (int i = 0; i < batch.size(); i++) {
      String path = "responses[" + i + "]";
      RecordedResponse r = batch.get(i);
      violations.requireText(path + ".response_id", r.responseId(), MAX_ID);
      violations.requireText(path + ".survey_id", r.surveyId(), MAX_ID);
      violations.check(r.submitTime() != null, path + ".submit_time", "is required");
      violations.maxLength(path + ".customer_id", r.customerId(), MAX_ID);
      Map<String, Integer> seen = new HashMap<>();
      for (int j = 0; j < r.answers().size(); j++) {
        validateAnswer(r.answers().get(j), path + ".answers[" + j + "]", j, seen, violations);
      }
    }
    violations.throwIfAny();
  }

  private static void validateAnswer(
      ScoredAnswer a, String path, int index, Map<String, Integer> seen, Violations violations) {
    violations.requireText(path + ".question_id", a.questionId(), MAX_ID);
    if (a.questionId() != null && !a.questionId().isEmpty()) {
      Integer earlier = seen.putIfAbsent(a.questionId(), index);
      if (earlier != null) {
        violations.add(path + ".question_id", "answers the same question as answers[" + earlier + "]");
      }
    }
    if (!KINDS.contains(a.kind())) {
      violations.add(path + ".kind", "must be one of " + KINDS);
      return;
    }
    if ("NPS".equals(a.kind()) && (a.scaleMin() != 0 || a.scaleMax() != 10)) {
      violations.add(path + ".scale_max", "NPS answers are on the 0 to 10 scale");
      return;
    }
    if (a.scaleMin() < 0 || a.scaleMax() > 10 || a.scaleMin() >= a.scaleMax()) {
      violations.add(path + ".scale_max", "the scale must lie within 0 to 10, lowest below highest");
      return;
    }
    if (a.score() < a.scaleMin() || a.score() > a.scaleMax()) {
      violations.add(path + ".score", "must be between " + a.scaleMin() + " and " + a.scaleMax());
    }
  }
}
