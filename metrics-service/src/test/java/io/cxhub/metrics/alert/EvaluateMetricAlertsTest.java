package io.cxhub.metrics.alert;

import static io.cxhub.metrics.alert.MetricAlertFixtures.npsBelow;
import static io.cxhub.metrics.alert.MetricAlertFixtures.npsConfidentlyBelow;
import static io.cxhub.metrics.alert.MetricAlertFixtures.npsDrop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.testing.MutableClock;
import io.cxhub.metrics.score.CompareScores;
import io.cxhub.metrics.score.Distribution;
import io.cxhub.metrics.score.GetScores;
import io.cxhub.metrics.score.ScoreBuckets;
import io.cxhub.metrics.score.ScoreKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The evaluator over the real score use cases (fed by in-memory buckets), a recording alert
 * sink and a clock the tests move. The window is 7 days: on 2026-03-14 it is 03-08..03-14 and
 * the previous window 03-01..03-07.
 */
class EvaluateMetricAlertsTest {

  private static final String T = "t1";
  private static final LocalDate TODAY = LocalDate.parse("2026-03-14");
  private static final LocalDate LAST_WEEK = LocalDate.parse("2026-03-04");
  private static final Duration RETRY = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T10:00:00Z"));
  private final FakeScoreBuckets buckets = new FakeScoreBuckets();
  private final InMemoryMetricAlertRules rules = new InMemoryMetricAlertRules();
  private final RecordingAlertSink sink = new RecordingAlertSink();
  private final GetScores getScores = new GetScores(buckets, io.cxhub.metrics.rollup.TenantZones.UTC);
  private final RuleEvaluator evaluator = new RuleEvaluator(getScores, new CompareScores(getScores));
  private final EvaluateMetricAlerts evaluate = new EvaluateMetricAlerts(rules, evaluator, sink, clock, RETRY);
  private final ManageMetricAlertRules manage = new ManageMetricAlertRules(rules, (tenant, ids) -> Set.of(), clock);

  private MetricAlertRule create(MetricAlertRule draft) {
    return manage.create(T, draft);
  }

  private Evaluation evaluateNow(MetricAlertRule rule) {
    var evaluations = evaluate.evaluateNow(T, List.of(rule.ruleId()));
    assertThat(evaluations).hasSize(1);
    return evaluations.get(0);
  }

  private MetricAlertRule stored(MetricAlertRule rule) {
    return rules.find(T, rule.ruleId()).orElseThrow();
  }

  /** 40 answers today on the delivery stage: NPS 0 (15 promoters, 10 passives, 15 detractors). */
  private void npsZeroToday() {
    buckets.npsMix(T, TODAY, "delivery", 15, 10, 15);
  }

  @Nested
  class Threshold {

    @Test
    void firesWhenTheValueIsBelowTheThresholdWithEnoughAnswers() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));

      var evaluation = evaluateNow(rule);

      assertThat(evaluation.outcome()).isEqualTo(Outcome.FIRED);
      assertThat(evaluation.observation().n()).isEqualTo(40);
      assertThat(evaluation.observation().value()).isEqualTo(0.0);
      assertThat(sink.recorded()).hasSize(1);
      var alert = sink.recorded().get(0);
      assertThat(alert.alertId()).isEqualTo("mr:" + rule.ruleId() + ":2026-03-14:1");
      assertThat(alert.title()).isEqualTo("NPS livraison: NPS 0.0 below 20 over the last 7 days (n=40)");
      assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(alert.surveyId()).isEqualTo("s1");
      assertThat(alert.stageId()).isEqualTo("delivery");
      assertThat(alert.openCase()).isTrue();
      var episode = stored(rule).state().latestEpisode();
      assertThat(episode.isDelivered()).isTrue();
      assertThat(episode.caseId()).isEqualTo("case-" + alert.alertId());
      assertThat(episode.isOpen()).isTrue();
    }

    @Test
    void countsOnlyTheWindowAndTheFilter() {
      buckets.npsMix(T, TODAY.minusDays(7), "delivery", 0, 0, 40); // the day before the window
      buckets.npsMix(T, TODAY, "checkout", 0, 0, 40); // another stage
      buckets.npsMix(T, TODAY.minusDays(6), "delivery", 40, 0, 0); // first day of the window
      var rule = create(npsBelow(20, 30));

      var evaluation = evaluateNow(rule);

      assertThat(evaluation.outcome()).isEqualTo(Outcome.NOT_BREACHED);
      assertThat(evaluation.observation().value()).isEqualTo(100.0);
      assertThat(evaluation.observation().window()).isEqualTo(
          new io.cxhub.metrics.nps.DayRange(LocalDate.parse("2026-03-08"), TODAY));
      assertThat(sink.calls()).isEmpty();
    }

    @Test
    void doesNotFireBelowTheMinimumSample() {
      buckets.npsMix(T, TODAY, "delivery", 0, 0, 29); // NPS −100, but n = 29
      var rule = create(npsBelow(20, 30));

      var evaluation = evaluateNow(rule);

      assertThat(evaluation.outcome()).isEqualTo(Outcome.INSUFFICIENT_SAMPLE);
      assertThat(evaluation.observation().n()).isEqualTo(29);
      assertThat(sink.calls()).isEmpty();
      assertThat(stored(rule).state().latestEpisode()).isNull();
    }

    /**
     * NPS 10 on 40 answers: below 20, but its adjusted-Wald interval reaches far above 20,
     * so a "confidently below" rule stays quiet while a plain one fires.
     */
    @Test
    void confidentlyBelowNeedsTheWholeIntervalBelow() {
      buckets.npsMix(T, TODAY, "delivery", 16, 12, 12);
      var plain = create(npsBelow(20, 30));
      var confident = create(npsConfidentlyBelow(20, 30));

      var plainEvaluation = evaluateNow(plain);
      var confidentEvaluation = evaluateNow(confident);

      assertThat(plainEvaluation.observation().value()).isEqualTo(10.0);
      assertThat(confidentEvaluation.observation().interval().high()).isGreaterThan(20);
      assertThat(plainEvaluation.outcome()).isEqualTo(Outcome.FIRED);
      assertThat(confidentEvaluation.outcome()).isEqualTo(Outcome.NOT_BREACHED);
    }

    /** NPS 0 on 400 answers: the interval's upper bound (about +7) is below 20. */
    @Test
    void confidentlyBelowFiresWhenTheUpperBoundIsBelow() {
      buckets.npsMix(T, TODAY, "delivery", 150, 100, 150);
      var confident = create(npsConfidentlyBelow(20, 30));

      var evaluation = evaluateNow(confident);

      assertThat(evaluation.observation().interval().high()).isLessThan(20);
      assertThat(evaluation.outcome()).isEqualTo(Outcome.FIRED);
      assertThat(sink.recorded().get(0).title()).contains("confidently below 20");
    }

    @Test
    void aboveFiresWhenTheValueIsAbove() {
      buckets.npsMix(T, TODAY, "delivery", 30, 10, 0); // NPS 75
      var rule = create(MetricAlertFixtures.draft("Too good to be true", MetricAlertFixtures.stage("delivery"),
          new AlertCondition.Threshold(AlertCondition.Direction.ABOVE, 70, false), 30));

      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.FIRED);
    }

    @Test
    void aFilterMixingScalesFailsWithTheReason() {
      var rule = create(MetricAlertFixtures.draft("CSAT", io.cxhub.metrics.score.ScoreFilter.all(),
          new AlertCondition.Threshold(AlertCondition.Direction.BELOW, 80, false), 1));
      rule = manage.update(T, rule.ruleId(), new MetricAlertRule(null, null, null, true, ScoreKind.CSAT, null, null,
          null, 0, 0, null, null, null, null, null, null, 0, null), List.of("metric"));
      buckets.add(T, ScoreKind.CSAT, new ScoreBuckets.ScoreBucket("s1", "q5", TODAY, "EMAIL", "", "", "", "", "",
          Distribution.ofScores(1, 5, 1, 2, 5)));
      buckets.add(T, ScoreKind.CSAT, new ScoreBuckets.ScoreBucket("s2", "q10", TODAY, "EMAIL", "", "", "", "", "",
          Distribution.ofScores(1, 10, 1, 2, 10)));

      var evaluation = evaluateNow(rule);

      assertThat(evaluation.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(evaluation.error()).contains("several scales").contains("1-5").contains("1-10");
      assertThat(stored(rule).state().lastError()).isEqualTo(evaluation.error());
      assertThat(sink.calls()).isEmpty();
    }
  }

  @Nested
  class SignificantDrop {

    /** 50/30/20 (NPS 30) last week, 35/30/35 (NPS 0) this week: p = 0.0098 (see CompareScoresTest). */
    @Test
    void firesOnASignificantDrop() {
      buckets.npsMix(T, LAST_WEEK, "delivery", 50, 30, 20);
      buckets.npsMix(T, TODAY, "delivery", 35, 30, 35);
      var rule = create(npsDrop(0.05, 30));

      var evaluation = evaluateNow(rule);

      assertThat(evaluation.outcome()).isEqualTo(Outcome.FIRED);
      var previous = evaluation.observation().previous();
      assertThat(previous.window()).isEqualTo(new io.cxhub.metrics.nps.DayRange(
          LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-07")));
      assertThat(previous.difference()).isEqualTo(-30.0);
      assertThat(previous.pValue()).isLessThan(0.01);
      assertThat(sink.recorded().get(0).title())
          .isEqualTo("Chute NPS livraison: NPS fell from 30.0 to 0.0 over the last 7 days (p=0.010, n=100)");
    }

    @Test
    void usesTheRulesAlpha() {
      buckets.npsMix(T, LAST_WEEK, "delivery", 50, 30, 20);
      buckets.npsMix(T, TODAY, "delivery", 35, 30, 35);
      var strict = create(npsDrop(0.005, 30)); // p = 0.0098 is not below 0.005

      assertThat(evaluateNow(strict).outcome()).isEqualTo(Outcome.NOT_BREACHED);
      assertThat(sink.calls()).isEmpty();
    }

    /** NPS 30 → 20 on 100 answers each: p ≈ 0.38, not a real change. */
    @Test
    void doesNotFireOnADropThatIsNotSignificant() {
      buckets.npsMix(T, LAST_WEEK, "delivery", 50, 30, 20);
      buckets.npsMix(T, TODAY, "delivery", 45, 30, 25);
      var rule = create(npsDrop(0.05, 30));

      var evaluation = evaluateNow(rule);

      assertThat(evaluation.outcome()).isEqualTo(Outcome.NOT_BREACHED);
      assertThat(evaluation.observation().previous().difference()).isEqualTo(-10.0);
      assertThat(evaluation.observation().previous().pValue()).isGreaterThan(0.05);
      assertThat(sink.calls()).isEmpty();
    }

    @Test
    void doesNotFireOnASignificantRise() {
      buckets.npsMix(T, LAST_WEEK, "delivery", 35, 30, 35);
      buckets.npsMix(T, TODAY, "delivery", 50, 30, 20);
      var rule = create(npsDrop(0.05, 30));

      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.NOT_BREACHED);
    }

    @Test
    void needsTheMinimumSampleInBothWindows() {
      buckets.npsMix(T, LAST_WEEK, "delivery", 20, 0, 0);
      buckets.npsMix(T, TODAY, "delivery", 0, 0, 100);
      var rule = create(npsDrop(0.05, 30));

      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.INSUFFICIENT_SAMPLE);
      assertThat(sink.calls()).isEmpty();
    }

    @Test
    void ignoresDropsSmallerThanMinDrop() {
      buckets.npsMix(T, LAST_WEEK, "delivery", 50, 30, 20);
      buckets.npsMix(T, TODAY, "delivery", 35, 30, 35);
      var rule = create(MetricAlertFixtures.draft("Big drops only", MetricAlertFixtures.stage("delivery"),
          new AlertCondition.SignificantDrop(0.05, 40), 30));

      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.NOT_BREACHED);
    }
  }

  @Nested
  class Episodes {

    @Test
    void aSecondEvaluationOfTheSameEpisodeDoesNotFireAgain() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));

      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.FIRED);
      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.ALREADY_FIRED);
      clock.advance(Duration.ofDays(1)); // a new window end day: still the same episode
      var nextDay = evaluateNow(rule);

      assertThat(nextDay.outcome()).isEqualTo(Outcome.ALREADY_FIRED);
      assertThat(nextDay.episode().alertId()).endsWith(":2026-03-14:1");
      assertThat(sink.calls()).hasSize(1);
    }

    @Test
    void aRestartedEvaluatorDoesNotFireAgain() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));
      evaluateNow(rule);

      var restarted = new EvaluateMetricAlerts(rules, evaluator, sink, clock, RETRY);
      var evaluation = restarted.evaluateNow(T, List.of(rule.ruleId())).get(0);

      assertThat(evaluation.outcome()).isEqualTo(Outcome.ALREADY_FIRED);
      assertThat(sink.calls()).hasSize(1);
    }

    @Test
    void firesAgainAfterRecoveryAndANewBreach() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));
      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.FIRED);

      clock.advance(Duration.ofDays(1));
      buckets.npsMix(T, TODAY.plusDays(1), "delivery", 40, 0, 0); // NPS of the window: 50
      var recovered = evaluateNow(rule);
      assertThat(recovered.outcome()).isEqualTo(Outcome.NOT_BREACHED);
      assertThat(recovered.episode().isOpen()).isFalse();

      clock.advance(Duration.ofDays(1));
      buckets.npsMix(T, TODAY.plusDays(2), "delivery", 0, 0, 120); // NPS of the window: −50
      var again = evaluateNow(rule);

      assertThat(again.outcome()).isEqualTo(Outcome.FIRED);
      assertThat(again.episode().number()).isEqualTo(2);
      assertThat(sink.recorded()).extracting(AlertSink.Alert::alertId).containsExactly(
          "mr:" + rule.ruleId() + ":2026-03-14:1", "mr:" + rule.ruleId() + ":2026-03-16:2");
    }

    @Test
    void recoveringAndBreachingAgainTheSameDayGetsANewAlertId() {
      var rule = create(npsBelow(20, 30));
      npsZeroToday();
      evaluateNow(rule);
      buckets.npsMix(T, TODAY, "delivery", 60, 0, 0);
      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.NOT_BREACHED);
      buckets.npsMix(T, TODAY, "delivery", 0, 0, 200);

      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.FIRED);
      assertThat(sink.recorded()).extracting(AlertSink.Alert::alertId).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void tooFewAnswersNeitherFiresNorEndsAnEpisode() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));
      evaluateNow(rule);

      clock.advance(Duration.ofDays(10)); // the window no longer holds any answer
      var quiet = evaluateNow(rule);

      assertThat(quiet.outcome()).isEqualTo(Outcome.INSUFFICIENT_SAMPLE);
      assertThat(stored(rule).state().latestEpisode().isOpen()).isTrue();
    }

    @Test
    void redefiningTheRuleEndsTheEpisodeSoTheNewDefinitionFiresOnItsOwn() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));
      evaluateNow(rule);

      var draft = npsBelow(10, 30);
      manage.update(T, rule.ruleId(), draft, List.of("threshold"));
      var evaluation = evaluateNow(rule);

      assertThat(evaluation.outcome()).isEqualTo(Outcome.FIRED);
      assertThat(evaluation.episode().number()).isEqualTo(2);
      assertThat(sink.recorded()).hasSize(2);
    }

    @Test
    void renamingTheRuleKeepsTheEpisode() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));
      evaluateNow(rule);

      manage.update(T, rule.ruleId(), MetricAlertFixtures.draft("Renamed", null, null, 0), List.of("name"));

      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.ALREADY_FIRED);
      assertThat(sink.calls()).hasSize(1);
    }
  }

  @Nested
  class SurveyServiceDown {

    @Test
    void theAlertStaysPendingAndIsSentLaterWithTheSameId() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));
      sink.mode(RecordingAlertSink.Mode.DOWN);

      var pending = evaluateNow(rule);

      assertThat(pending.outcome()).isEqualTo(Outcome.NOTIFICATION_PENDING);
      assertThat(pending.error()).contains("UNAVAILABLE");
      assertThat(pending.episode().isDelivered()).isFalse();
      var state = stored(rule).state();
      assertThat(state.nextEvaluationAt()).isEqualTo(clock.instant().plus(RETRY)); // not the rule's 60 minutes
      assertThat(state.latestEpisode().failedAttempts()).isEqualTo(1);

      clock.advance(Duration.ofDays(1)); // even on another day, the same alert id
      sink.mode(RecordingAlertSink.Mode.UP);
      var delivered = evaluateNow(rule);

      assertThat(delivered.outcome()).isEqualTo(Outcome.FIRED);
      assertThat(sink.calls()).extracting(AlertSink.Alert::alertId).containsOnly(pending.episode().alertId());
      assertThat(sink.recorded()).hasSize(1);
      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.ALREADY_FIRED);
      assertThat(sink.calls()).hasSize(2);
    }

    @Test
    void aPendingAlertIsDeliveredEvenIfTheValueRecoveredMeanwhile() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));
      sink.mode(RecordingAlertSink.Mode.DOWN);
      evaluateNow(rule);

      buckets.npsMix(T, TODAY, "delivery", 100, 0, 0);
      sink.mode(RecordingAlertSink.Mode.UP);
      var evaluation = evaluateNow(rule);

      assertThat(evaluation.outcome()).isEqualTo(Outcome.FIRED);
      assertThat(sink.recorded()).hasSize(1);
      assertThat(evaluation.episode().isOpen()).as("the episode ends once its alert is out").isFalse();
    }

    @Test
    void aRefusedAlertWaitsForTheRulesOwnIntervalAndKeepsTheReason() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));
      sink.mode(RecordingAlertSink.Mode.REJECTING);

      var evaluation = evaluateNow(rule);

      assertThat(evaluation.outcome()).isEqualTo(Outcome.NOTIFICATION_PENDING);
      assertThat(stored(rule).state().lastError()).contains("NOT_FOUND");
      assertThat(stored(rule).state().nextEvaluationAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)));
    }

    @Test
    void aCrashBetweenOpeningTheEpisodeAndSendingResendsTheSameAlertId() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));
      sink.mode(RecordingAlertSink.Mode.CRASHING);
      assertThatThrownBy(() -> evaluateNow(rule)).isInstanceOf(IllegalStateException.class);
      String stored = stored(rule).state().latestEpisode().alertId();

      clock.advance(Duration.ofDays(1));
      sink.mode(RecordingAlertSink.Mode.UP);
      evaluateNow(rule);

      assertThat(sink.recorded()).extracting(AlertSink.Alert::alertId).containsExactly(stored);
    }
  }

  @Nested
  class Concurrency {

    @Test
    void anEvaluationThatLosesTheRaceToOpenTheEpisodeSendsTheWinnersId() {
      npsZeroToday();
      var rule = create(npsBelow(20, 30));
      var other = new EvaluateMetricAlerts(rules, evaluator, sink, clock, RETRY);
      // another replica evaluates the same rule between our read and our first write
      rules.beforeNextSave(() -> other.evaluate(stored(rule)));

      evaluate.evaluate(stored(rule));

      assertThat(sink.recorded()).hasSize(1);
      assertThat(sink.calls()).extracting(AlertSink.Alert::alertId).containsOnly(sink.recorded().get(0).alertId());
      assertThat(stored(rule).state().episodes()).isEqualTo(1);
    }
  }

  @Nested
  class Worker {

    private final MetricAlertWorker worker = new MetricAlertWorker(rules, evaluate, clock, Duration.ofMinutes(1));

    @Test
    void evaluatesEachRuleWhenItIsDue() {
      npsZeroToday();
      create(npsBelow(20, 30));
      manage.create("t2", npsBelow(20, 30));

      assertThat(worker.runOnce()).isEqualTo(2);
      assertThat(worker.runOnce()).isZero();
      clock.advance(Duration.ofMinutes(59));
      assertThat(worker.runOnce()).isZero();
      clock.advance(Duration.ofMinutes(1));
      assertThat(worker.runOnce()).isEqualTo(2);
      assertThat(sink.recorded()).hasSize(1); // t2 has no answers: insufficient sample
    }

    @Test
    void skipsDisabledRulesWhichEvaluateNowReports() {
      npsZeroToday();
      var draft = npsBelow(20, 30);
      var rule = create(new MetricAlertRule(null, null, draft.name(), false, draft.kind(), draft.measure(),
          draft.filter(), draft.condition(), 7, 30, null, null, null, null, null, null, 0, null));

      assertThat(worker.runOnce()).isZero();
      assertThat(evaluateNow(rule).outcome()).isEqualTo(Outcome.DISABLED);
      assertThat(sink.calls()).isEmpty();
    }

    @Test
    void retriesAPendingAlertAfterTheRetryInterval() {
      npsZeroToday();
      create(npsBelow(20, 30));
      sink.mode(RecordingAlertSink.Mode.DOWN);
      worker.runOnce();
      sink.mode(RecordingAlertSink.Mode.UP);

      assertThat(worker.runOnce()).isZero();
      clock.advance(RETRY);
      assertThat(worker.runOnce()).isEqualTo(1);
      assertThat(sink.recorded()).hasSize(1);
    }
  }
}
