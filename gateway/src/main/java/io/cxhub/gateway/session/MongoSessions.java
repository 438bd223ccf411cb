package io.cxhub.gateway.session;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Sessions in collection {@code sessions} of {@code cx_gateway}: {@code _id} is the SHA-256
 * of the cookie value, so each request costs one read by primary key. Replicas of the
 * gateway share them. Expired sessions are refused on read and swept periodically (the
 * embedded server ignores TTL indexes; real MongoDB also gets one on {@code lastSeenTime}).
 */
public final class MongoSessions implements Sessions {

  private final MongoCollection<Document> collection;

  public MongoSessions(MongoDatabase database) {
    this.collection = database.getCollection("sessions");
    collection.createIndex(Indexes.ascending("userId"), new IndexOptions().name("userId"));
  }

  @Override
  public void insert(Session session) {
    collection.insertOne(new Document("_id", session.hash())
        .append("userId", session.userId())
        .append("tenantId", session.tenantId())
        .append("csrfToken", session.csrfToken())
        .append("createTime", Date.from(session.createTime()))
        .append("lastSeenTime", Date.from(session.lastSeenTime())));
  }

  @Override
  public Optional<Session> find(String hash) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", hash)).first()).map(doc -> new Session(
        doc.getString("_id"), doc.getString("userId"), doc.getString("tenantId"), doc.getString("csrfToken"),
        doc.getDate("createTime").toInstant(), doc.getDate("lastSeenTime").toInstant()));
  }

  @Override
  public void touch(String hash, Instant time) {
    collection.updateOne(Filters.eq("_id", hash), Updates.set("lastSeenTime", Date.from(time)));
  }

  @Override
  public void delete(String hash) {
    collection.deleteOne(Filters.eq("_id", hash));
  }

  @Override
  public void deleteForUser(String userId) {
    collection.deleteMany(Filters.eq("userId", userId));
  }

  @Override
  public long deleteExpired(Instant idleBefore, Instant createdBefore) {
    return collection.deleteMany(Filters.or(Filters.lt("lastSeenTime", Date.from(idleBefore)),
        Filters.lt("createTime", Date.from(createdBefore)))).getDeletedCount();
  }
}
