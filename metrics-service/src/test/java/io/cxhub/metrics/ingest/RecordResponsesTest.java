package io.cxhub.metrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.InMemoryScores;
import io.cxhub.metrics.rollup.Cube;
import io.cxhub.metrics.rollup.CubeId;
import io.cxhub.metrics.rollup.Period;
import io.cxhub.metrics.rollup.RecountCubes;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.rollup.Tally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a relayed response adds to the score cubes, the profile it is counted under, and the
 * validation of batches. (The exactly-once protocol itself: ExactlyOnceAggregatorTest.)
 */
class RecordResponsesTest {

  private static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

  private final InMemoryScores scores = new InMemoryScores();
  private final AtomicBoolean personaUp = new AtomicBoolean(true);
  /** persona-service as the client presents it: c1 is smb / p-busy, unassigned while down. */
  private final Segments segments = (tenantId, ids) -> {
    Map<String, Profile> result = new HashMap<>();
    ids.forEach(id -> result.put(id,
        personaUp.get() && id.equals("c1") ? Profile.of("smb", "p-busy", "loyal") : Profile.UNASSIGNED));
    return result;
  };
  private final RecordResponses record = new RecordResponses(scores.aggregator, segments);

  static RecordedResponse response(String id, int nps, int csat) {
    return new RecordedResponse(id, "s1", 1, "LINK", T0, List.of(
        new ScoredAnswer("q1", AnswerKind.NPS, nps, 0, 10), new ScoredAnswer("q2", AnswerKind.CSAT, csat, 1, 5)));
  }

  static RecordedResponse fromCustomer(String id, String customer) {
    return new RecordedResponse(id, "s1", 1, "EMAIL", T0, List.of(new ScoredAnswer("q", AnswerKind.NPS, 9, 0, 10)), customer,
        "delivery", "tp-courier", null);
  }

  private Map<String, Cube.CellTally> cells(String kind, Period period) {
    var cube = scores.cubes.read("acme", List.of(new CubeId("acme", ResponseContributor.family(kind, "s1"), period)));
    return cube.isEmpty() ? Map.of() : cube.get(0).cells();
  }

  private Tally only(String kind, Period period) {
    var cells = cells(kind, period);
    assertThat(cells).hasSize(1);
    return cells.values().iterator().next().tally();
  }

  @Test
  void addsCountSumSquaresAndHistogramToTheDayAndMonthOfEachKind() {
    var outcome = record.record("acme", List.of(response("r1", 10, 5), response("r2", 7, 4), response("r3", 0, 1)));

    assertThat(outcome.recordedResponseIds()).containsExactly("r1", "r2", "r3");
    assertThat(outcome.applied()).isEqualTo(3);
    for (Period period : List.of(Period.day(DAY), Period.month(DAY))) {
      Tally nps = only("NPS", period);
      assertThat(nps.counters()).containsEntry("n", 3L).containsEntry("sum", 17L).containsEntry("sumSq", 149L);
      assertThat(nps.histogram("v")).containsEntry(10, 1L).containsEntry(7, 1L).containsEntry(0, 1L);
      Tally csat = only("CSAT", period);
      assertThat(csat.counters()).containsEntry("n", 3L).containsEntry("sum", 10L);
    }
    var cell = cells("CSAT", Period.day(DAY)).values().iterator().next().cell();
    assertThat(cell.dims()).containsEntry("question", "q2").containsEntry("channel", "LINK")
        .containsEntry("scale", "1-5");
  }

  @Test
  void aResentBatchIsAcknowledgedButNotCountedAgain() {
    record.record("acme", List.of(response("r1", 10, 5)));
    var again = record.record("acme", List.of(response("r1", 10, 5)));

    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(only("NPS", Period.month(DAY)).counter("n")).isEqualTo(1);
  }

  @Test
  void respondentsAreCountedUnderTheirSegmentPersonaStageAndTouchpoint() {
    record.record("acme", List.of(fromCustomer("r1", "c1"), fromCustomer("r2", "c2"), fromCustomer("r3", "")));

    assertThat(cells("NPS", Period.day(DAY)).values()).extracting(c -> c.cell().dims())
        .allSatisfy(d -> assertThat(d).containsEntry("stage", "delivery").containsEntry("touchpoint", "tp-courier"))
        .extracting(d -> d.getOrDefault("segment", "") + "/" + d.getOrDefault("persona", ""))
        .containsExactlyInAnyOrder("smb/p-busy", "unassigned/unassigned", "/");
  }

  @Test
  void aRetryKeepsTheProfileTheResponseWasFirstRecordedWith() {
    personaUp.set(false);
    record.record("acme", List.of(fromCustomer("r1", "c1")));
    personaUp.set(true);
    record.record("acme", List.of(fromCustomer("r1", "c1"), fromCustomer("r2", "c1")));

    assertThat(scores.ledger.find("acme", List.of("r1")).get("r1").item().profile()).isEqualTo(Profile.UNASSIGNED);
    assertThat(scores.ledger.find("acme", List.of("r2")).get("r2").item().profile())
        .isEqualTo(Profile.of("smb", "p-busy", "loyal"));
    var recount = new RecountCubes(List.of(scores.aggregator), scores.cubes, TenantZones.UTC).recount("acme", false);
    assertThat(recount.differences()).isEmpty();
  }

  @Test
  void withoutPersonaServiceKnownCustomersAreUnassigned() {
    assertThat(Segments.NONE.resolve("t1", Set.of("a", "b")))
        .containsEntry("a", Profile.UNASSIGNED).containsEntry("b", Profile.UNASSIGNED);
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
        batch.add(response("r" + i, 9, 4));
      }
      assertThat(violatedFields(batch)).containsExactly("responses");
      assertThat(violatedFields(batch.subList(0, 500))).isEmpty();
    }

    @Test
    void namesEveryBadFieldAndRecordsNothing() {
      var bad = new RecordedResponse("", "", 1, "LINK", null, List.of(
          new ScoredAnswer("q1", AnswerKind.NPS, 11, 0, 10),
          new ScoredAnswer("q1", AnswerKind.CSAT, 3, 1, 5),
          new ScoredAnswer("q3", null, 1, 0, 0),
          new ScoredAnswer("q4", AnswerKind.NPS, 5, 1, 5),
          new ScoredAnswer("", AnswerKind.RATING, 3, 1, 0)));
      assertThat(violatedFields(List.of(response("ok", 9, 4), bad))).containsExactly(
          "responses[1].response_id",
          "responses[1].survey_id",
          "responses[1].submit_time",
          "responses[1].answers[0].score",
          "responses[1].answers[1].question_id",
          "responses[1].answers[2].kind",
          "responses[1].answers[3].scale_max",
          "responses[1].answers[4].question_id",
          "responses[1].answers[4].scale_max");
      assertThat(scores.ledger.size()).isZero();
    }

    @Test
    void anEmptyBatchRecordsNothing() {
      assertThat(record.record("acme", List.of()).recordedResponseIds()).isEmpty();
    }
  }
}
