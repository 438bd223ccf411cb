package io.cxhub.gateway.session;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.kit.mongo.MongoInserts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Users in collection {@code users} of {@code cx_gateway} ({@code _id} is the user id; a
 * unique index on {@code email} makes the login name unique across CX Hub and serves the
 * login lookup) and invitations in {@code invitations} ({@code _id} is the SHA-256 of the
 * invitation's secret, so opening a link is one read by primary key).
 */
public final class MongoUsers implements Users {

  private final MongoCollection<Document> users;
  private final MongoCollection<Document> invitations;

  public MongoUsers(MongoDatabase database) {
    this.users = database.getCollection("users");
    this.invitations = database.getCollection("invitations");
    users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true).name("email"));
    users.createIndex(Indexes.ascending("tenantId", "email"), new IndexOptions().name("tenantId_email"));
    invitations.createIndex(Indexes.ascending("tenantId", "expireTime"), new IndexOptions().name("tenantId_expireTime"));
    invitations.createIndex(Indexes.ascending("email", "createTime"), new IndexOptions().name("email_createTime"));
  }

  @Override
  public boolean insert(User user) {
    return MongoInserts.insertIfAbsent(users, new Document("_id", user.userId())
        .append("tenantId", user.tenantId())
        .append("email", user.email())
        .append("displayName", user.displayName())
        .append("role", user.role().name())
        .append("passwordHash", user.passwordHash().orElse(null))
        .append("createTime", Date.from(user.createTime()))
        .append("lastLoginTime", user.lastLoginTime().map(Date::from).orElse(null)));
  }

  @Override
  public Optional<User> find(String userId) {
    return Optional.ofNullable(users.find(Filters.eq("_id", userId)).first()).map(MongoUsers::toUser);
  }

  @Override
  public Optional<User> findByEmail(String email) {
    return Optional.ofNullable(users.find(Filters.eq("email", email)).first()).map(MongoUsers::toUser);
  }

  @Override
  public List<User> list(String tenantId) {
    var found = new ArrayList<User>();
    users.find(Filters.eq("tenantId", tenantId)).sort(Sorts.ascending("email")).forEach(doc -> found.add(toUser(doc)));
    return found;
  }

  @Override
  public Optional<User> updateRole(String tenantId, String userId, Role role) {
    return Optional.ofNullable(users.findOneAndUpdate(
        Filters.and(Filters.eq("_id", userId), Filters.eq("tenantId", tenantId)),
        Updates.set("role", role.name()),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(MongoUsers::toUser);
  }

  @Override
  public void recordLogin(String userId, Instant time) {
    users.updateOne(Filters.eq("_id", userId), Updates.set("lastLoginTime", Date.from(time)));
  }

  @Override
  public boolean delete(String tenantId, String userId) {
    return users.deleteOne(Filters.and(Filters.eq("_id", userId), Filters.eq("tenantId", tenantId))).getDeletedCount() > 0;
  }

  @Override
  public void insertInvitation(Invitation invitation) {
    invitations.insertOne(new Document("_id", invitation.hash())
        .append("invitationId", invitation.invitationId())
        .append("tenantId", invitation.tenantId())
        .append("email", invitation.email())
        .append("role", invitation.role().name())
        .append("createTime", Date.from(invitation.createTime()))
        .append("expireTime", Date.from(invitation.expireTime()))
        .append("acceptTime", null));
  }

  @Override
  public Optional<Invitation> findInvitation(String hash) {
    return Optional.ofNullable(invitations.find(Filters.eq("_id", hash)).first()).map(MongoUsers::toInvitation);
  }

  @Override
  public Optional<Invitation> findOpenInvitation(String email, Instant now) {
    return Optional.ofNullable(invitations.find(Filters.and(Filters.eq("email", email),
            Filters.gt("expireTime", Date.from(now)), Filters.eq("acceptTime", null)))
        .sort(Sorts.descending("createTime")).first()).map(MongoUsers::toInvitation);
  }

  @Override
  public List<Invitation> openInvitations(String tenantId, Instant now) {
    var found = new ArrayList<Invitation>();
    invitations.find(Filters.and(Filters.eq("tenantId", tenantId), Filters.gt("expireTime", Date.from(now)),
            Filters.eq("acceptTime", null)))
        .sort(Sorts.ascending("createTime")).forEach(doc -> found.add(toInvitation(doc)));
    return found;
  }

  @Override
  public boolean acceptInvitation(String hash, Instant time) {
    return invitations.updateOne(Filters.and(Filters.eq("_id", hash), Filters.eq("acceptTime", null)),
        Updates.set("acceptTime", Date.from(time))).getModifiedCount() > 0;
  }

  private static User toUser(Document doc) {
    Date last = doc.getDate("lastLoginTime");
    return new User(doc.getString("_id"), doc.getString("tenantId"), doc.getString("email"),
        doc.getString("displayName"), Role.valueOf(doc.getString("role")),
        Optional.ofNullable(doc.getString("passwordHash")), doc.getDate("createTime").toInstant(),
        Optional.ofNullable(last).map(Date::toInstant));
  }

  private static Invitation toInvitation(Document doc) {
    Date accepted = doc.getDate("acceptTime");
    return new Invitation(doc.getString("_id"), doc.getString("invitationId"), doc.getString("tenantId"),
        doc.getString("email"), Role.valueOf(doc.getString("role")), doc.getDate("createTime").toInstant(),
        doc.getDate("expireTime").toInstant(), Optional.ofNullable(accepted).map(Date::toInstant));
  }
}
