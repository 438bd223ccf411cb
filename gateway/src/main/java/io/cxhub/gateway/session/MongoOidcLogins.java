package io.cxhub.gateway.session;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Single sign-on attempts in collection {@code oidc_logins} of {@code cx_gateway}, keyed by
 * the SHA-256 of the browser's cookie, so that any replica of the gateway can complete an
 * attempt another one began. Completing one deletes it.
 */
public final class MongoOidcLogins implements OidcLogins {

  private final MongoCollection<Document> collection;

  public MongoOidcLogins(MongoDatabase database) {
    this.collection = database.getCollection("oidc_logins");
  }

  @Override
  public void insert(Pending pending) {
    collection.insertOne(new Document("_id", pending.hash())
        .append("state", pending.state())
        .append("nonce", pending.nonce())
        .append("codeVerifier", pending.codeVerifier())
        .append("redirectUri", pending.redirectUri())
        .append("createTime", Date.from(pending.createTime())));
  }

  @Override
  public Optional<Pending> take(String hash) {
    return Optional.ofNullable(collection.findOneAndDelete(Filters.eq("_id", hash))).map(doc -> new Pending(
        doc.getString("_id"), doc.getString("state"), doc.getString("nonce"), doc.getString("codeVerifier"),
        doc.getString("redirectUri"), doc.getDate("createTime").toInstant()));
  }

  @Override
  public long deleteCreatedBefore(Instant time) {
    return collection.deleteMany(Filters.lt("createTime", Date.from(time))).getDeletedCount();
  }
}
