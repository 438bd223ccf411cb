package io.cxhub.metrics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.metrics.rollup.InMemoryLedger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerExperiencesTest {

  static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

  static RecordedResponse response(String id, String customer, Instant at, ScoredAnswer... answers) {
    return new RecordedResponse(id, "s1", 1, "EMAIL", at, List.of(answers), customer, "", "", Profile.NONE);
  }

  @Test
  void eachCustomersLatestNpsAndMeanRescaledEffortAndSatisfaction() {
    var ledger = new InMemoryLedger<RecordedResponse>();
    ledger.insertIfAbsent("t1", List.of(
        response("r1", "ada", T, new ScoredAnswer("nps", "NPS", 3, 0, 10), new ScoredAnswer("ces", "CES", 7, 1, 7)),
        response("r2", "ada", T.plusSeconds(60), new ScoredAnswer("nps", "NPS", 9, 0, 10),
            new ScoredAnswer("ces", "CES", 1, 1, 7), new ScoredAnswer("csat", "CSAT", 4, 1, 5)),
        response("r3", "", T, new ScoredAnswer("nps", "NPS", 0, 0, 10))), "app", T);

    var found = new CustomerExperiences(ledger).of("t1");

    assertThat(found).containsExactly(new CustomerExperiences.Experience("ada", 9, 0.5, 0.75, 2));
    assertThat(new CustomerExperiences(ledger).of("t2")).isEmpty();
  }
}
