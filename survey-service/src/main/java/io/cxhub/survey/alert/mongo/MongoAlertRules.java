package io.cxhub.survey.alert.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.survey.alert.AlertActions;
import io.cxhub.survey.alert.AlertConditions;
import io.cxhub.survey.alert.AlertRule;
import io.cxhub.survey.alert.AlertRules;
import io.cxhub.survey.alert.CommentSentiment;
import io.cxhub.kit.domain.NpsCategory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Rules in {@code alert_rules}: {@code { _id: "<tenantId>:<ruleId>", tenantId, ruleId, name,
 * enabled, createdAt, conditions: {...}, actions: {..., firstContactSlaSeconds?, resolutionSlaSeconds?} }}.
 */
@Repository
class MongoAlertRules implements AlertRules {

  static final String COLLECTION = "alert_rules";

  private final MongoCollection<Document> collection;

  MongoAlertRules(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "createdAt"), new IndexOptions().name("tenant_created"));
  }

  @Override
  public void insert(AlertRule rule) {
    collection.insertOne(toDocument(rule));
  }

  @Override
  public Optional<AlertRule> find(String tenantId, String ruleId) {
    return Optional.ofNullable(collection.find(eq("_id", Ids.tenantScoped(tenantId, ruleId))).first()).map(MongoAlertRules::toDomain);
  }

  @Override
  public List<AlertRule> list(String tenantId) {
    return collection.find(eq("tenantId", tenantId)).sort(Sorts.ascending("createdAt", "_id"))
        .map(MongoAlertRules::toDomain).into(new ArrayList<>());
  }

  @Override
  public boolean replace(AlertRule rule) {
    return collection.replaceOne(eq("_id", Ids.tenantScoped(rule.tenantId(), rule.ruleId())), toDocument(rule)).getMatchedCount() == 1;
  }

  @Override
  public boolean delete(String tenantId, String ruleId) {
    return collection.deleteOne(eq("_id", Ids.tenantScoped(tenantId, ruleId))).getDeletedCount() == 1;
  }

  private static Document toDocument(AlertRule r) {
    var c = r.conditions();
    var conditions = new Document("categories", c.categories().stream().map(Enum::name).sorted().toList())
        .append("channels", c.channels().stream().map(Enum::name).sorted().toList())
        .append("keywords", c.keywords())
        .append("sentiments", c.sentiments().stream().map(Enum::name).sorted().toList())
        .append("themes", c.themes().stream().sorted().toList());
    putIfPresent(conditions, "surveyId", c.surveyId());
    putIfPresent(conditions, "questionId", c.questionId());
    putIfPresent(conditions, "minScore", c.minScore());
    putIfPresent(conditions, "maxScore", c.maxScore());
    putIfPresent(conditions, "stageId", c.stageId());
    putIfPresent(conditions, "touchpointId", c.touchpointId());
    var a = r.actions();
    var actions = new Document("openCase", a.openCase()).append("notifyWebhooks", a.notifyWebhooks());
    putIfPresent(actions, "team", a.team());
    putIfPresent(actions, "assignee", a.assignee());
    putIfPresent(actions, "firstContactSlaSeconds", a.firstContactSla() == null ? null : a.firstContactSla().toSeconds());
    putIfPresent(actions, "resolutionSlaSeconds", a.resolutionSla() == null ? null : a.resolutionSla().toSeconds());
    return new Document("_id", Ids.tenantScoped(r.tenantId(), r.ruleId()))
        .append("tenantId", r.tenantId())
        .append("ruleId", r.ruleId())
        .append("name", r.name())
        .append("enabled", r.enabled())
        .append("createdAt", Date.from(r.createdAt()))
        .append("conditions", conditions)
        .append("actions", actions);
  }

  private static void putIfPresent(Document d, String key, Object value) {
    if (value != null) {
      d.append(key, value);
    }
  }

  private static Duration seconds(Document d, String key) {
    Number n = (Number) d.get(key);
    return n == null ? null : Duration.ofSeconds(n.longValue());
  }

  private static AlertRule toDomain(Document d) {
    Document c = d.get("conditions", Document.class);
    Document a = d.get("actions", Document.class);
    var conditions = AlertConditions.builder()
        .surveyId(c.getString("surveyId"))
        .questionId(c.getString("questionId"))
        .categories(c.getList("categories", String.class, List.of()).stream().map(NpsCategory::valueOf).toList())
        .minScore(c.getInteger("minScore"))
        .maxScore(c.getInteger("maxScore"))
        .channels(c.getList("channels", String.class, List.of()).stream().map(Channel::valueOf).toList())
        .stageId(c.getString("stageId"))
        .touchpointId(c.getString("touchpointId"))
        .keywords(c.getList("keywords", String.class, List.of()))
        .sentiments(c.getList("sentiments", String.class, List.of()).stream().map(CommentSentiment::valueOf).toList())
        .themes(c.getList("themes", String.class, List.of()))
        .build();
    var actions = new AlertActions(
        a.getBoolean("openCase", false),
        a.getBoolean("notifyWebhooks", false),
        a.getString("team"),
        a.getString("assignee"),
        seconds(a, "firstContactSlaSeconds"),
        seconds(a, "resolutionSlaSeconds"));
    return new AlertRule(d.getString("tenantId"), d.getString("ruleId"), d.getString("name"),
        d.getBoolean("enabled", true), conditions, actions, d.getDate("createdAt").toInstant());
  }
}
