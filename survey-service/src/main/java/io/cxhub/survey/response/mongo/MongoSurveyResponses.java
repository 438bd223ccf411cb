package io.cxhub.survey.response.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
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
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.kit.trace.TraceParents;
import io.cxhub.survey.outbox.OutboxSubscription;
import io.cxhub.survey.outbox.ResponseOutbox;
import io.cxhub.survey.response.AnswerValue;
import io.cxhub.survey.response.Outbox;
import io.cxhub.survey.response.OutboxState;
import io.cxhub.survey.response.RespondentContext;
import io.cxhub.survey.response.ResponseAnswer;
import io.cxhub.survey.response.SurveyResponse;
import io.cxhub.survey.response.SurveyResponses;
import io.cxhub.survey.survey.JourneyLink;
import io.cxhub.survey.survey.QuestionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Responses in the {@code responses} collection, one document per response, with its outbox
 * state embedded, one entry per registered subscriber. This adapter alone owns the schema:
 *
 * <pre>
 * { _id: "&lt;tenantId&gt;:&lt;responseId&gt;", tenantId, responseId, surveyId, surveyVersion, channel,
 *   submitTime, idempotencyKey?, npsCategory? (PROMOTER|PASSIVE|DETRACTOR), hasComment, answers: [{questionId, kind, scaleMin, scaleMax, score | text | choiceIds}],
 *   outbox: { &lt;subscriber&gt;: {state: PENDING|DELIVERED|FAILED, attempts, due? (only while pending),
 *                            doneAt?, error?}, ... } }
 * </pre>
 *
 * <p>The {@code _id} starts with the tenant id, so a lookup by {@code _id} is scoped to the
 * tenant by construction. Each subscriber has an index {@code (tenantId, outbox.<name>.due)}:
 * {@code due} exists only while the response is pending for it, so the due lookup reads
 * only pending entries and a subscriber with nothing pending costs one empty index probe.
 *
 * <p>{@code outbox_tenants} lists every tenant that has responses ({@code _id} = tenant id)
 * with, per subscriber, a maintained pending counter ({@code pending.<name>}): incremented
 * before the insert (and taken back if it was a replay), decremented by the number of
 * entries a mark actually changed. The lag gauge and the workers read these counters, not
 * the collection. A crash between the increment and the insert leaves the counter one too
 * high (harmless: a worker looks and finds nothing); the counters are recounted from the
 * indexes when the adapter starts, after {@link LegacyOutboxMigration} has moved the outbox
 * states of responses stored before named subscribers into this shape.
 */
@Repository
class MongoSurveyResponses implements SurveyResponses, ResponseOutbox, SubjectHolding {

  static final String COLLECTION = "responses";
  static final String TENANTS = "outbox_tenants";
  static final String MIGRATIONS = "response_migrations";
  /** Stored derived values the list filters on (absent: no NPS score). */
  static final String NPS_CATEGORY = "npsCategory";
  static final String HAS_COMMENT = "hasComment";
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,31}");

  private final MongoCollection<Document> collection;
  private final MongoCollection<Document> tenants;
  private final Set<String> registeredTenants = ConcurrentHashMap.newKeySet();
  private final List<String> subscribers;
  private final TraceParents traces;

  MongoSurveyResponses(MongoDatabase database, List<OutboxSubscription> subscribers, TraceParents traces) {
    this.traces = traces;
    this.collection = database.getCollection(COLLECTION);
    this.tenants = database.getCollection(TENANTS);
    this.subscribers = subscribers.stream().map(OutboxSubscription::name).distinct().sorted().toList();
    for (String name : this.subscribers) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("outbox subscriber name must be letters and digits: " + name);
      }
      MongoIndexes.ensure(collection, Indexes.ascending("tenantId", due(name)),
          new IndexOptions().name("tenant_outbox_" + name + "_due"));
    }
    MongoIndexes.ensure(collection,
        Indexes.compoundIndex(Indexes.ascending("tenantId", "surveyId"), Indexes.descending("submitTime")),
        new IndexOptions().name("tenant_survey_recent"));
    // the list's order when no survey is chosen: a page reads its own rows, not the tenant's
    MongoIndexes.ensure(collection,
        Indexes.compoundIndex(Indexes.ascending("tenantId"), Indexes.descending("submitTime", "responseId")),
        new IndexOptions().name("tenant_recent"));
    // responses stored before the named-subscriber outbox join it, then the counters count them
    new LegacyOutboxMigration(database).run(Instant.now());
    // the list's NPS-category and comment filters, with and without a survey: a filtered
    // page reads its own rows however rare the category (no scan until the page fills)
    for (String field : List.of(NPS_CATEGORY, HAS_COMMENT)) {
      String name = field.equals(NPS_CATEGORY) ? "nps" : "comment";
      MongoIndexes.ensure(collection,
          Indexes.compoundIndex(Indexes.ascending("tenantId", field), Indexes.descending("submitTime", "responseId")),
          new IndexOptions().name("tenant_" + name + "_recent"));
      MongoIndexes.ensure(collection,
          Indexes.compoundIndex(Indexes.ascending("tenantId", "surveyId", field),
              Indexes.descending("submitTime", "responseId")),
          new IndexOptions().name("tenant_survey_" + name + "_recent"));
    }
    backfillFilterFields(database);
    // data-subject requests: a subject's responses by customer id
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "context.customerId"),
        new IndexOptions().name("tenant_customer"));
    recount();
  }

  /**
   * Responses stored before the filter fields existed get them once: a marker in
   * {@code response_migrations} records that it was done, so later starts cost nothing.
   * Concurrent starts may both fill; the values are the same.
   */
  private void backfillFilterFields(MongoDatabase database) {
    var migrations = database.getCollection(MIGRATIONS);
    String marker = "filter-fields-v1";
    if (migrations.find(eq("_id", marker)).first() != null) {
      return;
    }
    var writes = new ArrayList<com.mongodb.client.model.WriteModel<Document>>();
    for (Document d : collection.find(exists(HAS_COMMENT, false))) {
      SurveyResponse r = toResponse(d);
      writes.add(new com.mongodb.client.model.UpdateOneModel<>(eq("_id", d.get("_id")), filterFields(r)));
      if (writes.size() == 500) {
        collection.bulkWrite(writes);
        writes.clear();
      }
    }
    if (!writes.isEmpty()) {
      collection.bulkWrite(writes);
    }
    io.cxhub.kit.mongo.MongoInserts.insertIfAbsent(migrations, new Document("_id", marker).append("at", new Date()));
  }

  private static Bson filterFields(SurveyResponse r) {
    var category = r.npsCategory();
    return Updates.combine(
        category == null ? Updates.unset(NPS_CATEGORY) : Updates.set(NPS_CATEGORY, category.name()),
        Updates.set(HAS_COMMENT, r.hasComment()));
  }

  private static String due(String subscriber) {
    return "outbox." + subscriber + ".due";
  }

  /**
   * A tenant's pending entries of a subscriber as a range of the due index: a range on dates
   * skips the documents without the field, where {@code $exists: true} would visit them.
   */
  private static Bson pending(String subscriber, String tenantId) {
    return and(eq("tenantId", tenantId), gte(due(subscriber), new Date(0)));
  }

  private static String counter(String subscriber) {
    return "pending." + subscriber;
  }

  /** Sets every counter from the due indexes (cost: the pending entries, not the collection). */
  private void recount() {
    for (String tenant : tenants()) {
      var counts = new Document();
      for (String name : subscribers) {
        counts.append(counter(name), collection.countDocuments(pending(name, tenant)));
      }
      if (!counts.isEmpty()) {
        tenants.updateOne(eq("_id", tenant), new Document("$set", counts));
      }
    }
  }

  @Override
  public List<String> outboxSubscribers() {
    return subscribers;
  }

  static String key(String tenantId, String responseId) {
    return Ids.tenantScoped(tenantId, responseId);
  }

  @Override
  public boolean insert(SurveyResponse response) {
    // registered first: a tenant listed without responses is harmless, a response whose
    // tenant the relay does not know would wait for the next full recheck
    registerTenant(response.tenantId());
    List<String> pending = response.outbox().subscribers().entrySet().stream()
        .filter(e -> e.getValue().state() == OutboxState.PENDING)
        .map(Map.Entry::getKey)
        .toList();
    count(response.tenantId(), pending, 1);
    try {
      // the trace of the accepting request goes with the response: its relay continues it
      var stamped = response.traceParent().isEmpty()
          ? response.toBuilder().traceParent(traces.current()).build() : response;
      collection.insertOne(toDocument(stamped));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        count(response.tenantId(), pending, -1);
        return false;
      }
      throw e;
    }
  }

  private void count(String tenantId, Collection<String> subscriberNames, long delta) {
    if (subscriberNames.isEmpty() || delta == 0) {
      return;
    }
    var inc = new Document();
    subscriberNames.forEach(name -> inc.append(counter(name), delta));
    tenants.updateOne(eq("_id", tenantId), new Document("$inc", inc));
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
    if (filter.npsCategory() != null) {
      clauses.add(eq(NPS_CATEGORY, filter.npsCategory().name()));
    }
    if (filter.withComment() != null) {
      clauses.add(eq(HAS_COMMENT, filter.withComment()));
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
  public Set<String> tenants() {
    var result = new HashSet<String>();
    tenants.find().projection(Projections.include("_id")).forEach(d -> result.add(d.getString("_id")));
    return result;
  }

  @Override
  public Set<String> tenantsPending(String subscriber) {
    var result = new HashSet<String>();
    tenants.find(gt(counter(subscriber), 0)).projection(Projections.include("_id"))
        .forEach(d -> result.add(d.getString("_id")));
    return result;
  }

  @Override
  public List<SurveyResponse> due(String subscriber, String tenantId, Instant now, int limit) {
    return collection.find(and(eq("tenantId", tenantId), lte(due(subscriber), Date.from(now))))
        .sort(Sorts.ascending(due(subscriber)))
        .limit(limit)
        .map(MongoSurveyResponses::toResponse)
        .into(new ArrayList<>());
  }

  @Override
  public void delivered(String subscriber, String tenantId, Collection<String> responseIds, Instant at) {
    done(subscriber, tenantId, responseIds, Updates.combine(
        Updates.set("outbox." + subscriber + ".state", OutboxState.DELIVERED.name()),
        Updates.set("outbox." + subscriber + ".doneAt", Date.from(at)),
        Updates.unset(due(subscriber))));
  }

  @Override
  public void failed(String subscriber, String tenantId, String responseId, String reason, Instant at) {
    done(subscriber, tenantId, List.of(responseId), Updates.combine(
        Updates.set("outbox." + subscriber + ".state", OutboxState.FAILED.name()),
        Updates.set("outbox." + subscriber + ".error", reason == null ? "" : reason),
        Updates.set("outbox." + subscriber + ".doneAt", Date.from(at)),
        Updates.unset(due(subscriber))));
  }

  /** Takes the responses out of the subscriber's outbox; the counter drops by what changed. */
  private void done(String subscriber, String tenantId, Collection<String> responseIds, Bson update) {
    if (responseIds.isEmpty()) {
      return;
    }
    var result = collection.updateMany(and(in("_id", keys(tenantId, responseIds)), exists(due(subscriber))), update);
    count(tenantId, List.of(subscriber), -result.getModifiedCount());
  }

  @Override
  public void defer(String subscriber, String tenantId, Collection<String> responseIds, Instant next) {
    collection.updateMany(
        and(in("_id", keys(tenantId, responseIds)), exists(due(subscriber))),
        Updates.combine(Updates.inc("outbox." + subscriber + ".attempts", 1), Updates.set(due(subscriber), Date.from(next))));
  }

  @Override
  public Lag lag(String subscriber) {
    long pending = 0;
    Instant oldest = null;
    for (Document t : tenants.find(gt(counter(subscriber), 0))) {
      pending += ((Number) t.get("pending", Document.class).get(subscriber)).longValue();
      Document first = collection.find(pending(subscriber, t.getString("_id")))
          .sort(Sorts.ascending(due(subscriber)))
          .projection(Projections.include("submitTime"))
          .limit(1)
          .first();
      if (first != null) {
        Instant submitted = first.getDate("submitTime").toInstant();
        oldest = oldest == null || submitted.isBefore(oldest) ? submitted : oldest;
      }
    }
    return new Lag(Math.max(0, pending), oldest);
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
    var outbox = new Document();
    r.outbox().subscribers().forEach((name, o) -> {
      var entry = new Document("state", o.state().name()).append("attempts", o.attempts());
      if (o.state() == OutboxState.PENDING) {
        entry.append("due", Date.from(o.nextAttemptAt()));
      }
      if (o.doneAt() != null) {
        entry.append("doneAt", Date.from(o.doneAt()));
      }
      if (o.error() != null) {
        entry.append("error", o.error());
      }
      outbox.append(name, entry);
    });
    var doc = new Document("_id", key(r.tenantId(), r.responseId()))
        .append("tenantId", r.tenantId())
        .append("responseId", r.responseId())
        .append("surveyId", r.surveyId())
        .append("surveyVersion", r.surveyVersion())
        .append("channel", r.channel().name())
        .append("submitTime", Date.from(r.submitTime()))
        .append("answers", answers)
        .append("outbox", outbox);
    if (r.idempotencyKey() != null) {
      doc.append("idempotencyKey", r.idempotencyKey());
    }
    if (r.npsCategory() != null) {
      doc.append(NPS_CATEGORY, r.npsCategory().name());
    }
    doc.append(HAS_COMMENT, r.hasComment());
    // top-level, as filters read them
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
    if (!r.traceParent().isEmpty()) {
      doc.append("traceparent", r.traceParent());
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
    return SurveyResponse.builder()
        .tenantId(d.getString("tenantId"))
        .responseId(d.getString("responseId"))
        .surveyId(d.getString("surveyId"))
        .surveyVersion(d.getInteger("surveyVersion", 1))
        .channel(Channel.valueOf(d.getString("channel")))
        .answers(answers)
        .submitTime(d.getDate("submitTime").toInstant())
        .idempotencyKey(d.getString("idempotencyKey"))
        .outbox(outbox(d.get("outbox", Document.class)))
        .distributionId(d.getString("distributionId"))
        .context(context(d.get("context", Document.class)))
        .payloadHash(d.getString("payloadHash"))
        .journeyLink(new JourneyLink(d.getString("journeyId"), d.getString("stageId"), d.getString("touchpointId")))
        .traceParent(d.getString("traceparent"))
        .build();
  }

  private static Outbox outbox(Document o) {
    if (o == null) {
      return Outbox.NONE;
    }
    var map = new java.util.LinkedHashMap<String, Outbox.Delivery>();
    o.forEach((name, value) -> {
      if (value instanceof Document e) {
        Date due = e.getDate("due");
        Date doneAt = e.getDate("doneAt");
        map.put(name, new Outbox.Delivery(
            OutboxState.valueOf(e.getString("state")),
            e.getInteger("attempts", 0),
            due == null ? null : due.toInstant(),
            doneAt == null ? null : doneAt.toInstant(),
            e.getString("error")));
      }
    });
    return new Outbox(map);
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

  // --- data-subject requests: the subject's responses (customer id in the context, metadata,
  // free-text answers); scores stay so that aggregates do not change

  @Override
  public String kind() {
    return "responses";
  }

  @Override
  public boolean anchor() {
    return true;
  }

  @Override
  public Set<String> responseIds(String tenantId, String customerId) {
    var ids = new HashSet<String>();
    collection.find(and(eq("tenantId", tenantId), eq("context.customerId", customerId)))
        .projection(Projections.include("responseId")).forEach(d -> ids.add(d.getString("responseId")));
    return ids;
  }

  private Bson ofSubject(String tenantId, SubjectHolding.Subject subject) {
    var any = new ArrayList<Bson>();
    any.add(eq("context.customerId", subject.customerId()));
    if (!subject.responseIds().isEmpty()) {
      any.add(in("_id", keys(tenantId, subject.responseIds())));
    }
    return and(eq("tenantId", tenantId), com.mongodb.client.model.Filters.or(any));
  }

  @Override
  public List<String> export(String tenantId, SubjectHolding.Subject subject) {
    var items = new ArrayList<String>();
    collection.find(ofSubject(tenantId, subject)).sort(Sorts.ascending("submitTime")).forEach(d -> {
      d.remove("_id");
      d.remove("outbox");
      d.remove("traceparent");
      items.add(d.toJson());
    });
    return items;
  }

  @Override
  public long erase(String tenantId, SubjectHolding.Subject subject, String token) {
    long changed = 0;
    for (Document d : collection.find(ofSubject(tenantId, subject))) {
      var updates = new ArrayList<Bson>();
      Document context = d.get("context", Document.class);
      if (context != null) {
        String customerId = context.getString("customerId");
        String orderId = context.getString("orderId");
        Document metadata = context.get("metadata", Document.class);
        boolean personal = subject.customerId().equals(customerId) || orderId != null && !orderId.isEmpty()
            || metadata != null && !metadata.isEmpty();
        if (personal) {
          updates.add(Updates.set("context", new Document("customerId",
              customerId == null || customerId.isEmpty() || customerId.startsWith("erased-") ? customerId : token)
              .append("orderId", "").append("locale", context.getString("locale")).append("metadata", new Document())));
        }
      }
      var answers = d.getList("answers", Document.class, List.of());
      boolean text = answers.stream().anyMatch(a -> a.containsKey("text") && !a.getString("text").isEmpty());
      if (text) {
        answers.forEach(a -> {
          if (a.containsKey("text")) {
            a.put("text", "");
          }
        });
        updates.add(Updates.set("answers", answers));
        updates.add(Updates.set(HAS_COMMENT, false));
      }
      String idempotencyKey = d.getString("idempotencyKey");
      if (idempotencyKey != null && !idempotencyKey.startsWith("erased:")) {
        // partners may build keys from customer ids: keep a key (replays still collide) but not theirs
        updates.add(Updates.set("idempotencyKey", "erased:" + Ids.derived(idempotencyKey)));
      }
      if (!updates.isEmpty()) {
        collection.updateOne(eq("_id", d.get("_id")), Updates.combine(updates));
        changed++;
      }
    }
    return changed;
  }
}
