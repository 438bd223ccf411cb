package io.cxhub.survey.alert;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.id.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Create, read, replace and delete alert rules, after validation. */
public final class ManageAlertRules {

  private static final Logger log = LoggerFactory.getLogger(ManageAlertRules.class);
  static final int MAX_KEYWORDS = 50;
  static final int MAX_TEXT = 200;
  static final Duration MAX_SLA = Duration.ofDays(365);
  /** Every rule is evaluated on every response, so their number bounds the work per response. */
  static final int MAX_RULES = 100;

  static final int MAX_THEMES = 20;

  private final AlertRules rules;
  private final KnownSurveys surveys;
  private final TextAnalyzer text;
  private final Clock clock;

  /** @param text gives the tenant's taxonomy, to refuse a rule naming a theme it does not have */
  public ManageAlertRules(AlertRules rules, KnownSurveys surveys, TextAnalyzer text, Clock clock) {
    this.rules = rules;
    this.surveys = surveys;
    this.text = text;
    this.clock = clock;
  }

  /** @param draft tenant, id and creation time are ignored */
  public AlertRule create(String tenantId, AlertRule draft) {
    validate(draft);
    checkSurvey(tenantId, draft);
    checkThemes(tenantId, draft);
    if (rules.list(tenantId).size() >= MAX_RULES) {
      throw new PreconditionFailedException("a tenant may have at most " + MAX_RULES + " alert rules; delete one first");
    }
    var rule = new AlertRule(tenantId, Ids.random(), draft.name().strip(), draft.enabled(), draft.conditions(),
        draft.actions(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    rules.insert(rule);
    log.info("alert rule created tenant={} rule={}", tenantId, rule.ruleId());
    return rule;
  }

  public AlertRule get(String tenantId, String ruleId) {
    return rules.find(tenantId, ruleId).orElseThrow(() -> new NotFoundException("alert rule", ruleId));
  }

  public List<AlertRule> list(String tenantId) {
    return rules.list(tenantId);
  }

  public AlertRule replace(String tenantId, AlertRule draft) {
    var current = get(tenantId, draft.ruleId());
    validate(draft);
    checkSurvey(tenantId, draft);
    checkThemes(tenantId, draft);
    var rule = new AlertRule(tenantId, current.ruleId(), draft.name().strip(), draft.enabled(), draft.conditions(),
        draft.actions(), current.createdAt());
    if (!rules.replace(rule)) {
      throw new NotFoundException("alert rule", draft.ruleId());
    }
    log.info("alert rule replaced tenant={} rule={}", tenantId, rule.ruleId());
    return rule;
  }

  public void delete(String tenantId, String ruleId) {
    if (!rules.delete(tenantId, ruleId)) {
      throw new NotFoundException("alert rule", ruleId);
    }
    log.info("alert rule deleted tenant={} rule={}", tenantId, ruleId);
  }

  /** A rule naming a theme that the tenant's taxonomy does not have would never fire: refuse it. */
  private void checkThemes(String tenantId, AlertRule rule) {
    var themes = rule.conditions().themes();
    if (themes.isEmpty()) {
      return;
    }
    Set<String> known;
    try {
      known = text.themeIds(tenantId);
    } catch (RuntimeException e) {
      throw new DependencyUnavailableException(
          "text analytics cannot say which themes the tenant's taxonomy has; try again later", e);
    }
    var unknown = themes.stream().filter(t -> !known.contains(t)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw InvalidInputException.of("rule.conditions.themes", "names no theme of the tenant's taxonomy: "
          + String.join(", ", unknown) + " (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
    }
  }

  /** A rule naming a survey that its tenant does not have would never fire: refuse it. */
  private void checkSurvey(String tenantId, AlertRule rule) {
    String surveyId = rule.conditions().surveyId();
    if (surveyId != null && !surveyId.isEmpty() && !surveys.exists(tenantId, surveyId)) {
      throw InvalidInputException.of("rule.conditions.survey_id", "names no survey of this tenant: '" + surveyId + "'");
    }
  }

  static void validate(AlertRule rule) {
    var v = new ArrayList<FieldViolation>();
    if (rule.name() == null || rule.name().isBlank()) {
      v.add(new FieldViolation("rule.name", "is required"));
    } else if (rule.name().length() > MAX_TEXT) {
      v.add(new FieldViolation("rule.name", "must be at most " + MAX_TEXT + " characters"));
    }
    var c = rule.conditions();
    if (c.minScore() != null && (c.minScore() < 0 || c.minScore() > 10)) {
      v.add(new FieldViolation("rule.conditions.min_score", "must be between 0 and 10"));
    }
    if (c.maxScore() != null && (c.maxScore() < 0 || c.maxScore() > 10)) {
      v.add(new FieldViolation("rule.conditions.max_score", "must be between 0 and 10"));
    }
    if (c.minScore() != null && c.maxScore() != null && c.minScore() > c.maxScore()) {
      v.add(new FieldViolation("rule.conditions.max_score", "must not be below min_score"));
    }
    if (c.keywords().size() > MAX_KEYWORDS) {
      v.add(new FieldViolation("rule.conditions.keywords", "at most " + MAX_KEYWORDS + " keywords"));
    }
    for (String k : c.keywords()) {
      if (TextFolding.fold(k).isEmpty() || k.length() > MAX_TEXT) {
        v.add(new FieldViolation("rule.conditions.keywords", "each keyword needs a letter or digit and at most "
            + MAX_TEXT + " characters: '" + k + "'"));
      }
    }
    if (c.themes().size() > MAX_THEMES) {
      v.add(new FieldViolation("rule.conditions.themes", "at most " + MAX_THEMES + " themes"));
    }
    var a = rule.actions();
    if (!a.openCase() && !a.notifyWebhooks()) {
      v.add(new FieldViolation("rule.actions", "open_case or notify_webhooks is required"));
    }
    checkSla(v, "rule.sla.first_contact_minutes", a.firstContactSla());
    checkSla(v, "rule.sla.resolution_minutes", a.resolutionSla());
    if (!v.isEmpty()) {
      throw new InvalidInputException(v);
    }
  }

  private static void checkSla(List<FieldViolation> v, String field, Duration sla) {
    if (sla != null && (sla.isNegative() || sla.isZero() || sla.compareTo(MAX_SLA) > 0)) {
      v.add(new FieldViolation(field, "must be positive and at most a year"));
    }
  }
}
