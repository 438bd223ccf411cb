package io.cxhub.metrics.alert;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.paging.NameKeyPosition;
import io.cxhub.kit.paging.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Create, read, list, update and delete metric alert rules, after validation. */
public final class ManageMetricAlertRules {

  private static final Logger log = LoggerFactory.getLogger(ManageMetricAlertRules.class);
  /** Every rule reads scores at each evaluation, so their number bounds the evaluator's work. */
  static final int MAX_RULES = 100;
  /** The fields an update mask may name (the contract's field names). */
  static final Set<String> UPDATABLE = Set.of("name", "enabled", "metric", "measure", "filter", "threshold",
      "significant_drop", "window_days", "min_sample", "severity", "title_template", "evaluation_interval_minutes",
      "actions");
  private static final int UPDATE_ATTEMPTS = 3;

  private final MetricAlertRules rules;
  private final KnownSurveys surveys;
  private final Clock clock;

  public ManageMetricAlertRules(MetricAlertRules rules, KnownSurveys surveys, Clock clock) {
    this.rules = rules;
    this.surveys = surveys;
    this.clock = clock;
  }

  /** One page of rules and the token of the next ("" on the last page). */
  public record RulePage(List<MetricAlertRule> rules, String nextPageToken) {}

  /**
   * Stores a new rule, due for evaluation at once.
   *
   * @param draft tenant, id, times, version and state are ignored
   */
  public MetricAlertRule create(String tenantId, MetricAlertRule draft) {
    var valid = MetricAlertRuleValidation.normalize(draft);
    checkSurveys(tenantId, valid.filter().surveyIds(), Set.of());
    if (rules.count(tenantId) >= MAX_RULES) {
      throw new PreconditionFailedException(
          "a tenant may have at most " + MAX_RULES + " metric alert rules; delete one first");
    }
    Instant now = now();
    var rule = valid.stored(tenantId, Ids.random(), now, now, 1, RuleState.initial(now));
    rules.insert(rule);
    log.info("metric alert rule created tenant={} rule={} metric={}", tenantId, rule.ruleId(), rule.kind());
    return rule;
  }

  public MetricAlertRule get(String tenantId, String ruleId) {
    return rules.find(tenantId, ruleId).orElseThrow(() -> new NotFoundException("metric alert rule", ruleId));
  }

  public RulePage list(String tenantId, int pageSize, String pageToken) {
    var page = PageRequest.of(pageSize, pageToken);
    var after = page.isFirst() ? null : NameKeyPosition.parse(page.after());
    var found = rules.list(tenantId, after, page.size() + 1);
    if (found.size() <= page.size()) {
      return new RulePage(found, "");
    }
    var items = found.subList(0, page.size());
    var last = items.get(items.size() - 1);
    return new RulePage(List.copyOf(items), NameKeyPosition.tokenAfter(last.ruleId(), last.nameKey()));
  }

  /**
   * Changes the fields named by {@code paths} (every updatable one when empty), taking their
   * values from {@code draft}. A change of what the rule measures ends the open episode (a
   * pending alert is still delivered) and makes the rule due at once; so does enabling it.
   */
  public MetricAlertRule update(String tenantId, String ruleId, MetricAlertRule draft, Collection<String> paths) {
    var unknown = paths.stream().filter(p -> !UPDATABLE.contains(p)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw InvalidInputException.of("update_mask", "unknown or read-only fields " + unknown
          + "; updatable: " + UPDATABLE.stream().sorted().toList());
    }
    Set<String> mask = paths.isEmpty() ? UPDATABLE : Set.copyOf(paths);
    for (int attempt = 1; ; attempt++) {
      var current = get(tenantId, ruleId);
      var merged = MetricAlertRuleValidation.normalize(merge(current, draft, mask));
      checkSurveys(tenantId, merged.filter().surveyIds(), current.filter().surveyIds());
      Instant now = now();
      RuleState state = current.state();
      boolean redefined = !merged.sameDefinitionAs(current);
      if (redefined) {
        var latest = state.latestEpisode();
        state = state.withEpisode(latest == null ? null : latest.ended(now), state.episodes()).dueAt(now);
      } else if (merged.enabled() && !current.enabled()) {
        state = state.dueAt(now);
      }
      var updated = merged.stored(tenantId, ruleId, current.createdAt(), now, current.version() + 1, state);
      if (rules.replace(updated, current.version())) {
        log.info("metric alert rule updated tenant={} rule={} fields={} redefined={}",
            tenantId, ruleId, mask.stream().sorted().toList(), redefined);
        return updated;
      }
      if (attempt == UPDATE_ATTEMPTS) {
        throw new PreconditionFailedException("metric alert rule " + ruleId + " keeps changing; try again");
      }
    }
  }

  public void delete(String tenantId, String ruleId) {
    if (!rules.delete(tenantId, ruleId)) {
      throw new NotFoundException("metric alert rule", ruleId);
    }
    log.info("metric alert rule deleted tenant={} rule={}", tenantId, ruleId);
  }

  /**
   * Refuses survey ids that name no survey of the tenant. Ids the stored rule already had are
   * not asked again, so an update of another field does not need survey-service.
   */
  private void checkSurveys(String tenantId, Set<String> surveyIds, Set<String> alreadyChecked) {
    var added = surveyIds.stream().filter(id -> !alreadyChecked.contains(id)).toList();
    if (added.isEmpty()) {
      return;
    }
    var unknown = surveys.unknown(tenantId, added);
    if (!unknown.isEmpty()) {
      throw InvalidInputException.of("rule.filter.survey_ids", "names no survey of this tenant: " + unknown);
    }
  }

  private static MetricAlertRule merge(MetricAlertRule current, MetricAlertRule draft, Set<String> mask) {
    boolean conditionChanged = mask.contains("threshold") || mask.contains("significant_drop");
    return new MetricAlertRule(
        current.tenantId(),
        current.ruleId(),
        mask.contains("name") ? draft.name() : current.name(),
        mask.contains("enabled") ? draft.enabled() : current.enabled(),
        mask.contains("metric") ? draft.kind() : current.kind(),
        mask.contains("measure") ? draft.measure() : current.measure(),
        mask.contains("filter") ? draft.filter() : current.filter(),
        conditionChanged ? draft.condition() : current.condition(),
        mask.contains("window_days") ? draft.windowDays() : current.windowDays(),
        mask.contains("min_sample") ? draft.minSample() : current.minSample(),
        mask.contains("severity") ? draft.severity() : current.severity(),
        mask.contains("title_template") ? draft.titleTemplate() : current.titleTemplate(),
        mask.contains("evaluation_interval_minutes") ? draft.evaluationInterval() : current.evaluationInterval(),
        mask.contains("actions") ? draft.actions() : current.actions(),
        current.createdAt(),
        current.updatedAt(),
        current.version(),
        current.state());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
