package io.cxhub.metrics.ingest.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.cxhub.kit.mongo.MongoBulk;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.metrics.ingest.LedgerEntry;
import io.cxhub.metrics.ingest.LedgerState;
import io.cxhub.metrics.ingest.RecordedResponse;
import io.cxhub.metrics.ingest.RecordedResponses;
import io.cxhub.metrics.ingest.ScoredAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The ledger in the {@code responses} collection:
 *
 * <pre>
 * { _id: "&lt;tenantId&gt;:&lt;responseId&gt;", tenantId, responseId, surveyId, surveyVersion, channel,
 *   submitTime, answers: [{questionId, kind, score, scaleMin, scaleMax}], customerId, segment,
 *   state: APPLYING|APPLIED|SETTLED, receivedAt, appliedAt?, settledAt? }
 * </pre>
 *
 * <p>Per-id reads and writes filter on {@code _id} alone, which starts with the tenant id:
 * the embedded server uses its {@code _id} index only for such filters. {@code tenants}
 * lists the tenants with responses ({@code _id} = tenant id) so the sweeper can work tenant
 * by tenant.
 */
@Repository
class MongoRecordedResponses implements RecordedResponses {

  static final String COLLECTION = "responses";
  static final String TENANTS = "tenants";

  private final MongoCollection<Document> collection;
  private final MongoCollection<Document> tenants;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  MongoRecordedResponses(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    this.tenants = database.getCollection(TENANTS);
    MongoIndexes.ensure(collection,
        Indexes.ascending("tenantId", "state", "receivedAt"),
        new IndexOptions().name("tenant_state_received"));
  }

  static String key(String tenantId, String responseId) {
    return tenantId + ":" + responseId;
  }

  @Override
  public void registerTenant(String tenantId) {
    if (registered.contains(tenantId)) {
      return;
    }
    tenants.updateOne(eq("_id", tenantId), Updates.setOnInsert("tenantId", tenantId), new UpdateOptions().upsert(true));
    registered.add(tenantId);
  }

  @Override
  public Set<String> knownTenants() {
    var result = new HashSet<String>();
    tenants.find().projection(Projections.include("_id")).forEach(d -> result.add(d.getString("_id")));
    return result;
  }

  @Override
  public void insertIfAbsent(String tenantId, Collection<RecordedResponse> responses, Instant receivedAt) {
    if (responses.isEmpty()) {
      return;
    }
    var upserts = new ArrayList<WriteModel<Document>>(responses.size());
    for (RecordedResponse r : responses) {
      var answers = new ArrayList<Document>();
      for (ScoredAnswer a : r.answers()) {
        answers.add(new Document("questionId", a.questionId())
            .append("kind", a.kind())
            .append("score", a.score())
            .append("scaleMin", a.scaleMin())
            .append("scaleMax", a.scaleMax()));
      }
      upserts.add(new UpdateOneModel<>(
          eq("_id", key(tenantId, r.responseId())),
          Updates.combine(
              Updates.setOnInsert("tenantId", tenantId),
              Updates.setOnInsert("responseId", r.responseId()),
              Updates.setOnInsert("surveyId", r.surveyId()),
              Updates.setOnInsert("surveyVersion", r.surveyVersion()),
              Updates.setOnInsert("channel", r.channel()),
              Updates.setOnInsert("submitTime", Date.from(r.submitTime())),
              Updates.setOnInsert("answers", answers),
              Updates.setOnInsert("customerId", r.customerId()),
              Updates.setOnInsert("segment", r.segment()),
              Updates.setOnInsert("state", LedgerState.APPLYING.name()),
              Updates.setOnInsert("receivedAt", Date.from(receivedAt))),
          new UpdateOptions().upsert(true)));
    }
    // a concurrent call that inserted the same response first keeps its copy
    MongoBulk.writeIgnoringDuplicateKeys(collection, upserts);
  }

  @Override
  public Map<String, LedgerEntry> find(String tenantId, Collection<String> responseIds) {
    var result = new HashMap<String, LedgerEntry>();
    collection.find(in("_id", keys(tenantId, responseIds))).forEach(d -> {
      if (tenantId.equals(d.getString("tenantId"))) {
        LedgerEntry e = toEntry(d);
        result.put(e.response().responseId(), e);
      }
    });
    return result;
  }

  @Override
  public void markApplied(String tenantId, Collection<String> responseIds, Instant appliedAt) {
    // by _id alone (see the class comment). A SETTLED entry marked again by a late
    // duplicate becomes APPLIED with a later appliedAt: still applied, and the sweeper
    // settles it again after the grace period, which only errs on the safe side.
    collection.updateMany(
        in("_id", keys(tenantId, responseIds)),
        Updates.combine(Updates.set("state", LedgerState.APPLIED.name()), Updates.set("appliedAt", Date.from(appliedAt))));
  }

  @Override
  public void markSettled(String tenantId, Collection<String> responseIds, Instant settledAt) {
    collection.updateMany(
        in("_id", keys(tenantId, responseIds)),
        Updates.combine(Updates.set("state", LedgerState.SETTLED.name()), Updates.set("settledAt", Date.from(settledAt))));
  }

  @Override
  public List<LedgerEntry> findUnsettled(String tenantId, int limit) {
    return collection.find(and(
            eq("tenantId", tenantId),
            in("state", LedgerState.APPLYING.name(), LedgerState.APPLIED.name())))
        .sort(Sorts.ascending("receivedAt"))
        .limit(limit)
        .map(MongoRecordedResponses::toEntry)
        .into(new ArrayList<>());
  }

  @Override
  public void forEachEntry(String tenantId, Consumer<LedgerEntry> action) {
    collection.find(eq("tenantId", tenantId)).forEach(d -> action.accept(toEntry(d)));
  }

  private static List<String> keys(String tenantId, Collection<String> responseIds) {
    return responseIds.stream().map(id -> key(tenantId, id)).toList();
  }

  static LedgerEntry toEntry(Document d) {
    var answers = new ArrayList<ScoredAnswer>();
    for (Document a : d.getList("answers", Document.class, List.of())) {
      answers.add(new ScoredAnswer(
          a.getString("questionId"),
          a.getString("kind"),
          a.getInteger("score"),
          a.getInteger("scaleMin", 0),
          a.getInteger("scaleMax", 0)));
    }
    var response = new RecordedResponse(
        d.getString("responseId"),
        d.getString("surveyId"),
        d.getInteger("surveyVersion", 0),
        d.getString("channel"),
        d.getDate("submitTime").toInstant(),
        answers,
        d.getString("customerId"),
        d.getString("segment"));
    Date applied = d.getDate("appliedAt");
    return new LedgerEntry(
        response,
        LedgerState.valueOf(d.getString("state")),
        d.getDate("receivedAt").toInstant(),
        applied == null ? null : applied.toInstant());
  }
}
