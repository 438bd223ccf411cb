package io.cxhub.survey.response.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the outbox states of responses stored before the named-subscriber outbox into it,
 * so that they are still relayed and evaluated after an upgrade. Those documents carry
 * <pre>
 *   outbox:   {state: PENDING|DELIVERED, attempts, nextAttemptAt, deliveredAt?}   (the metrics relay)
 *   alerting: {state: PENDING|DONE|FAILED, doneAt?, error?}                       (the alert worker)
 * </pre>
 * and become {@code outbox: {metrics: {...}, alerts: {...}}} in the current shape (a pending
 * entry with its {@code due} date, so the subscriber's index finds it). A response without
 * {@code alerting} predates alerting and is not evaluated, as before.
 *
 * <p>Tenant by tenant, in batches of {@value #BATCH}: each document is rewritten by one
 * update conditioned on its legacy fields, so replicas starting together never rewrite a
 * document twice and a second run changes nothing. When a whole pass is done it is recorded
 * in {@code migrations} ({@code _id} {@value #ID}), so later starts skip it for one lookup.
 * The adapter recounts the pending counters after it.
 */
final class LegacyOutboxMigration {

  private static final Logger log = LoggerFactory.getLogger(LegacyOutboxMigration.class);
  static final String ID = "responses-legacy-outbox";
  static final String MIGRATIONS = "migrations";
  static final int BATCH = 500;
  static final String METRICS = "metrics";
  static final String ALERTS = "alerts";

  private final MongoCollection<Document> responses;
  private final MongoCollection<Document> tenants;
  private final MongoCollection<Document> migrations;

  LegacyOutboxMigration(MongoDatabase database) {
    this.responses = database.getCollection(MongoSurveyResponses.COLLECTION);
    this.tenants = database.getCollection(MongoSurveyResponses.TENANTS);
    this.migrations = database.getCollection(MIGRATIONS);
  }

  /** @return how many responses it rewrote (0 when already done) */
  long run(Instant now) {
    if (migrations.find(eq("_id", ID)).first() != null) {
      return 0;
    }
    long rewritten = 0;
    for (String tenant : legacyTenants()) {
      rewritten += migrateTenant(tenant, now);
    }
    migrations.updateOne(eq("_id", ID), Updates.combine(Updates.set("doneAt", Date.from(now)),
        Updates.set("rewritten", rewritten)), new UpdateOptions().upsert(true));
    if (rewritten > 0) {
      log.info("moved the outbox state of {} responses stored before named subscribers", rewritten);
    }
    return rewritten;
  }

  private static Bson legacy() {
    return or(exists("outbox.state"), exists("alerting"));
  }

  /** The tenants with legacy documents: those registered, and any the registry missed. */
  private Set<String> legacyTenants() {
    var result = new TreeSet<String>();
    tenants.find().projection(Projections.include("_id")).forEach(d -> result.add(d.getString("_id")));
    // one pass over the collection, once per installation: responses written before the
    // tenant registry existed have no entry there
    responses.distinct("tenantId", legacy(), String.class).forEach(result::add);
    return result;
  }

  private long migrateTenant(String tenant, Instant now) {
    long rewritten = 0;
    boolean registered = false;
    while (true) {
      List<Document> batch = responses.find(and(eq("tenantId", tenant), legacy())).limit(BATCH)
          .into(new ArrayList<>());
      if (batch.isEmpty()) {
        return rewritten;
      }
      if (!registered) {
        tenants.updateOne(eq("_id", tenant), Updates.setOnInsert("tenantId", tenant), new UpdateOptions().upsert(true));
        registered = true;
      }
      var writes = new ArrayList<UpdateOneModel<Document>>(batch.size());
      for (Document d : batch) {
        writes.add(new UpdateOneModel<>(and(eq("_id", d.get("_id")), legacy()),
            Updates.combine(Updates.set("outbox", outbox(d, now)), Updates.unset("alerting"))));
      }
      rewritten += responses.bulkWrite(writes).getModifiedCount();
    }
  }

  /** The named-subscriber outbox of a legacy document. */
  static Document outbox(Document d, Instant now) {
    var outbox = new Document();
    Document relay = d.get("outbox", Document.class);
    if (relay != null && relay.getString("state") != null) {
      boolean pending = "PENDING".equals(relay.getString("state"));
      var entry = new Document("state", pending ? "PENDING" : "DELIVERED")
          .append("attempts", relay.getInteger("attempts", 0));
      if (pending) {
        Date next = relay.getDate("nextAttemptAt");
        entry.append("due", next == null ? Date.from(now) : next);
      } else if (relay.getDate("deliveredAt") != null) {
        entry.append("doneAt", relay.getDate("deliveredAt"));
      }
      outbox.append(METRICS, entry);
    } else if (relay != null) {
      // already in the current shape (a document half-way through an older run cannot be,
      // the rewrite is one update; kept for safety)
      relay.forEach(outbox::append);
    }
    Document alerting = d.get("alerting", Document.class);
    if (alerting != null) {
      String state = alerting.getString("state");
      var entry = new Document("attempts", 0);
      if ("PENDING".equals(state)) {
        entry.append("state", "PENDING").append("due", Date.from(now));
      } else {
        entry.append("state", "FAILED".equals(state) ? "FAILED" : "DELIVERED");
        if (alerting.getDate("doneAt") != null) {
          entry.append("doneAt", alerting.getDate("doneAt"));
        }
        if (alerting.getString("error") != null) {
          entry.append("error", alerting.getString("error"));
        }
      }
      outbox.append(ALERTS, entry);
    }
    return outbox;
  }
}
