package io.cxhub.survey.alert.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.survey.alert.AlertSubject;
import io.cxhub.survey.alert.PendingAlerts;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The alerting outbox kept in the response documents themselves: the response adapter
 * writes {@code alerting: {state: "PENDING"}} in the insert that accepts a response; this
 * adapter reads the pending ones and sets {@code alerting.state: "DONE"}. Responses stored
 * before alerting existed have no marker and are never evaluated (no back-fill).
 *
 * <p>Reads {@code responses} (answers, channel, survey) and {@code outbox_tenants} (the
 * tenants that have responses), both owned by the response feature's adapter.
 */
@Repository
class MongoPendingAlerts implements PendingAlerts {

  static final String RESPONSES = "responses";
  static final String TENANTS = "outbox_tenants";
  static final String PENDING = "PENDING";

  private final MongoCollection<Document> responses;
  private final MongoCollection<Document> tenants;

  MongoPendingAlerts(MongoDatabase database) {
    this.responses = database.getCollection(RESPONSES);
    this.tenants = database.getCollection(TENANTS);
    MongoIndexes.ensure(responses, Indexes.ascending("tenantId", "alerting.state", "submitTime"),
        new IndexOptions().name("tenant_alerting_pending"));
  }

  @Override
  public Set<String> tenants() {
    var result = new HashSet<String>();
    tenants.find().projection(Projections.include("_id")).forEach(d -> result.add(d.getString("_id")));
    return result;
  }

  @Override
  public List<AlertSubject> findPending(String tenantId, int limit) {
    return responses.find(and(eq("tenantId", tenantId), eq("alerting.state", PENDING)))
        .sort(Sorts.ascending("submitTime"))
        .limit(limit)
        .map(MongoPendingAlerts::toSubject)
        .into(new ArrayList<>());
  }

  @Override
  public void markDone(String tenantId, String responseId) {
    responses.updateOne(eq("_id", tenantId + ":" + responseId), Updates.combine(
        Updates.set("alerting.state", "DONE"), Updates.set("alerting.doneAt", new Date())));
  }

  @Override
  public void markFailed(String tenantId, String responseId, String reason) {
    responses.updateOne(eq("_id", tenantId + ":" + responseId), Updates.combine(
        Updates.set("alerting.state", "FAILED"), Updates.set("alerting.error", reason),
        Updates.set("alerting.doneAt", new Date())));
  }

  static AlertSubject toSubject(Document d) {
    var scores = new ArrayList<AlertSubject.Score>();
    var texts = new ArrayList<String>();
    for (Document a : d.getList("answers", Document.class, List.of())) {
      if (a.containsKey("score")) {
        scores.add(new AlertSubject.Score(a.getString("questionId"), "NPS".equals(a.getString("kind")), a.getInteger("score")));
      } else if (a.containsKey("text")) {
        texts.add(a.getString("text"));
      }
    }
    return new AlertSubject(
        d.getString("tenantId"),
        d.getString("responseId"),
        d.getString("surveyId"),
        Channel.valueOf(d.getString("channel")),
        d.getString("stageId"),
        d.getString("touchpointId"),
        scores,
        texts,
        d.getDate("submitTime").toInstant());
  }
}
