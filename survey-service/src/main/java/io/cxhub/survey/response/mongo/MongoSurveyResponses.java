package io.cxhub.survey.response.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.survey.survey.JourneyLink;
import io.cxhub.survey.response.AnswerValue;
import io.cxhub.survey.response.Outbox;
import io.cxhub.survey.response.OutboxState;
import io.cxhub.survey.response.RespondentContext;
import io.cxhub.survey.response.ResponseAnswer;
import io.cxhub.survey.response.SurveyResponse;
import io.cxhub.survey.response.SurveyResponses;
import io.cxhub.survey.survey.QuestionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Responses in the {@code responses} collection, one document per response, with its outbox
 * state embedded:
 *
 * <pre>
 * { _id: "&lt;tenantId&gt;:&lt;responseId&gt;", tenantId, responseId, surveyId, surveyVersion, channel,
 *   submitTime, idempotencyKey?, answers: [{questionId, kind, scaleMin, scaleMax, score | text | choiceIds}],
 *   outbox: {state: PENDING|DELIVERED, attempts, nextAttemptAt, deliveredAt?} }
 * </pre>
 *
 * <p>The {@code _id} starts with the tenant id, so a lookup by {@code _id} is scoped to the
 * tenant by construction. The hot paths of the relay (marking a batch delivered) filter on
 * {@code _id} alone for that reason: the embedded server uses its {@code _id} index only
 * for a filter on {@code _id} alone, and scans the collection as soon as another field is
 * added. The queries that cannot go by {@code _id} filter on {@code tenantId} and have an
 * index starting with it.
 *
 * <p>{@code outbox_tenants} lists every tenant that has responses ({@code _id} = tenant id),
 * so that the relay can visit outboxes tenant by tenant instead of querying across tenants.
 */
@Repository
class MongoSurveyResponses implements SurveyResponses {

  static final String COLLECTION = "responses";
  static final String TENANTS = "outbox_tenants";

  private final MongoCollection<Document> collection;
  private final MongoCollection<Document> tenants;
  private final Set<String> registeredTenants = ConcurrentHashMap.newKeySet();

  MongoSurveyResponses(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    this.tenants = database.getCollection(TENANTS);
    MongoIndexes.ensure(collection,
        Indexes.ascending("tenantId", "outbox.state", "outbox.nextAttemptAt"),
        new IndexOptions().name("tenant_outbox_due"));
    MongoIndexes.ensure(collection,
        Indexes.compoundIndex(Indexes.ascending("tenantId", "surveyId"), Indexes.descending("submitTime")),
        new IndexOptions().name("tenant_survey_recent"));
    // the list's order when no survey is chosen: a page reads its own rows, not the tenant's
    MongoIndexes.ensure(collection,
        Indexes.compoundIndex(Indexes.ascending("tenantId"), Indexes.descending("submitTime", "responseId")),
        new IndexOptions().name("tenant_recent"));
  }

  static String key(String tenantId, String responseId) {
    return tenantId + ":" + responseId;
  }

  @Override
  public boolean insert(SurveyResponse response) {
    // registered first: a tenant listed without responses is harmless, a response whose
    // tenant the relay does not know would wait for the next full recheck
    registerTenant(response.tenantId());
    try {
      collection.insertOne(toDocument(response));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  private void registerTenant(String tenantId) {
    if (registeredTenants.contains(tenantId)) {
      return;
    }
    tenants.updateOne(eq("_id", tenantId), Updates.setOnInsert("tenantId", tenantId), new UpdateOptions().upsert(true));
    registeredTenants.add(tenantId);
  }

  @Override
  public List<SurveyResponse> listNewestFirst(String tenantId, StoredFilter filter, Cursor after, int limit) {
    var clauses = new ArrayList<org.bson.conversions.Bson>();
    clauses.add(eq("tenantId", tenantId));
    if (filter.surveyIds() != null) {
      clauses.add(com.mongodb.client.model.Filters.in("surveyId", filter.surveyIds()));
    }
    if (filter.channel() != null) {
      clauses.add(eq("channel", filter.channel().name()));
    }
    if (filter.from() != null) {
      clauses.add(com.mongodb.client.model.Filters.gte("submitTime", Date.from(filter.from())));
    }
    if (filter.to() != null) {
      clauses.add(com.mongodb.client.model.Filters.lt("submitTime", Date.from(filter.to())));
    }
    if (after != null) {
      var time = Date.from(after.submitTime());
      clauses.add(com.mongodb.client.model.Filters.or(
          com.mongodb.client.model.Filters.lt("submitTime", time),
          and(eq("submitTime", time), com.mongodb.client.model.Filters.lt("responseId", after.responseId()))));
    }
    return collection.find(and(clauses))
        .sort(com.mongodb.client.model.Sorts.descending("submitTime", "responseId"))
        .limit(limit)
        .map(MongoSurveyResponses::toResponse)
        .into(new ArrayList<>());
  }

  @Override
  public List<SurveyResponse> listOldestFirst(String tenantId, String surveyId, Cursor after, int limit) {
    var filter = and(eq("tenantId", tenantId), eq("surveyId", surveyId));
    if (after != null) {
      var time = Date.from(after.submitTime());
      filter = and(filter, com.mongodb.client.model.Filters.or(
          com.mongodb.client.model.Filters.gt("submitTime", time),
          and(eq("submitTime", time), com.mongodb.client.model.Filters.gt("responseId", after.responseId()))));
    }
    return collection.find(filter)
        .sort(com.mongodb.client.model.Sorts.ascending("submitTime", "responseId"))
        .limit(limit)
        .map(MongoSurveyResponses::toResponse)
        .into(new ArrayList<>());
  }

  @Override
  public Optional<SurveyResponse> find(String tenantId, String responseId) {
    return Optional.ofNullable(collection.find(and(eq("_id", key(tenantId, responseId)), eq("tenantId", tenantId))).first())
        .map(MongoSurveyResponses::toResponse);
  }

  @Override
  public List<SurveyResponse> findPending(String tenantId, Instant now, int limit) {
    return collection.find(and(
            eq("tenantId", tenantId),
            eq("outbox.state", OutboxState.PENDING.name()),
            lte("outbox.nextAttemptAt", Date.from(now))))
        .sort(Sorts.ascending("outbox.nextAttemptAt"))
        .limit(limit)
        .map(MongoSurveyResponses::toResponse)
        .into(new ArrayList<>());
  }

  @Override
  public void markDelivered(String tenantId, Collection<String> responseIds, Instant deliveredAt) {
    collection.updateMany(
        in("_id", keys(tenantId, responseIds)),
        Updates.combine(
            Updates.set("outbox.state", OutboxState.DELIVERED.name()),
            Updates.set("outbox.deliveredAt", Date.from(deliveredAt))));
  }

  @Override
  public void deferPending(String tenantId, Collection<String> responseIds, Instant nextAttemptAt) {
    collection.updateMany(
        in("_id", keys(tenantId, responseIds)),
        Updates.combine(Updates.inc("outbox.attempts", 1), Updates.set("outbox.nextAttemptAt", Date.from(nextAttemptAt))));
  }

  @Override
  public Set<String> tenantsWithResponses() {
    var result = new HashSet<String>();
    tenants.find().projection(Projections.include("_id")).forEach(d -> result.add(d.getString("_id")));
    return result;
  }

  @Override
  public OutboxLag outboxLag(String tenantId) {
    Bson pending = and(eq("tenantId", tenantId), eq("outbox.state", OutboxState.PENDING.name()));
    long count = collection.countDocuments(pending);
    if (count == 0) {
      return new OutboxLag(0, null);
    }
    Document oldest = collection.find(pending)
        .sort(Sorts.ascending("submitTime"))
        .projection(Projections.include("submitTime"))
        .limit(1)
        .first();
    return new OutboxLag(count, oldest == null ? null : oldest.getDate("submitTime").toInstant());
  }

  private static List<String> keys(String tenantId, Collection<String> responseIds) {
    return responseIds.stream().map(id -> key(tenantId, id)).toList();
  }

  static Document toDocument(SurveyResponse r) {
    var answers = new ArrayList<Document>();
    for (ResponseAnswer a : r.answers()) {
      var doc = new Document("questionId", a.questionId())
          .append("kind", a.kind().name())
          .append("scaleMin", a.scaleMin())
          .append("scaleMax", a.scaleMax());
      if (a.value() instanceof AnswerValue.Score s) {
        doc.append("score", s.value());
      } else if (a.value() instanceof AnswerValue.Text t) {
        doc.append("text", t.value());
      } else if (a.value() instanceof AnswerValue.Choices c) {
        doc.append("choiceIds", c.choiceIds());
      }
      answers.add(doc);
    }
    Outbox o = r.outbox();
    var outbox = new Document("state", o.state().name())
        .append("attempts", o.attempts())
        .append("nextAttemptAt", Date.from(o.nextAttemptAt()));
    if (o.deliveredAt() != null) {
      outbox.append("deliveredAt", Date.from(o.deliveredAt()));
    }
    var doc = new Document("_id", key(r.tenantId(), r.responseId()))
        .append("tenantId", r.tenantId())
        .append("responseId", r.responseId())
        .append("surveyId", r.surveyId())
        .append("surveyVersion", r.surveyVersion())
        .append("channel", r.channel().name())
        .append("submitTime", Date.from(r.submitTime()))
        .append("answers", answers)
        .append("outbox", outbox)
        .append("alerting", new Document("state", "PENDING")); // the alert worker's outbox (see MongoPendingAlerts)
    if (r.idempotencyKey() != null) {
      doc.append("idempotencyKey", r.idempotencyKey());
    }
    // top-level, as alert rules (MongoPendingAlerts) and filters read them
    var link = r.journeyLink();
    if (!link.isEmpty()) {
      doc.append("journeyId", link.journeyId())
          .append("stageId", link.stageId())
          .append("touchpointId", link.touchpointId());
    }
    if (!r.distributionId().isEmpty()) {
      doc.append("distributionId", r.distributionId());
    }
    if (!r.context().equals(RespondentContext.NONE)) {
      var c = r.context();
      doc.append("context", new Document("customerId", c.customerId())
          .append("orderId", c.orderId())
          .append("locale", c.locale())
          .append("metadata", new Document(c.metadata())));
    }
    if (r.payloadHash() != null) {
      doc.append("payloadHash", r.payloadHash());
    }
    return doc;
  }

  static SurveyResponse toResponse(Document d) {
    var answers = new ArrayList<ResponseAnswer>();
    for (Document a : d.getList("answers", Document.class, List.of())) {
      AnswerValue value;
      if (a.containsKey("score")) {
        value = new AnswerValue.Score(a.getInteger("score"));
      } else if (a.containsKey("text")) {
        value = new AnswerValue.Text(a.getString("text"));
      } else {
        value = new AnswerValue.Choices(a.getList("choiceIds", String.class, List.of()));
      }
      answers.add(new ResponseAnswer(
          a.getString("questionId"),
          QuestionKind.valueOf(a.getString("kind")),
          a.getInteger("scaleMin", 0),
          a.getInteger("scaleMax", 0),
          value));
    }
    Document o = d.get("outbox", Document.class);
    Date delivered = o.getDate("deliveredAt");
    var outbox = new Outbox(
        OutboxState.valueOf(o.getString("state")),
        o.getInteger("attempts", 0),
        o.getDate("nextAttemptAt").toInstant(),
        delivered == null ? null : delivered.toInstant());
    return new SurveyResponse(
        d.getString("tenantId"),
        d.getString("responseId"),
        d.getString("surveyId"),
        d.getInteger("surveyVersion", 1),
        Channel.valueOf(d.getString("channel")),
        answers,
        d.getDate("submitTime").toInstant(),
        d.getString("idempotencyKey"),
        outbox,
        d.getString("distributionId"),
        context(d.get("context", Document.class)),
        d.getString("payloadHash"),
        new JourneyLink(d.getString("journeyId"), d.getString("stageId"), d.getString("touchpointId")));
  }

  private static RespondentContext context(Document c) {
    if (c == null) {
      return RespondentContext.NONE;
    }
    var metadata = new java.util.HashMap<String, String>();
    Document m = c.get("metadata", Document.class);
    if (m != null) {
      m.forEach((k, v) -> metadata.put(k, (String) v));
    }
    return new RespondentContext(c.getString("customerId"), c.getString("orderId"), c.getString("locale"), metadata);
  }
}
