package io.cxhub.survey.invitation.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.survey.invitation.Campaign;
import io.cxhub.survey.invitation.Campaigns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** Campaigns in {@code campaigns}, {@code _id} = tenant-scoped campaign id. */
@Repository
class MongoCampaigns implements Campaigns {

  static final String COLLECTION = "campaigns";

  private final MongoCollection<Document> collection;

  MongoCampaigns(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    MongoIndexes.ensure(collection,
        Indexes.compoundIndex(Indexes.ascending("tenantId", "distributionId"), Indexes.descending("createTime")),
        new IndexOptions().name("tenant_distribution_newest_first"));
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "surveyId"), new IndexOptions().name("tenant_survey"));
  }

  @Override
  public void insert(Campaign c) {
    var doc = new Document("_id", Ids.tenantScoped(c.tenantId(), c.campaignId()))
        .append("tenantId", c.tenantId())
        .append("campaignId", c.campaignId())
        .append("distributionId", c.distributionId())
        .append("surveyId", c.surveyId())
        .append("name", c.name())
        .append("channel", c.channel().name())
        .append("subject", c.subject())
        .append("message", c.message())
        .append("language", c.language())
        .append("invitationCount", c.invitationCount())
        .append("createTime", Date.from(c.createTime()));
    if (c.reminderAfter() != null) {
      doc.append("reminderAfterMs", c.reminderAfter().toMillis());
    }
    collection.insertOne(doc);
  }

  @Override
  public Optional<Campaign> find(String tenantId, String campaignId) {
    return Optional.ofNullable(collection.find(eq("_id", Ids.tenantScoped(tenantId, campaignId))).first())
        .map(MongoCampaigns::toDomain);
  }

  @Override
  public List<Campaign> listByDistribution(String tenantId, String distributionId, int limit) {
    return collection.find(and(eq("tenantId", tenantId), eq("distributionId", distributionId)))
        .sort(Sorts.descending("createTime"))
        .limit(limit)
        .map(MongoCampaigns::toDomain)
        .into(new ArrayList<>());
  }

  @Override
  public List<Campaign> listBySurvey(String tenantId, String surveyId) {
    return collection.find(and(eq("tenantId", tenantId), eq("surveyId", surveyId)))
        .map(MongoCampaigns::toDomain)
        .into(new ArrayList<>());
  }

  @Override
  public Set<String> tenants() {
    // a few campaigns per tenant: reading only tenant ids is cheap
    var result = new HashSet<String>();
    collection.find().projection(Projections.include("tenantId")).forEach(d -> result.add(d.getString("tenantId")));
    return result;
  }

  private static Campaign toDomain(Document d) {
    Number reminder = d.get("reminderAfterMs", Number.class);
    return Campaign.builder()
        .tenantId(d.getString("tenantId"))
        .campaignId(d.getString("campaignId"))
        .distributionId(d.getString("distributionId"))
        .surveyId(d.getString("surveyId"))
        .name(d.getString("name"))
        .channel(Channel.fromName(d.getString("channel")))
        .subject(d.getString("subject"))
        .message(d.getString("message"))
        .language(d.getString("language"))
        .reminderAfter(reminder == null ? null : Duration.ofMillis(reminder.longValue()))
        .invitationCount(d.getInteger("invitationCount", 0))
        .createTime(d.getDate("createTime").toInstant())
        .build();
  }
}
