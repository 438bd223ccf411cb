package io.cxhub.survey.followup.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cxhub.kit.paging.PageRequest;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.survey.followup.CaseFilter;
import io.cxhub.survey.followup.CaseStatus;
import io.cxhub.survey.followup.FollowUpCase;
import io.cxhub.kit.domain.NpsCategory;
import io.cxhub.survey.followup.Playbooks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The case queries (breach filter, version check) against the embedded MongoDB over a socket. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoFollowUpCasesIT {

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private MongoClient client;
  private MongoFollowUpCases cases;

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    client = MongoClients.create(mongo.connectionString("cx_survey"));
    cases = new MongoFollowUpCases(client.getDatabase("cx_survey"));
  }

  @AfterAll
  void stop() {
    client.close();
    mongo.close();
  }

  private static FollowUpCase open(String tenant, String id, Duration firstContact, Instant firstContactAt,
      boolean firstContactLate) {
    return FollowUpCase.builder().tenantId(tenant).caseId(id).ruleId("rule").responseId("resp").surveyId("s1")
        .category(NpsCategory.DETRACTOR).title("t")
        .status(firstContactAt == null ? CaseStatus.OPEN : CaseStatus.CONTACTED).team("care")
        .playbook(Playbooks.forCategory(NpsCategory.DETRACTOR))
        .createdAt(T0).firstContactDue(T0.plus(firstContact)).resolutionDue(T0.plus(Duration.ofDays(3)))
        .firstContactAt(firstContactAt).firstContactLate(firstContactLate)
        .build();
  }

  private List<String> breached(String tenant, Instant now) {
    return cases.list(tenant, new CaseFilter(null, null, null, null, true, null), new PageRequest(10, null), now)
        .stream().map(FollowUpCase::caseId).sorted().toList();
  }

  @Test
  void breachFilterFollowsDueTimesAndLateFlags() {
    String tenant = "t-breach";
    cases.insertIfAbsent(open(tenant, "due-in-1h", Duration.ofHours(1), null, false));
    cases.insertIfAbsent(open(tenant, "due-in-5h", Duration.ofHours(5), null, false));
    cases.insertIfAbsent(open(tenant, "contacted-in-time", Duration.ofHours(1), T0.plusSeconds(60), false));
    cases.insertIfAbsent(open(tenant, "contacted-late", Duration.ofHours(1), T0.plus(Duration.ofHours(2)), true));

    assertThat(breached(tenant, T0.plus(Duration.ofMinutes(30)))).containsExactly("contacted-late");
    assertThat(breached(tenant, T0.plus(Duration.ofHours(2)))).containsExactly("contacted-late", "due-in-1h");
    assertThat(breached(tenant, T0.plus(Duration.ofDays(4))))
        .as("resolution overdue for all").containsExactly("contacted-in-time", "contacted-late", "due-in-1h", "due-in-5h");
    assertThat(breached("t-other", T0.plus(Duration.ofDays(4)))).isEmpty();
  }

  @Test
  void replaceChecksTheVersionAndRoundTrips() {
    var c = open("t-version", "c1", Duration.ofHours(1), null, false);
    assertThat(cases.insertIfAbsent(c)).isTrue();
    assertThat(cases.insertIfAbsent(c)).isFalse();
    var stored = cases.find("t-version", "c1").orElseThrow();
    assertThat(stored).isEqualTo(c);
    var changed = c.toBuilder().status(CaseStatus.IN_PROGRESS).assignee("alice").rootCause("late")
        .firstContactAt(null).resolvedAt(null).firstContactLate(false).resolutionLate(false).version(2).build();
    assertThat(cases.replace(changed, 2)).as("stale version").isFalse();
    assertThat(cases.replace(changed, 1)).isTrue();
    assertThat(cases.find("t-version", "c1").orElseThrow()).isEqualTo(changed);
  }

  @Test
  void erasingADataSubjectBlanksTheCasesOnTheirResponsesOnly() {
    String tenant = "t-erase";
    var theirs = open(tenant, "theirs", Duration.ofHours(1), null, false).toBuilder().responseId("r-subject")
        .title("Detractor: parcel never arrived").rootCause("courier")
        .notes(List.of(new io.cxhub.survey.followup.CaseNote("agent", "Called ada@example.com", T0))).build();
    var others = open(tenant, "others", Duration.ofHours(1), null, false).toBuilder().responseId("r-other")
        .title("Detractor: slow").notes(List.of(new io.cxhub.survey.followup.CaseNote("agent", "Called bob", T0)))
        .build();
    cases.insertIfAbsent(theirs);
    cases.insertIfAbsent(others);
    var subject = new io.cxhub.kit.subject.SubjectHolding.Subject("ada", java.util.Set.of("r-subject"));

    assertThat(cases.export(tenant, subject)).singleElement().asString().contains("ada@example.com");
    assertThat(cases.erase(tenant, subject, "erased-1")).isEqualTo(1);
    assertThat(cases.erase(tenant, subject, "erased-2")).as("idempotent").isZero();

    var erased = cases.find(tenant, "theirs").orElseThrow();
    assertThat(erased.notes()).isEmpty();
    assertThat(erased.rootCause()).isNull();
    assertThat(erased.title()).doesNotContain("parcel");
    assertThat(erased.status()).isEqualTo(theirs.status());
    assertThat(cases.find(tenant, "others").orElseThrow().notes()).hasSize(1);
    assertThat(cases.export("t-other", subject)).isEmpty();
  }
}
