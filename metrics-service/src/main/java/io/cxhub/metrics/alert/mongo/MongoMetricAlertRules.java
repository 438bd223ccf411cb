package io.cxhub.metrics.alert.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.kit.mongo.MongoKeyset;
import io.cxhub.kit.paging.NameKeyPosition;
import io.cxhub.metrics.alert.AlertCondition;
import io.cxhub.metrics.alert.Episode;
import io.cxhub.metrics.alert.MetricAlertRule;
import io.cxhub.metrics.alert.MetricAlertRules;
import io.cxhub.metrics.alert.Observation;
import io.cxhub.metrics.alert.Outcome;
import io.cxhub.metrics.alert.RuleState;
import io.cxhub.metrics.alert.Severity;
import io.cxhub.metrics.alert.SurveyActions;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.score.Comparison;
import io.cxhub.metrics.score.Interval;
import io.cxhub.metrics.score.ScoreFilter;
import io.cxhub.metrics.score.ScoreKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Rules in {@code metric_alert_rules}, one document per rule, keyed by
 * {@code _id: "<tenantId>:<ruleId>"}:
 *
 * <pre>
 * { _id, tenantId, ruleId, name, nameKey, enabled, metric, measure,
 *   filter: { surveyIds, questionId, channels, stages, touchpoints, segments },
 *   condition: { type: THRESHOLD, direction, threshold, confident } | { type: SIGNIFICANT_DROP, alpha, minDrop },
 *   windowDays, minSample, severity, titleTemplate?, evaluationIntervalSeconds,
 *   actions: { openCase, surveyRuleId? }, createdAt, updatedAt, version,
 *   state: { lastEvaluatedAt?, nextEvaluationAt, lastOutcome?, lastError?, episodes,
 *            observation?: {...}, episode?: { number, alertId, title, startedAt, deliveredAt?,
 *            failedAttempts, eventId?, caseId?, endedAt? } } }
 * </pre>
 *
 * <p>Reads and writes of one rule go by {@code _id}; writes also compare {@code version}
 * (optimistic concurrency), which on the embedded server means a scan of this small
 * collection. Listing a tenant's rules and finding the tenants with rules scan it there too
 * (real MongoDB uses the {@code tenant_name} index); a tenant has at most 100 rules.
 */
@Repository
class MongoMetricAlertRules implements MetricAlertRules {

  static final String COLLECTION = "metric_alert_rules";

  private final MongoCollection<Document> collection;

  MongoMetricAlertRules(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "nameKey", "_id"),
        new IndexOptions().name("tenant_name"));
  }

  @Override
  public void insert(MetricAlertRule rule) {
    collection.insertOne(toDocument(rule));
  }

  @Override
  public Optional<MetricAlertRule> find(String tenantId, String ruleId) {
    return Optional.ofNullable(collection.find(eq("_id", Ids.tenantScoped(tenantId, ruleId))).first())
        .map(MongoMetricAlertRules::toDomain);
  }

  @Override
  public List<MetricAlertRule> list(String tenantId, NameKeyPosition after, int limit) {
    return MongoKeyset.byNameKey(collection, tenantId, after, limit, MongoMetricAlertRules::toDomain);
  }

  @Override
  public long count(String tenantId) {
    return collection.countDocuments(eq("tenantId", tenantId));
  }

  @Override
  public Set<String> tenants() {
    return collection.distinct("tenantId", String.class).into(new HashSet<>());
  }

  @Override
  public boolean replace(MetricAlertRule rule, long expectedVersion) {
    return collection.replaceOne(
        and(eq("_id", Ids.tenantScoped(rule.tenantId(), rule.ruleId())), eq("version", expectedVersion)),
        toDocument(rule)).getMatchedCount() == 1;
  }

  @Override
  public boolean saveState(String tenantId, String ruleId, long expectedVersion, RuleState state) {
    return collection.updateOne(
        and(eq("_id", Ids.tenantScoped(tenantId, ruleId)), eq("version", expectedVersion)),
        Updates.combine(Updates.set("state", state(state)), Updates.set("version", expectedVersion + 1)))
        .getMatchedCount() == 1;
  }

  @Override
  public boolean delete(String tenantId, String ruleId) {
    return collection.deleteOne(eq("_id", Ids.tenantScoped(tenantId, ruleId))).getDeletedCount() == 1;
  }

  // ------------------------------------------------------------------ to documents

  private static Document toDocument(MetricAlertRule r) {
    var f = r.filter();
    var filter = new Document("surveyIds", sorted(f.surveyIds()))
        .append("questionId", f.questionId())
        .append("channels", sorted(f.channels()))
        .append("stages", sorted(f.stages()))
        .append("touchpoints", sorted(f.touchpoints()))
        .append("segments", sorted(f.segments()))
        .append("personas", sorted(f.personas()))
        .append("valueTiers", sorted(f.valueTiers()));
    Document condition;
    if (r.condition() instanceof AlertCondition.Threshold t) {
      condition = new Document("type", "THRESHOLD").append("direction", t.direction().name())
          .append("threshold", t.threshold()).append("confident", t.confident());
    } else {
      var d = (AlertCondition.SignificantDrop) r.condition();
      condition = new Document("type", "SIGNIFICANT_DROP").append("alpha", d.alpha()).append("minDrop", d.minDrop());
    }
    var actions = new Document("openCase", r.actions().openCase());
    putIfPresent(actions, "surveyRuleId", r.actions().surveyRuleId());
    var doc = new Document("_id", Ids.tenantScoped(r.tenantId(), r.ruleId()))
        .append("tenantId", r.tenantId())
        .append("ruleId", r.ruleId())
        .append("name", r.name())
        .append("nameKey", r.nameKey())
        .append("enabled", r.enabled())
        .append("metric", r.kind().name())
        .append("measure", r.measure().name())
        .append("filter", filter)
        .append("condition", condition)
        .append("windowDays", r.windowDays())
        .append("minSample", r.minSample())
        .append("severity", r.severity().name())
        .append("evaluationIntervalSeconds", r.evaluationInterval().toSeconds())
        .append("actions", actions)
        .append("createdAt", Date.from(r.createdAt()))
        .append("updatedAt", Date.from(r.updatedAt()))
        .append("version", r.version())
        .append("state", state(r.state()));
    putIfPresent(doc, "titleTemplate", r.titleTemplate());
    return doc;
  }

  private static Document state(RuleState s) {
    var d = new Document("episodes", s.episodes());
    putIfPresent(d, "lastEvaluatedAt", date(s.lastEvaluatedAt()));
    putIfPresent(d, "nextEvaluationAt", date(s.nextEvaluationAt()));
    putIfPresent(d, "lastOutcome", s.lastOutcome() == null ? null : s.lastOutcome().name());
    putIfPresent(d, "lastError", s.lastError());
    if (s.lastObservation() != null) {
      d.append("observation", observation(s.lastObservation()));
    }
    if (s.latestEpisode() != null) {
      d.append("episode", episode(s.latestEpisode()));
    }
    return d;
  }

  private static Document observation(Observation o) {
    var d = new Document("windowStart", o.window().start().toString())
        .append("windowEnd", o.window().end().toString())
        .append("n", o.n())
        .append("value", o.value())
        .append("lowSample", o.lowSample());
    putIfPresent(d, "interval", interval(o.interval()));
    var p = o.previous();
    if (p != null) {
      var previous = new Document("windowStart", p.window().start().toString())
          .append("windowEnd", p.window().end().toString())
          .append("n", p.n())
          .append("value", p.value())
          .append("difference", p.difference())
          .append("pValue", p.pValue())
          .append("test", p.test());
      putIfPresent(previous, "differenceInterval", interval(p.differenceInterval()));
      d.append("previous", previous);
    }
    return d;
  }

  private static Document episode(Episode e) {
    var d = new Document("number", e.number())
        .append("alertId", e.alertId())
        .append("title", e.title())
        .append("startedAt", Date.from(e.startedAt()))
        .append("failedAttempts", e.failedAttempts());
    putIfPresent(d, "deliveredAt", date(e.deliveredAt()));
    putIfPresent(d, "eventId", e.eventId());
    putIfPresent(d, "caseId", e.caseId());
    putIfPresent(d, "endedAt", date(e.endedAt()));
    return d;
  }

  private static Document interval(Interval i) {
    return i == null ? null : new Document("low", i.low()).append("high", i.high());
  }

  private static Date date(Instant i) {
    return i == null ? null : Date.from(i);
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }

  private static void putIfPresent(Document d, String key, Object value) {
    if (value != null) {
      d.append(key, value);
    }
  }

  // ------------------------------------------------------------------ to the domain

  private static MetricAlertRule toDomain(Document d) {
    Document f = d.get("filter", Document.class);
    var filter = ScoreFilter.builder()
        .surveyIds(f.getList("surveyIds", String.class, List.of()))
        .questionId(f.getString("questionId"))
        .channels(f.getList("channels", String.class, List.of()))
        .stages(f.getList("stages", String.class, List.of()))
        .touchpoints(f.getList("touchpoints", String.class, List.of()))
        .segments(f.getList("segments", String.class, List.of()))
        .personas(f.getList("personas", String.class, List.of()))
        .valueTiers(f.getList("valueTiers", String.class, List.of()))
        .period(DayRange.ALL)
        .build();
    Document c = d.get("condition", Document.class);
    AlertCondition condition = "THRESHOLD".equals(c.getString("type"))
        ? new AlertCondition.Threshold(AlertCondition.Direction.valueOf(c.getString("direction")),
            number(c, "threshold"), c.getBoolean("confident", false))
        : new AlertCondition.SignificantDrop(number(c, "alpha"), number(c, "minDrop"));
    Document a = d.get("actions", Document.class);
    return new MetricAlertRule(
        d.getString("tenantId"),
        d.getString("ruleId"),
        d.getString("name"),
        d.getBoolean("enabled", true),
        ScoreKind.valueOf(d.getString("metric")),
        Comparison.Measure.valueOf(d.getString("measure")),
        filter,
        condition,
        d.getInteger("windowDays"),
        d.getInteger("minSample"),
        Severity.valueOf(d.getString("severity")),
        d.getString("titleTemplate"),
        Duration.ofSeconds(((Number) d.get("evaluationIntervalSeconds")).longValue()),
        new SurveyActions(a.getBoolean("openCase", false), a.getString("surveyRuleId")),
        d.getDate("createdAt").toInstant(),
        d.getDate("updatedAt").toInstant(),
        ((Number) d.get("version")).longValue(),
        toState(d.get("state", Document.class)));
  }

  private static RuleState toState(Document s) {
    if (s == null) {
      return new RuleState(null, null, null, null, null, null, 0);
    }
    Document o = s.get("observation", Document.class);
    Document e = s.get("episode", Document.class);
    return new RuleState(
        instant(s, "lastEvaluatedAt"),
        instant(s, "nextEvaluationAt"),
        s.getString("lastOutcome") == null ? null : Outcome.valueOf(s.getString("lastOutcome")),
        o == null ? null : toObservation(o),
        s.getString("lastError"),
        e == null ? null : toEpisode(e),
        ((Number) s.get("episodes", 0L)).longValue());
  }

  private static Observation toObservation(Document o) {
    Document p = o.get("previous", Document.class);
    Observation.Previous previous = p == null ? null : new Observation.Previous(
        range(p), ((Number) p.get("n")).longValue(), number(p, "value"), number(p, "difference"),
        toInterval(p.get("differenceInterval", Document.class)), number(p, "pValue"), p.getString("test"));
    return new Observation(range(o), ((Number) o.get("n")).longValue(), number(o, "value"),
        toInterval(o.get("interval", Document.class)), o.getBoolean("lowSample", false), previous);
  }

  private static Episode toEpisode(Document e) {
    return new Episode(
        ((Number) e.get("number")).longValue(),
        e.getString("alertId"),
        e.getString("title"),
        instant(e, "startedAt"),
        instant(e, "deliveredAt"),
        e.getInteger("failedAttempts", 0),
        e.getString("eventId"),
        e.getString("caseId"),
        instant(e, "endedAt"));
  }

  private static DayRange range(Document d) {
    return new DayRange(LocalDate.parse(d.getString("windowStart")), LocalDate.parse(d.getString("windowEnd")));
  }

  private static Interval toInterval(Document d) {
    return d == null ? null : new Interval(number(d, "low"), number(d, "high"));
  }

  private static double number(Document d, String key) {
    return ((Number) d.get(key)).doubleValue();
  }

  private static Instant instant(Document d, String key) {
    Date date = d.getDate(key);
    return date == null ? null : date.toInstant();
  }
}
