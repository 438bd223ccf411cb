package io.cxhub.survey.distribution.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.cxhub.survey.distribution.Branding;
import io.cxhub.survey.distribution.Brandings;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** Branding in the {@code brandings} collection, {@code _id} = the tenant id. */
@Repository
class MongoBrandings implements Brandings {

  static final String COLLECTION = "brandings";

  private final MongoCollection<Document> collection;

  MongoBrandings(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public Optional<Branding> find(String tenantId) {
    return Optional.ofNullable(collection.find(eq("_id", tenantId)).first())
        .map(d -> new Branding(d.getString("name"), d.getString("logoUrl"), d.getString("color"),
            d.getString("reviewUrl")));
  }

  @Override
  public void save(String tenantId, Branding branding) {
    collection.replaceOne(eq("_id", tenantId), new Document("_id", tenantId)
            .append("tenantId", tenantId)
            .append("name", branding.name())
            .append("logoUrl", branding.logoUrl())
            .append("color", branding.color())
            .append("reviewUrl", branding.reviewUrl()),
        new ReplaceOptions().upsert(true));
  }
}
