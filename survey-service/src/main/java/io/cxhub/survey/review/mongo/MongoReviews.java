package io.cxhub.survey.review.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.kit.mongo.MongoInserts;
import io.cxhub.survey.review.Review;
import io.cxhub.survey.review.Reviews;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Reviews in {@code reviews}, {@code _id} = the id derived from (tenant, source, external
 * id): the unique {@code _id} is the deduplication, also between concurrent imports.
 */
@Repository
class MongoReviews implements Reviews {

  private final MongoCollection<Document> collection;

  MongoReviews(MongoDatabase database) {
    this.collection = database.getCollection("reviews");
    MongoIndexes.ensure(collection,
        Indexes.compoundIndex(Indexes.ascending("tenantId"), Indexes.descending("reviewTime", "_id")),
        new IndexOptions().name("tenant_newest_first"));
  }

  @Override
  public boolean insertIfAbsent(Review r) {
    return MongoInserts.insertIfAbsent(collection, new Document("_id", r.id())
          .append("tenantId", r.tenantId())
          .append("source", r.source())
          .append("externalId", r.externalId())
          .append("rating", r.rating())
          .append("text", r.text())
          .append("channel", "REVIEW")
          .append("reviewTime", Date.from(r.reviewTime()))
        .append("importTime", Date.from(r.importTime())));
  }

  @Override
  public List<Review> listNewestFirst(String tenantId, Cursor after, int limit) {
    Bson filter = eq("tenantId", tenantId);
    if (after != null) {
      var time = Date.from(after.reviewTime());
      filter = and(filter, or(lt("reviewTime", time), and(eq("reviewTime", time), lt("_id", after.id()))));
    }
    return collection.find(filter).sort(Sorts.descending("reviewTime", "_id")).limit(limit)
        .map(d -> new Review(d.getString("tenantId"), d.getString("_id"), d.getString("source"),
            d.getString("externalId"), d.getInteger("rating"), d.getString("text"),
            d.getDate("reviewTime").toInstant(), d.getDate("importTime").toInstant()))
        .into(new ArrayList<>());
  }
}
