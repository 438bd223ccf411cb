package io.cxhub.survey.distribution.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.survey.distribution.Distribution;
import io.cxhub.survey.distribution.DistributionStatus;
import io.cxhub.survey.distribution.Distributions;
import io.cxhub.survey.distribution.PageOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Distributions in the {@code distributions} collection, {@code _id} = the public token, so
 * the respondent path (which knows only the token) reads by {@code _id}, and two tokens can
 * never be equal. Analysts address a distribution by its own id, unique per tenant.
 */
@Repository
class MongoDistributions implements Distributions {

  static final String COLLECTION = "distributions";

  private final MongoCollection<Document> collection;

  MongoDistributions(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "distributionId"),
        new IndexOptions().name("tenant_distribution").unique(true));
    MongoIndexes.ensure(collection,
        Indexes.compoundIndex(Indexes.ascending("tenantId", "surveyId"), Indexes.descending("createTime", "distributionId")),
        new IndexOptions().name("tenant_survey_newest_first"));
  }

  @Override
  public void insert(Distribution distribution) {
    collection.insertOne(toDocument(distribution));
  }

  @Override
  public Optional<Distribution> find(String tenantId, String id) {
    return Optional.ofNullable(collection.find(and(eq("tenantId", tenantId), eq("distributionId", id))).first())
        .map(MongoDistributions::toDistribution);
  }

  @Override
  public Optional<Distribution> findByToken(String token) {
    return Optional.ofNullable(collection.find(eq("_id", token)).first()).map(MongoDistributions::toDistribution);
  }

  @Override
  public void updateStatus(Distribution updated) {
    collection.updateOne(and(eq("_id", updated.token()), eq("tenantId", updated.tenantId())), Updates.combine(
        Updates.set("status", updated.status().name()),
        Updates.set("updateTime", Date.from(updated.updateTime()))));
  }

  @Override
  public List<Distribution> listNewestFirst(String tenantId, String surveyId, Cursor after, int limit) {
    Bson filter = and(eq("tenantId", tenantId), eq("surveyId", surveyId));
    if (after != null) {
      var time = Date.from(after.createTime());
      filter = and(filter, or(lt("createTime", time), and(eq("createTime", time), lt("distributionId", after.id()))));
    }
    return collection.find(filter)
        .sort(Sorts.descending("createTime", "distributionId"))
        .limit(limit)
        .map(MongoDistributions::toDistribution)
        .into(new ArrayList<>());
  }

  static Document toDocument(Distribution d) {
    return new Document("_id", d.token())
        .append("distributionId", d.id())
        .append("tenantId", d.tenantId())
        .append("surveyId", d.surveyId())
        .append("channel", d.channel().name())
        .append("name", d.name())
        .append("status", d.status().name())
        .append("expireTime", d.expireTime() == null ? null : Date.from(d.expireTime()))
        .append("createTime", Date.from(d.createTime()))
        .append("updateTime", Date.from(d.updateTime()))
        .append("reviewUrl", d.page().reviewUrl())
        .append("kiosk", d.page().kiosk());
  }

  static Distribution toDistribution(Document d) {
    Date expire = d.getDate("expireTime");
    return new Distribution(
        d.getString("distributionId"),
        d.getString("tenantId"),
        d.getString("surveyId"),
        Channel.fromName(d.getString("channel")),
        d.getString("name"),
        d.getString("_id"),
        DistributionStatus.valueOf(d.getString("status")),
        expire == null ? null : expire.toInstant(),
        d.getDate("createTime").toInstant(),
        d.getDate("updateTime").toInstant(),
        new PageOptions(d.getString("reviewUrl"), Boolean.TRUE.equals(d.getBoolean("kiosk"))));
  }
}
