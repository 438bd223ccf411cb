package io.cxhub.journey.action.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.cxhub.journey.action.ActionStatus;
import io.cxhub.journey.action.Actions;
import io.cxhub.journey.action.ImprovementAction;
import io.cxhub.journey.action.ImprovementAction.Comparison;
import io.cxhub.journey.action.ImprovementAction.MeasurementPlan;
import io.cxhub.journey.action.ImprovementAction.Plan;
import io.cxhub.journey.action.ImprovementAction.Stamp;
import io.cxhub.journey.action.ImprovementAction.Target;
import io.cxhub.journey.insight.ScoreKind;
import io.cxhub.kit.mongo.MongoIndexes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Improvement actions in {@code improvement_actions}: one document per action, its latest
 * measurement embedded (as a document the codec writes and reads whole), updates by
 * compare-and-set on {@code version}.
 */
@Repository
class MongoActions implements Actions {

  private final MongoCollection<Document> collection;

  MongoActions(MongoDatabase database) {
    this.collection = database.getCollection("improvement_actions");
    // newest-first lists per journey; the measurement watch's look for shipped actions of all
    // tenants scans (actions are few: tens per journey), as indexes must start with tenantId
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "journeyId", "createTime", "_id"),
        new IndexOptions().name("tenant_journey_create_id"));
  }

  @Override
  public void add(ImprovementAction action) {
    collection.insertOne(toDocument(action));
  }

  @Override
  public Optional<ImprovementAction> find(String tenantId, String id) {
    return Optional.ofNullable(collection.find(and(eq("_id", id), eq("tenantId", tenantId))).first())
        .map(MongoActions::toAction);
  }

  @Override
  public List<ImprovementAction> list(String tenantId, String journeyId, ActionStatus status, Position after, int limit) {
    var conditions = new ArrayList<Bson>(List.of(eq("tenantId", tenantId), eq("journeyId", journeyId)));
    if (status != null) {
      conditions.add(eq("status", status.name()));
    }
    if (after != null) {
      var time = Date.from(after.createTime());
      conditions.add(or(lt("createTime", time), and(eq("createTime", time), lt("_id", after.id()))));
    }
    return collection.find(and(conditions)).sort(Sorts.descending("createTime", "_id")).limit(limit)
        .map(MongoActions::toAction).into(new ArrayList<>());
  }

  @Override
  public boolean replace(ImprovementAction action, long expectedVersion) {
    return collection.replaceOne(and(eq("_id", action.id()), eq("tenantId", action.tenantId()),
        eq("version", expectedVersion)), toDocument(action)).getMatchedCount() == 1;
  }

  @Override
  public boolean delete(String tenantId, String id) {
    return collection.deleteOne(and(eq("_id", id), eq("tenantId", tenantId))).getDeletedCount() == 1;
  }

  @Override
  public void deleteByJourney(String tenantId, String journeyId) {
    collection.deleteMany(and(eq("tenantId", tenantId), eq("journeyId", journeyId)));
  }

  @Override
  public List<ImprovementAction> shipped() {
    return collection.find(eq("status", ActionStatus.SHIPPED.name())).map(MongoActions::toAction).into(new ArrayList<>());
  }

  static Document toDocument(ImprovementAction a) {
    var p = a.plan();
    var t = p.target();
    var m = p.measurement();
    var doc = new Document("_id", a.id())
        .append("tenantId", a.tenantId())
        .append("journeyId", a.journeyId())
        .append("title", p.title())
        .append("hypothesis", p.hypothesis())
        .append("ownerTeam", p.ownerTeam())
        .append("target", new Document("frictionId", t.frictionId()).append("stageId", t.stageId())
            .append("touchpointId", t.touchpointId()).append("segment", t.segment()))
        .append("indicator", p.indicator() == null ? null : p.indicator().name())
        .append("targetValue", p.targetValue())
        .append("shipDate", p.shipDate() == null ? null : p.shipDate().toString())
        .append("measurement", new Document("windowDays", m.windowDays()).append("settlingDays", m.settlingDays())
            .append("comparison", m.comparison().name()).append("controlTouchpointId", m.controlTouchpointId()))
        .append("status", a.status().name())
        .append("version", a.stamp().version())
        .append("createTime", Date.from(a.stamp().createTime()))
        .append("updateTime", Date.from(a.stamp().updateTime()));
    if (a.impact() != null) {
      doc.append("impact", ImpactCodec.toDocument(a.impact()));
    }
    return doc;
  }

  static ImprovementAction toAction(Document d) {
    var t = d.get("target", Document.class);
    var m = d.get("measurement", Document.class);
    String indicator = d.getString("indicator");
    var plan = new Plan(d.getString("title"), d.getString("hypothesis"), d.getString("ownerTeam"),
        new Target(t.getString("frictionId"), t.getString("stageId"), t.getString("touchpointId"), t.getString("segment")),
        indicator == null ? null : ScoreKind.valueOf(indicator),
        d.getDouble("targetValue"),
        d.getString("shipDate") == null ? null : LocalDate.parse(d.getString("shipDate")),
        new MeasurementPlan(m.getInteger("windowDays"), m.getInteger("settlingDays"),
            Comparison.valueOf(m.getString("comparison")), m.getString("controlTouchpointId")));
    var impact = d.get("impact", Document.class);
    return new ImprovementAction(d.getString("tenantId"), d.getString("_id"), d.getString("journeyId"), plan,
        ActionStatus.fromName(d.getString("status")), impact == null ? null : ImpactCodec.toImpact(impact),
        new Stamp(d.get("version", Number.class).longValue(), d.getDate("createTime").toInstant(),
            d.getDate("updateTime").toInstant()));
  }
}
