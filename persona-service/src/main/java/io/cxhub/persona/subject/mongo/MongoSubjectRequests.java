package io.cxhub.persona.subject.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.cxhub.kit.mongo.MongoIndexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.id.Ids;
import io.cxhub.persona.subject.SubjectRequest;
import io.cxhub.persona.subject.SubjectRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Data-subject requests in {@code data_subject_requests}: {@code { _id:
 * "<tenantId>:<requestId>", tenantId, requestId, kind, customerId (while needed), subjectHash,
 * state, actor, createdAt, completedAt, expiresAt, dueAt (earliest next attempt of a pending
 * part), parts: [{service, done, attempts, lastError, nextAttemptAt, completedAt, items}] }},
 * replaced as they progress; export sections in {@code data_subject_exports}: {@code { _id:
 * "<tenantId>:<requestId>", tenantId, subjectHash, expiresAt, sections: {service: json} }}.
 */
@Repository
class MongoSubjectRequests implements SubjectRequests {

  private static final List<String> ACTIVE = List.of(SubjectRequest.State.RUNNING.name(),
      SubjectRequest.State.STALLED.name());

  private final MongoCollection<Document> collection;
  private final MongoCollection<Document> exports;

  MongoSubjectRequests(MongoDatabase database) {
    this.collection = database.getCollection("data_subject_requests");
    this.exports = database.getCollection("data_subject_exports");
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "subjectHash"), new IndexOptions().name("tenant_subject"));
    MongoIndexes.ensure(collection, Indexes.compoundIndex(Indexes.ascending("tenantId"), Indexes.descending("createdAt")),
        new IndexOptions().name("tenant_created"));
    // the worker's scan of due requests crosses tenants without an index: requests are rare
    // and few are ever active at once
  }

  @Override
  public void save(SubjectRequest r) {
    String key = Ids.tenantScoped(r.tenantId(), r.id());
    var parts = new ArrayList<Document>();
    Instant dueAt = null;
    for (var p : r.parts()) {
      parts.add(new Document("service", p.service()).append("done", p.done()).append("attempts", p.attempts())
          .append("lastError", p.lastError()).append("nextAttemptAt", date(p.nextAttemptAt()))
          .append("completedAt", date(p.completedAt())).append("items", p.items()));
      if (!p.done() && (dueAt == null || p.nextAttemptAt().isBefore(dueAt))) {
        dueAt = p.nextAttemptAt();
      }
    }
    var doc = new Document("_id", key).append("tenantId", r.tenantId()).append("requestId", r.id())
        .append("kind", r.kind().name()).append("customerId", r.customerId()).append("subjectHash", r.subjectHash())
        .append("state", r.state().name()).append("actor", r.actor()).append("createdAt", date(r.createdAt()))
        .append("completedAt", date(r.completedAt())).append("expiresAt", date(r.expiresAt()))
        .append("dueAt", date(dueAt)).append("parts", parts);
    collection.replaceOne(eq("_id", key), doc, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<SubjectRequest> find(String tenantId, String requestId) {
    var d = collection.find(eq("_id", Ids.tenantScoped(tenantId, requestId))).first();
    return d == null || !tenantId.equals(d.getString("tenantId")) ? Optional.empty() : Optional.of(toRequest(d));
  }

  @Override
  public Optional<SubjectRequest> findActive(String tenantId, SubjectRequest.Kind kind, String subjectHash) {
    var d = collection.find(and(eq("tenantId", tenantId), eq("subjectHash", subjectHash), eq("kind", kind.name()),
        in("state", ACTIVE))).sort(Sorts.ascending("createdAt")).first();
    return Optional.ofNullable(d).map(MongoSubjectRequests::toRequest);
  }

  @Override
  public List<SubjectRequest> due(Instant now, int limit) {
    var result = new ArrayList<SubjectRequest>();
    collection.find(and(in("state", ACTIVE), lte("dueAt", Date.from(now)))).sort(Sorts.ascending("dueAt"))
        .limit(limit).forEach(d -> result.add(toRequest(d)));
    return result;
  }

  @Override
  public Page page(String tenantId, int pageSize, String pageToken) {
    int offset = 0;
    if (pageToken != null && !pageToken.isEmpty()) {
      try {
        offset = Integer.parseInt(pageToken);
      } catch (NumberFormatException e) {
        offset = -1;
      }
      if (offset < 0) {
        throw InvalidInputException.of("page_token", "is not a token of this list");
      }
    }
    var result = new ArrayList<SubjectRequest>();
    collection.find(eq("tenantId", tenantId)).sort(Sorts.descending("createdAt", "_id")).skip(offset)
        .limit(pageSize + 1).forEach(d -> result.add(toRequest(d)));
    boolean more = result.size() > pageSize;
    return new Page(more ? result.subList(0, pageSize) : result, more ? Integer.toString(offset + pageSize) : "");
  }

  @Override
  public void saveSection(SubjectRequest request, String service, String json, Instant expiresAt) {
    String key = Ids.tenantScoped(request.tenantId(), request.id());
    exports.updateOne(eq("_id", key), Updates.combine(Updates.set("tenantId", request.tenantId()),
        Updates.set("subjectHash", request.subjectHash()), Updates.set("expiresAt", Date.from(expiresAt)),
        Updates.set("sections." + service, json)), new com.mongodb.client.model.UpdateOptions().upsert(true));
  }

  @Override
  public Optional<Map<String, String>> sections(String tenantId, String requestId, Instant now) {
    var d = exports.find(eq("_id", Ids.tenantScoped(tenantId, requestId))).first();
    if (d == null || !d.getDate("expiresAt").toInstant().isAfter(now)) {
      return Optional.empty();
    }
    var result = new LinkedHashMap<String, String>();
    var sections = d.get("sections", Document.class);
    if (sections != null) {
      sections.forEach((k, v) -> result.put(k, (String) v));
    }
    return Optional.of(result);
  }

  @Override
  public long forgetSubject(String tenantId, String subjectHash) {
    long deleted = exports.deleteMany(and(eq("tenantId", tenantId), eq("subjectHash", subjectHash))).getDeletedCount();
    long changed = collection.updateMany(and(eq("tenantId", tenantId), eq("subjectHash", subjectHash)),
        Updates.set("customerId", null)).getModifiedCount();
    return deleted + changed;
  }

  @Override
  public long deleteExpiredExports(Instant now) {
    return exports.deleteMany(lte("expiresAt", Date.from(now))).getDeletedCount();
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Document d, String field) {
    Date date = d.getDate(field);
    return date == null ? null : date.toInstant();
  }

  private static SubjectRequest toRequest(Document d) {
    var parts = new ArrayList<SubjectRequest.Part>();
    for (var p : d.getList("parts", Document.class)) {
      parts.add(new SubjectRequest.Part(p.getString("service"), p.getBoolean("done"),
          ((Number) p.get("attempts")).intValue(), p.getString("lastError"), instant(p, "nextAttemptAt"),
          instant(p, "completedAt"), ((Number) p.get("items")).longValue()));
    }
    return new SubjectRequest(d.getString("requestId"), d.getString("tenantId"),
        SubjectRequest.Kind.valueOf(d.getString("kind")), d.getString("customerId"), d.getString("subjectHash"),
        SubjectRequest.State.valueOf(d.getString("state")), parts, d.getString("actor"), instant(d, "createdAt"),
        instant(d, "completedAt"), instant(d, "expiresAt"));
  }
}
