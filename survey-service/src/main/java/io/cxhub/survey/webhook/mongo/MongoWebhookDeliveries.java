package io.cxhub.survey.webhook.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.kit.mongo.MongoInserts;
import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.survey.webhook.DeliveryAttempt;
import io.cxhub.survey.webhook.DeliveryState;
import io.cxhub.survey.webhook.EventType;
import io.cxhub.survey.webhook.WebhookDeliveries;
import io.cxhub.survey.webhook.WebhookDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The delivery queue and log in {@code webhook_deliveries}, one document per delivery:
 *
 * <pre>
 * { _id: "&lt;tenantId&gt;:&lt;deliveryId&gt;", tenantId, deliveryId, subscriptionId, eventId, eventType,
 *   url, body, state: PENDING|DELIVERED|FAILED, nextAttemptAt?, createdAt,
 *   attempts: [{at, statusCode, durationMs, error?}] }
 * </pre>
 *
 * Every state change is one update of one document, so no transaction is needed.
 */
@Repository
class MongoWebhookDeliveries implements WebhookDeliveries, SubjectHolding {

  static final String COLLECTION = "webhook_deliveries";

  private final MongoCollection<Document> collection;

  MongoWebhookDeliveries(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "state", "nextAttemptAt"), new IndexOptions().name("tenant_due"));
    MongoIndexes.ensure(collection,
        Indexes.compoundIndex(Indexes.ascending("tenantId", "subscriptionId"), Indexes.descending("createdAt")),
        new IndexOptions().name("tenant_subscription_recent"));
  }

  @Override
  public boolean insertIfAbsent(WebhookDelivery d) {
    return MongoInserts.insertIfAbsent(collection, toDocument(d));
  }

  @Override
  public Optional<WebhookDelivery> find(String tenantId, String deliveryId) {
    return Optional.ofNullable(collection.find(eq("_id", Ids.tenantScoped(tenantId, deliveryId))).first())
        .map(MongoWebhookDeliveries::toDomain);
  }

  @Override
  public List<WebhookDelivery> findDue(String tenantId, Instant now, int limit) {
    return collection.find(and(eq("tenantId", tenantId), eq("state", DeliveryState.PENDING.name()), lte("nextAttemptAt", Date.from(now))))
        .sort(Sorts.ascending("nextAttemptAt"))
        .limit(limit)
        .map(MongoWebhookDeliveries::toDomain)
        .into(new ArrayList<>());
  }

  @Override
  public boolean claim(String tenantId, String deliveryId, Instant due, Instant leaseUntil) {
    return collection.updateOne(
            and(eq("_id", Ids.tenantScoped(tenantId, deliveryId)),
                eq("state", DeliveryState.PENDING.name()),
                eq("nextAttemptAt", Date.from(due))),
            Updates.set("nextAttemptAt", Date.from(leaseUntil)))
        .getModifiedCount() == 1;
  }

  @Override
  public void recordAttempt(
      String tenantId, String deliveryId, DeliveryAttempt attempt, DeliveryState state, Instant nextAttemptAt) {
    var attemptDoc = new Document("at", Date.from(attempt.at()))
        .append("statusCode", attempt.statusCode())
        .append("durationMs", attempt.duration().toMillis());
    if (attempt.error() != null) {
      attemptDoc.append("error", attempt.error());
    }
    collection.updateOne(eq("_id", Ids.tenantScoped(tenantId, deliveryId)), Updates.combine(
        Updates.push("attempts", attemptDoc),
        Updates.set("state", state.name()),
        nextAttemptAt == null ? Updates.unset("nextAttemptAt") : Updates.set("nextAttemptAt", Date.from(nextAttemptAt))));
  }

  @Override
  public void reschedule(String tenantId, String deliveryId, Instant now) {
    collection.updateOne(eq("_id", Ids.tenantScoped(tenantId, deliveryId)), Updates.combine(
        Updates.set("state", DeliveryState.PENDING.name()),
        Updates.set("nextAttemptAt", Date.from(now))));
  }

  @Override
  public List<WebhookDelivery> listBySubscription(String tenantId, String subscriptionId, int limit) {
    return collection.find(and(eq("tenantId", tenantId), eq("subscriptionId", subscriptionId)))
        .sort(Sorts.descending("createdAt", "_id"))
        .limit(limit)
        .map(MongoWebhookDeliveries::toDomain)
        .into(new ArrayList<>());
  }

  private static Document toDocument(WebhookDelivery d) {
    var doc = new Document("_id", Ids.tenantScoped(d.tenantId(), d.deliveryId()))
        .append("tenantId", d.tenantId())
        .append("deliveryId", d.deliveryId())
        .append("subscriptionId", d.subscriptionId())
        .append("eventId", d.eventId())
        .append("eventType", d.eventType().name())
        .append("url", d.url())
        .append("body", d.body())
        .append("state", d.state().name())
        .append("createdAt", Date.from(d.createdAt()))
        .append("attempts", new ArrayList<Document>());
    if (d.nextAttemptAt() != null) {
      doc.append("nextAttemptAt", Date.from(d.nextAttemptAt()));
    }
    return doc;
  }

  private static WebhookDelivery toDomain(Document d) {
    var attempts = new ArrayList<DeliveryAttempt>();
    for (Document a : d.getList("attempts", Document.class, List.of())) {
      attempts.add(new DeliveryAttempt(
          a.getDate("at").toInstant(),
          a.getInteger("statusCode", 0),
          Duration.ofMillis(((Number) a.get("durationMs")).longValue()),
          a.getString("error")));
    }
    Date next = d.getDate("nextAttemptAt");
    return new WebhookDelivery(
        d.getString("tenantId"),
        d.getString("deliveryId"),
        d.getString("subscriptionId"),
        d.getString("eventId"),
        EventType.valueOf(d.getString("eventType")),
        d.getString("url"),
        d.getString("body"),
        DeliveryState.valueOf(d.getString("state")),
        attempts,
        next == null ? null : next.toInstant(),
        d.getDate("createdAt").toInstant());
  }

  // --- data-subject requests: delivery logs whose payload names the subject or its responses

  static final String ERASED_BODY = "{\"erased\":true}";

  @Override
  public String kind() {
    return "webhookDeliveries";
  }

  /** The tenant's deliveries naming the subject: a scan of the tenant's log (rare, bounded by the log). */
  private List<Document> naming(String tenantId, SubjectHolding.Subject subject) {
    var found = new ArrayList<Document>();
    collection.find(eq("tenantId", tenantId)).forEach(d -> {
      if (subject.namedIn(d.getString("body"))) {
        found.add(d);
      }
    });
    return found;
  }

  @Override
  public List<String> export(String tenantId, SubjectHolding.Subject subject) {
    return naming(tenantId, subject).stream().map(d -> "{\"deliveryId\":" + quote(d.getString("deliveryId"))
        + ",\"eventType\":" + quote(d.getString("eventType")) + ",\"state\":" + quote(d.getString("state"))
        + ",\"createdAt\":" + quote(d.getDate("createdAt").toInstant().toString()) + ",\"body\":" + d.getString("body")
        + "}").toList();
  }

  private static String quote(String s) {
    return new Document("v", s).toJson().replaceFirst("^\\{\\s*\"v\"\\s*:\\s*", "").replaceFirst("\\s*}$", "");
  }

  @Override
  public long erase(String tenantId, SubjectHolding.Subject subject, String token) {
    long changed = 0;
    for (Document d : naming(tenantId, subject)) {
      collection.updateOne(eq("_id", d.get("_id")), Updates.set("body", ERASED_BODY));
      changed++;
    }
    return changed;
  }
}
