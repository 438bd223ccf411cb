package io.cxhub.journey.journey.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.cxhub.journey.journey.Journey;
import io.cxhub.journey.journey.Journey.Stage;
import io.cxhub.journey.journey.Journey.Touchpoint;
import io.cxhub.journey.journey.Journeys;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.kit.mongo.MongoKeyset;
import io.cxhub.kit.paging.NameKeyPosition;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Journeys in the {@code journeys} collection: one document per journey, stages and
 * their touchpoints embedded in order, so a journey is read and written whole in one
 * single-document operation (no transaction needed).
 */
@Repository
class MongoJourneys implements Journeys {

  static final String COLLECTION = "journeys";

  private final MongoCollection<Document> collection;

  MongoJourneys(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    // serves the list order on MongoDB; the embedded server ignores non-unique indexes
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "nameKey", "_id"),
        new IndexOptions().name("tenant_name_key_id"));
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
  public List<Journey> list(String tenantId, NameKeyPosition after, int limit) {
    return MongoKeyset.byNameKey(collection, tenantId, after, limit, MongoJourneys::toJourney);
  }

  static Document toDocument(Journey journey) {
    return new Document("_id", journey.id())
        .append("tenantId", journey.tenantId())
        .append("name", journey.name())
        .append("nameKey", journey.nameKey())
        .append("description", journey.description())
        .append("stages", journey.stages().stream().map(MongoJourneys::toDocument).toList())
        .append("createTime", Date.from(journey.createTime()))
        .append("updateTime", Date.from(journey.updateTime()));
  }

  private static Document toDocument(Stage stage) {
    return new Document("stageId", stage.id())
        .append("name", stage.name())
        .append("description", stage.description())
        .append("touchpoints", stage.touchpoints().stream().map(MongoJourneys::toDocument).toList());
  }

  private static Document toDocument(Touchpoint touchpoint) {
    return new Document("touchpointId", touchpoint.id())
        .append("name", touchpoint.name())
        .append("channel", touchpoint.channel().name())
        .append("description", touchpoint.description());
  }

  static Journey toJourney(Document doc) {
    return new Journey(
        doc.getString("tenantId"),
        doc.getString("_id"),
        doc.getString("name"),
        doc.getString("description"),
        doc.getList("stages", Document.class, List.of()).stream().map(MongoJourneys::toStage).toList(),
        doc.getDate("createTime").toInstant(),
        doc.getDate("updateTime").toInstant());
  }

  private static Stage toStage(Document doc) {
    return new Stage(
        doc.getString("stageId"),
        doc.getString("name"),
        doc.getString("description"),
        doc.getList("touchpoints", Document.class, List.of()).stream().map(MongoJourneys::toTouchpoint).toList());
  }

  private static Touchpoint toTouchpoint(Document doc) {
    return new Touchpoint(
        doc.getString("touchpointId"),
        doc.getString("name"),
        // a channel written by a newer version reads as UNSPECIFIED rather than failing
        Channel.fromName(doc.getString("channel")),
        doc.getString("description"));
  }
}
