package io.cxhub.journey.insight.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.cxhub.journey.insight.FrictionEpisodes;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoIndexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Friction episodes in {@code friction_episodes}: one document per tenant × journey ×
 * place, {@code _id} derived from the three, so the watch reads and writes by {@code _id}.
 */
@Repository
class MongoFrictionEpisodes implements FrictionEpisodes {

  private final MongoCollection<Document> collection;

  MongoFrictionEpisodes(MongoDatabase database) {
    this.collection = database.getCollection("friction_episodes");
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "journeyId", "open"),
        new IndexOptions().name("tenant_journey_open"));
  }

  @Override
  public Optional<Episode> find(String tenantId, String journeyId, String frictionId) {
    return Optional.ofNullable(collection.find(eq("_id", id(tenantId, journeyId, frictionId))).first())
        .filter(d -> tenantId.equals(d.getString("tenantId")))
        .map(MongoFrictionEpisodes::toEpisode);
  }

  @Override
  public void save(Episode e) {
    collection.replaceOne(eq("_id", id(e.tenantId(), e.journeyId(), e.frictionId())),
        new Document("_id", id(e.tenantId(), e.journeyId(), e.frictionId()))
            .append("tenantId", e.tenantId()).append("journeyId", e.journeyId()).append("frictionId", e.frictionId())
            .append("number", e.number()).append("open", e.open()).append("worseningNotified", e.worseningNotified()),
        new ReplaceOptions().upsert(true));
  }

  @Override
  public List<Episode> open(String tenantId, String journeyId) {
    return collection.find(and(eq("tenantId", tenantId), eq("journeyId", journeyId), eq("open", true)))
        .map(MongoFrictionEpisodes::toEpisode).into(new ArrayList<>());
  }

  private static String id(String tenantId, String journeyId, String frictionId) {
    return Ids.tenantScoped(tenantId, Ids.derived(journeyId, frictionId));
  }

  private static Episode toEpisode(Document d) {
    return new Episode(d.getString("tenantId"), d.getString("journeyId"), d.getString("frictionId"),
        d.getInteger("number", 1), d.getBoolean("open", false), d.getBoolean("worseningNotified", false));
  }
}
