package io.cxhub.survey.webhook.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.survey.webhook.EventType;
import io.cxhub.survey.webhook.WebhookSubscription;
import io.cxhub.survey.webhook.WebhookSubscriptions;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Subscriptions in {@code webhook_subscriptions}:
 * {@code { _id: "<tenantId>:<subscriptionId>", tenantId, subscriptionId, url, eventTypes: [...], secret, createdAt }}.
 * The secret is stored as given: it must be available to sign each delivery.
 */
@Repository
class MongoWebhookSubscriptions implements WebhookSubscriptions {

  static final String COLLECTION = "webhook_subscriptions";

  private final MongoCollection<Document> collection;

  MongoWebhookSubscriptions(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "createdAt"), new IndexOptions().name("tenant_created"));
  }

  @Override
  public void insert(WebhookSubscription s) {
    collection.insertOne(new Document("_id", Ids.tenantScoped(s.tenantId(), s.subscriptionId()))
        .append("tenantId", s.tenantId())
        .append("subscriptionId", s.subscriptionId())
        .append("url", s.url())
        .append("eventTypes", s.eventTypes().stream().map(Enum::name).sorted().toList())
        .append("secret", s.secret())
        .append("createdAt", java.util.Date.from(s.createdAt())));
  }

  @Override
  public Optional<WebhookSubscription> find(String tenantId, String subscriptionId) {
    return Optional.ofNullable(collection.find(eq("_id", Ids.tenantScoped(tenantId, subscriptionId))).first())
        .map(MongoWebhookSubscriptions::toDomain);
  }

  @Override
  public List<WebhookSubscription> list(String tenantId) {
    return collection.find(eq("tenantId", tenantId))
        .sort(Sorts.ascending("createdAt", "_id"))
        .map(MongoWebhookSubscriptions::toDomain)
        .into(new ArrayList<>());
  }

  @Override
  public Set<String> tenants() {
    // the collection holds a few documents per tenant, so reading only tenant ids is cheap
    var result = new HashSet<String>();
    collection.find().projection(Projections.include("tenantId")).forEach(d -> result.add(d.getString("tenantId")));
    return result;
  }

  @Override
  public boolean delete(String tenantId, String subscriptionId) {
    return collection.deleteOne(eq("_id", Ids.tenantScoped(tenantId, subscriptionId))).getDeletedCount() == 1;
  }

  private static WebhookSubscription toDomain(Document d) {
    return new WebhookSubscription(
        d.getString("tenantId"),
        d.getString("subscriptionId"),
        d.getString("url"),
        d.getList("eventTypes", String.class, List.of()).stream().map(EventType::valueOf).collect(Collectors.toSet()),
        d.getString("secret"),
        d.getDate("createdAt").toInstant());
  }
}
