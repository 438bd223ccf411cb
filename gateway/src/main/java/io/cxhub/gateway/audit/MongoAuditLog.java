package io.cxhub.gateway.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.apikey.Scope;
import io.cxhub.gateway.tenant.Tenant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The audit log in collection {@code audit_events} of {@code cx_gateway}. The {@code _id}
 * is {@code <tenantId>:<eventId>} and event ids sort by time, so a tenant's newest-first
 * page is a range of the primary key read backwards ({@code _id} below the last one shown,
 * above {@code <tenantId>:}). The index {@code {tenantId, type, _id}} serves the pages
 * filtered by type on MongoDB. Documents are never updated nor deleted.
 */
public final class MongoAuditLog implements AuditLog {

  private final MongoCollection<Document> collection;

  public MongoAuditLog(MongoDatabase database) {
    this.collection = database.getCollection("audit_events");
    collection.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "type"), Indexes.descending("_id")),
        new IndexOptions().name("tenantId_type_id"));
  }

  @Override
  public void record(AuditEvent event) {
    var doc = new Document("_id", event.tenantId() + ":" + event.eventId())
        .append("tenantId", event.tenantId())
        .append("eventId", event.eventId())
        .append("type", event.type().name())
        .append("eventTime", Date.from(event.eventTime()))
        .append("actor", new Document("keyId", event.actor().keyId())
            .append("tenantId", event.actor().tenantId())
            .append("displayName", event.actor().displayName())
            .append("platformOperator", event.actor().platformOperator()))
        .append("clientAddress", event.clientAddress())
        .append("requestId", event.requestId());
    event.apiKey().ifPresent(key -> doc.append("apiKey", keyDocument(key)));
    event.tenant().ifPresent(tenant -> doc.append("tenant", new Document("tenantId", tenant.tenantId())
        .append("displayName", tenant.displayName())
        .append("createTime", Date.from(tenant.createTime()))));
    collection.insertOne(doc);
  }

  @Override
  public List<AuditEvent> list(String tenantId, Optional<AuditEventType> type, Optional<String> beforeEventId,
      int limit) {
    String prefix = tenantId + ":";
    Bson upper = beforeEventId.map(id -> Filters.lt("_id", prefix + id))
        // ';' follows ':' in ASCII: every id of the tenant sorts below it
        .orElse(Filters.lt("_id", tenantId + ";"));
    var filters = new ArrayList<Bson>(List.of(Filters.eq("tenantId", tenantId), Filters.gt("_id", prefix), upper));
    type.ifPresent(t -> filters.add(Filters.eq("type", t.name())));
    var events = new ArrayList<AuditEvent>();
    collection.find(Filters.and(filters)).sort(Sorts.descending("_id")).limit(limit)
        .forEach(doc -> events.add(toEvent(doc)));
    return events;
  }

  private static Document keyDocument(ApiKey key) {
    var doc = new Document("keyId", key.keyId())
        .append("tenantId", key.tenantId())
        .append("displayName", key.displayName())
        .append("role", key.role().name())
        .append("scopes", Arrays.stream(Scope.values()).filter(key.scopes()::contains).map(Scope::name).toList())
        .append("platformOperator", key.platformOperator())
        .append("secretPrefix", key.secretPrefix())
        .append("createTime", Date.from(key.createTime()));
    key.revokeTime().ifPresent(time -> doc.append("revokeTime", Date.from(time)));
    return doc;
  }

  private static AuditEvent toEvent(Document doc) {
    Document actor = doc.get("actor", Document.class);
    Document key = doc.get("apiKey", Document.class);
    Document tenant = doc.get("tenant", Document.class);
    return new AuditEvent(
        doc.getString("eventId"),
        doc.getString("tenantId"),
        AuditEventType.valueOf(doc.getString("type")),
        doc.getDate("eventTime").toInstant(),
        new AuditActor(actor.getString("keyId"), actor.getString("tenantId"), actor.getString("displayName"),
            actor.getBoolean("platformOperator", false)),
        doc.getString("clientAddress"),
        doc.getString("requestId"),
        Optional.ofNullable(key).map(MongoAuditLog::toKey),
        Optional.ofNullable(tenant).map(t -> new Tenant(t.getString("tenantId"), t.getString("displayName"),
            t.getDate("createTime").toInstant())));
  }

  private static ApiKey toKey(Document doc) {
    var scopes = EnumSet.noneOf(Scope.class);
    doc.getList("scopes", String.class, List.of()).forEach(name -> scopes.add(Scope.valueOf(name)));
    Date revoked = doc.getDate("revokeTime");
    // the hash is not kept in the log: it is the lookup key of a live secret
    return ApiKey.builder()
        .hash("")
        .tenantId(doc.getString("tenantId"))
        .keyId(doc.getString("keyId"))
        .displayName(doc.getString("displayName"))
        .role(Role.valueOf(doc.getString("role")))
        .scopes(scopes)
        .platformOperator(doc.getBoolean("platformOperator", false))
        .secretPrefix(doc.getString("secretPrefix"))
        .createTime(doc.getDate("createTime").toInstant())
        .revokeTime(revoked == null ? null : revoked.toInstant())
        .build();
  }
}
