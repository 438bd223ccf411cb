package io.cxhub.journey.journey.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.cxhub.journey.journey.BlueprintElement;
import io.cxhub.journey.journey.BlueprintLane;
import io.cxhub.journey.journey.Emotion;
import io.cxhub.journey.journey.IndicatorKind;
import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.journey.Journey.Hypothesis;
import io.cxhub.journey.journey.Journey.IndicatorBinding;
import io.cxhub.journey.journey.Journey.MomentOfTruth;
import io.cxhub.journey.journey.Journey.Opportunity;
import io.cxhub.journey.journey.Journey.Stage;
import io.cxhub.journey.journey.Journey.Touchpoint;
import io.cxhub.journey.journey.JourneyMap;
import io.cxhub.journey.journey.JourneyState;
import io.cxhub.journey.journey.Journeys;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.kit.paging.NameKeyPosition;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Journeys in the {@code journeys} collection: one document per journey, stages with their
 * touchpoints, hypothesis and blueprint embedded in order, so a journey is read and written
 * whole in one single-document operation (no transaction needed). Updates replace the
 * document on {@code (_id, tenantId, version)}: a compare-and-set on the version.
 */
@Repository
class MongoJourneys implements Journeys {

  static final String COLLECTION = "journeys";

  private final MongoCollection<Document> collection;

  MongoJourneys(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    // serve the list order per state on MongoDB; the embedded server ignores non-unique indexes
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "state", "nameKey", "_id"),
        new IndexOptions().name("tenant_state_name_key_id"));
  }

  @Override
  public void add(Journey journey) {
    collection.insertOne(toDocument(journey));
  }

  @Override
  public Optional<Journey> find(String tenantId, String id) {
    return Optional.ofNullable(collection.find(and(eq("_id", id), eq("tenantId", tenantId))).first())
        .map(MongoJourneys::toJourney);
  }

  @Override
  public List<Journey> list(String tenantId, JourneyFilter filter, NameKeyPosition after, int limit) {
    var conditions = new ArrayList<Bson>();
    conditions.add(eq("tenantId", tenantId));
    // documents written before states existed have none: they are active
    conditions.add(filter.state() == JourneyState.ACTIVE
        ? or(eq("state", "ACTIVE"), eq("state", null))
        : eq("state", filter.state().name()));
    if (!filter.ownerTeam().isEmpty()) {
      conditions.add(eq("ownerTeam", filter.ownerTeam()));
    }
    if (!filter.nameContains().isEmpty()) {
      conditions.add(regex("nameKey", Pattern.quote(filter.nameContains())));
    }
    if (after != null) {
      conditions.add(or(gt("nameKey", after.nameKey()), and(eq("nameKey", after.nameKey()), gt("_id", after.id()))));
    }
    return collection.find(and(conditions))
        .sort(Sorts.ascending("nameKey", "_id"))
        .limit(limit)
        .map(MongoJourneys::toJourney)
        .into(new ArrayList<>());
  }

  @Override
  public boolean replace(Journey journey, long expectedVersion) {
    var result = collection.replaceOne(
        and(eq("_id", journey.id()), eq("tenantId", journey.tenantId()), versionIs(expectedVersion)),
        toDocument(journey));
    return result.getMatchedCount() == 1;
  }

  @Override
  public boolean delete(String tenantId, String id, Long expectedVersion) {
    Bson filter = expectedVersion == null
        ? and(eq("_id", id), eq("tenantId", tenantId))
        : and(eq("_id", id), eq("tenantId", tenantId), versionIs(expectedVersion));
    return collection.deleteOne(filter).getDeletedCount() == 1;
  }

  @Override
  public void forEachActive(Consumer<Journey> action) {
    collection.find(or(eq("state", "ACTIVE"), eq("state", null))).map(MongoJourneys::toJourney).forEach(action);
  }

  /** Version 1 documents written before versions existed have no field. */
  private static Bson versionIs(long version) {
    return version == 1 ? or(eq("version", 1L), eq("version", null)) : eq("version", version);
  }

  static Document toDocument(Journey journey) {
    var map = journey.map();
    return new Document("_id", journey.id())
        .append("tenantId", journey.tenantId())
        .append("name", map.name())
        .append("nameKey", journey.nameKey())
        .append("description", map.description())
        .append("ownerTeam", map.ownerTeam())
        .append("state", journey.state().name())
        .append("version", journey.version())
        .append("stages", map.stages().stream().map(MongoJourneys::toDocument).toList())
        .append("momentsOfTruth", map.momentsOfTruth().stream().map(m -> new Document("stageId", m.stageId())
            .append("touchpointId", m.touchpointId()).append("title", m.title())
            .append("description", m.description())).toList())
        .append("opportunities", map.opportunities().stream().map(o -> new Document("opportunityId", o.id())
            .append("stageId", o.stageId()).append("touchpointId", o.touchpointId()).append("title", o.title())
            .append("description", o.description())).toList())
        .append("createTime", Date.from(journey.createTime()))
        .append("updateTime", Date.from(journey.updateTime()));
  }

  private static Document toDocument(Stage stage) {
    var h = stage.hypothesis();
    return new Document("stageId", stage.id())
        .append("name", stage.name())
        .append("description", stage.description())
        .append("touchpoints", stage.touchpoints().stream().map(MongoJourneys::toDocument).toList())
        .append("customerGoal", h.customerGoal())
        .append("customerActions", h.customerActions())
        .append("thoughts", h.thoughts())
        .append("expectedEmotion", h.expectedEmotion().name())
        .append("blueprint", stage.blueprint().stream().map(MongoJourneys::toDocument).toList());
  }

  private static Document toDocument(Touchpoint touchpoint) {
    return new Document("touchpointId", touchpoint.id())
        .append("name", touchpoint.name())
        .append("channel", touchpoint.channel().name())
        .append("description", touchpoint.description())
        .append("ownerTeam", touchpoint.ownerTeam());
  }

  private static Document toDocument(BlueprintElement e) {
    var doc = new Document("elementId", e.id())
        .append("lane", e.lane().name())
        .append("name", e.name())
        .append("description", e.description())
        .append("touchpointId", e.touchpointId())
        .append("ownerTeam", e.ownerTeam())
        .append("failPoint", e.failPoint())
        .append("waitPoint", e.waitPoint())
        .append("after", e.afterElementIds());
    if (e.indicator() != null) {
      doc.append("indicator", new Document("kind", e.indicator().kind().name())
          .append("team", e.indicator().team())
          .append("funnelId", e.indicator().funnelId())
          .append("step", e.indicator().step()));
    }
    return doc;
  }

  static Journey toJourney(Document doc) {
    var map = new JourneyMap(
        doc.getString("name"),
        doc.getString("description"),
        doc.getString("ownerTeam"),
        doc.getList("stages", Document.class, List.of()).stream().map(MongoJourneys::toStage).toList(),
        doc.getList("momentsOfTruth", Document.class, List.of()).stream().map(m -> new MomentOfTruth(
            m.getString("stageId"), m.getString("touchpointId"), m.getString("title"), m.getString("description")))
            .toList(),
        doc.getList("opportunities", Document.class, List.of()).stream().map(o -> new Opportunity(
            o.getString("opportunityId"), o.getString("stageId"), o.getString("touchpointId"), o.getString("title"),
            o.getString("description"))).toList());
    Number version = doc.get("version", Number.class);
    return new Journey(
        doc.getString("tenantId"),
        doc.getString("_id"),
        map,
        JourneyState.fromName(doc.getString("state")),
        version == null ? 1 : version.longValue(),
        doc.getDate("createTime").toInstant(),
        doc.getDate("updateTime").toInstant());
  }

  private static Stage toStage(Document doc) {
    return new Stage(
        doc.getString("stageId"),
        doc.getString("name"),
        doc.getString("description"),
        doc.getList("touchpoints", Document.class, List.of()).stream().map(MongoJourneys::toTouchpoint).toList(),
        new Hypothesis(doc.getString("customerGoal"), doc.getList("customerActions", String.class, List.of()),
            doc.getList("thoughts", String.class, List.of()), Emotion.fromName(doc.getString("expectedEmotion"))),
        doc.getList("blueprint", Document.class, List.of()).stream().map(MongoJourneys::toElement).toList());
  }

  private static Touchpoint toTouchpoint(Document doc) {
    return new Touchpoint(
        doc.getString("touchpointId"),
        doc.getString("name"),
        // a channel written by a newer version reads as UNSPECIFIED rather than failing
        Channel.fromName(doc.getString("channel")),
        doc.getString("description"),
        doc.getString("ownerTeam"));
  }

  private static BlueprintElement toElement(Document doc) {
    var indicator = doc.get("indicator", Document.class);
    return BlueprintElement.builder(BlueprintLane.fromName(doc.getString("lane")), doc.getString("name"))
        .id(doc.getString("elementId"))
        .description(doc.getString("description"))
        .touchpoint(doc.getString("touchpointId"))
        .ownerTeam(doc.getString("ownerTeam"))
        .failPoint(doc.getBoolean("failPoint", false))
        .waitPoint(doc.getBoolean("waitPoint", false))
        .indicator(indicator == null ? null : new IndicatorBinding(IndicatorKind.fromName(indicator.getString("kind")),
            indicator.getString("team"), indicator.getString("funnelId"), indicator.getString("step")))
        .after(doc.getList("after", String.class, List.of()))
        .build();
  }
}
