package io.cxhub.metrics.alert;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.metrics.rollup.TenantZones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates metric alert rules and sends their alerts through the {@link AlertSink}, once
 * per breach episode.
 *
 * <p>One evaluation of a rule:
 * <ol>
 *   <li>reads the window through the score use cases ({@link RuleEvaluator});
 *   <li>delivers the latest episode's alert if it is still pending (survey-service was down
 *       at the last attempt), with its stored alert id;
 *   <li>if the condition holds and no episode is open, opens one: the alert id
 *       ({@code mr:<rule>:<window end>:<episode number>}) and title are stored on the rule
 *       (compare-and-set on its version) <em>before</em> the alert is sent, so a crash, a
 *       restart or a second replica can only ever send that same id again, which
 *       survey-service deduplicates;
 *   <li>if the condition does not hold, ends the open episode once its alert was
 *       delivered; an inconclusive evaluation (too few answers, rule failure) leaves the
 *       episode as it is;
 *   <li>stores the outcome and the next evaluation time: the rule's interval, or the
 *       (shorter) retry interval while an alert waits for survey-service.
 * </ol>
 * If a user's update or another replica changed the rule meanwhile, their write wins: the
 * alert sent (if any) is sent again by whoever evaluates next, and deduplicated.
 */
public final class EvaluateMetricAlerts {

  private static final Logger log = LoggerFactory.getLogger(EvaluateMetricAlerts.class);
  static final int MAX_RULE_IDS = 100;
  private static final int ATTEMPTS = 3;

  private final MetricAlertRules rules;
  private final RuleEvaluator evaluator;
  private final AlertSink sink;
  private final Clock clock;
  private final Duration retryInterval;
  private final TenantZones zones;

  /** Windows of UTC days. */
  public EvaluateMetricAlerts(
      MetricAlertRules rules, RuleEvaluator evaluator, AlertSink sink, Clock clock, Duration retryInterval) {
    this(rules, evaluator, sink, clock, retryInterval, TenantZones.UTC);
  }

  /**
   * @param retryInterval how soon a rule whose alert could not be delivered is evaluated again, at most
   * @param zones each tenant's time zone: a window ends with the tenant's local today
   */
  public EvaluateMetricAlerts(
      MetricAlertRules rules, RuleEvaluator evaluator, AlertSink sink, Clock clock, Duration retryInterval,
      TenantZones zones) {
    this.rules = rules;
    this.evaluator = evaluator;
    this.sink = sink;
    this.clock = clock;
    this.retryInterval = retryInterval;
    this.zones = zones;
  }

  /**
   * Evaluates the named rules now, due or not (every enabled rule of the tenant, by name,
   * when none is named). A named rule that is disabled is reported, not evaluated.
   *
   * @throws NotFoundException if a named rule does not exist
   */
  public List<Evaluation> evaluateNow(String tenantId, List<String> ruleIds) {
    if (ruleIds.size() > MAX_RULE_IDS) {
      throw InvalidInputException.of("rule_ids", "at most " + MAX_RULE_IDS + " rules per call");
    }
    var targets = new ArrayList<MetricAlertRule>();
    if (ruleIds.isEmpty()) {
      rules.list(tenantId, null, ManageMetricAlertRules.MAX_RULES).stream()
          .filter(MetricAlertRule::enabled)
          .forEach(targets::add);
    } else {
      for (String id : new LinkedHashSet<>(ruleIds)) {
        targets.add(rules.find(tenantId, id).orElseThrow(() -> new NotFoundException("metric alert rule", id)));
      }
    }
    var evaluations = new ArrayList<Evaluation>(targets.size());
    for (var rule : targets) {
      if (!rule.enabled()) {
        evaluations.add(new Evaluation(rule.ruleId(), rule.name(), Outcome.DISABLED, null,
            rule.state().latestEpisode(), null));
      } else {
        evaluate(rule).ifPresent(evaluations::add);
      }
    }
    return evaluations;
  }

  /** Whether the periodic evaluator should evaluate the rule at {@code now}. */
  static boolean isDue(MetricAlertRule rule, Instant now) {
    var next = rule.state().nextEvaluationAt();
    return rule.enabled() && (next == null || !next.isAfter(now));
  }

  /**
   * Evaluates one rule now.
   *
   * @return empty if the rule was deleted meanwhile
   */
  public Optional<Evaluation> evaluate(MetricAlertRule rule) {
    var current = rule;
    for (int attempt = 1; ; attempt++) {
      var result = attempt(current);
      if (result != null) {
        return Optional.of(result);
      }
      var fresh = rules.find(current.tenantId(), current.ruleId());
      if (fresh.isEmpty() || !fresh.get().enabled()) {
        return Optional.empty();
      }
      if (attempt == ATTEMPTS) {
        // someone keeps writing this rule (updates, another replica): leave it to them
        log.info("metric alert rule busy, skipped tenant={} rule={}", current.tenantId(), current.ruleId());
        return Optional.empty();
      }
      current = fresh.get();
    }
  }

  /** One evaluation from the rule as read; null when opening an episode lost a race. */
  private Evaluation attempt(MetricAlertRule rule) {
    String tenantId = rule.tenantId();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    LocalDate today = LocalDate.ofInstant(now, zones.zone(tenantId));
    Verdict verdict = evaluator.observe(tenantId, rule, today);
    RuleState state = rule.state();
    long version = rule.version();
    Episode latest = state.latestEpisode();
    long episodes = state.episodes();
    boolean firedNow = false;
    Failure failure = null;

    if (latest != null && !latest.isDelivered()) {
      var sent = send(rule, latest, now);
      latest = sent.episode();
      firedNow = sent.failure() == null;
      failure = sent.failure();
    }
    boolean canOpen = latest == null || (!latest.isOpen() && latest.isDelivered());
    if (verdict.breached() && canOpen) {
      episodes++;
      var opened = Episode.open(episodes, alertId(rule, verdict.observation(), episodes),
          TitleTemplate.render(rule, verdict.observation()), now);
      if (!rules.saveState(tenantId, rule.ruleId(), version, state.withEpisode(opened, episodes))) {
        return null;
      }
      version++;
      log.info("metric alert episode opened tenant={} rule={} alert={}", tenantId, rule.ruleId(), opened.alertId());
      var sent = send(rule, opened, now);
      latest = sent.episode();
      firedNow |= sent.failure() == null;
      failure = sent.failure();
    }
    if (verdict.kind() == Verdict.Kind.NOT_BREACHED && latest != null && latest.isOpen() && latest.isDelivered()) {
      latest = latest.ended(now);
      log.info("metric alert episode ended tenant={} rule={} alert={}", tenantId, rule.ruleId(), latest.alertId());
    }

    boolean pending = latest != null && !latest.isDelivered();
    Outcome outcome;
    if (firedNow) {
      outcome = Outcome.FIRED;
    } else if (pending) {
      outcome = Outcome.NOTIFICATION_PENDING;
    } else {
      outcome = switch (verdict.kind()) {
        case BREACHED -> Outcome.ALREADY_FIRED;
        case NOT_BREACHED -> Outcome.NOT_BREACHED;
        case INSUFFICIENT_SAMPLE -> Outcome.INSUFFICIENT_SAMPLE;
        case FAILED -> Outcome.FAILED;
      };
    }
    String error = failure != null ? failure.message() : verdict.error();
    Duration wait = rule.evaluationInterval();
    if (pending && failure != null && failure.transientFailure() && retryInterval.compareTo(wait) < 0) {
      wait = retryInterval;
    }
    var next = new RuleState(now, now.plus(wait), outcome, verdict.observation(), error, latest, episodes);
    if (!rules.saveState(tenantId, rule.ruleId(), version, next)) {
      log.info("metric alert rule changed during its evaluation; the other write wins tenant={} rule={}",
          tenantId, rule.ruleId());
    }
    if (verdict.kind() == Verdict.Kind.FAILED) {
      log.warn("metric alert rule could not be evaluated tenant={} rule={} cause={}",
          tenantId, rule.ruleId(), verdict.error());
    }
    return new Evaluation(rule.ruleId(), rule.name(), outcome, verdict.observation(), latest, error);
  }

  /** How a send went: the episode after it, and the failure (null when delivered). */
  private record Send(Episode episode, Failure failure) {}

  private record Failure(String message, boolean transientFailure) {}

  private Send send(MetricAlertRule rule, Episode episode, Instant now) {
    var filter = rule.filter();
    var alert = new AlertSink.Alert(episode.alertId(), episode.title(), rule.severity(),
        MetricAlertRule.only(filter.surveyIds()), MetricAlertRule.only(filter.stages()),
        MetricAlertRule.only(filter.touchpoints()), rule.actions().surveyRuleId(), rule.actions().openCase());
    try {
      var delivery = sink.fire(rule.tenantId(), alert);
      log.info("metric alert fired tenant={} rule={} alert={} event={} case={}",
          rule.tenantId(), rule.ruleId(), episode.alertId(), delivery.eventId(), delivery.caseId());
      return new Send(episode.delivered(now, delivery), null);
    } catch (DependencyUnavailableException e) {
      log.warn("metric alert pending, survey-service unavailable tenant={} rule={} alert={} cause={}",
          rule.tenantId(), rule.ruleId(), episode.alertId(), e.getMessage());
      return new Send(episode.failedAttempt(), new Failure(e.getMessage(), true));
    } catch (AlertRejectedException e) {
      log.warn("metric alert pending, refused by survey-service tenant={} rule={} alert={} cause={}",
          rule.tenantId(), rule.ruleId(), episode.alertId(), e.getMessage());
      return new Send(episode.failedAttempt(), new Failure(e.getMessage(), false));
    }
  }

  /**
   * The id of an episode's alert: readable, unique per rule and episode, and stored before
   * the first send. FireAlert takes at most 200 characters; this is under 60.
   */
  static String alertId(MetricAlertRule rule, Observation observation, long episode) {
    return "mr:" + rule.ruleId() + ":" + observation.window().end() + ":" + episode;
  }
}
