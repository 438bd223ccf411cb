package io.cxhub.survey.invitation.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.survey.invitation.Invitation;
import io.cxhub.survey.invitation.InvitationStatus;
import io.cxhub.survey.invitation.Invitations;
import io.cxhub.survey.invitation.MessageKind;
import io.cxhub.survey.invitation.ReminderStatus;
import io.cxhub.survey.invitation.SendAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Invitations and their send queue in {@code invitations}, one document per invitation,
 * {@code _id} = its public token (as for distributions: the respondent path knows only the
 * token, and two tokens can never be equal):
 *
 * <pre>
 * { _id: token, tenantId, invitationId, campaignId, distributionId, surveyId, customerId, name,
 *   channel, address, status, reminderStatus, nextSendAt?, nextKind, sendingSince?, sentAt?,
 *   openedAt?, respondedAt?, responseId?, reminderAt?, lastError?, createTime,
 *   attempts: [{at, kind, outcome, error}] }
 * </pre>
 *
 * The queue is {@code nextSendAt} (indexed per tenant); a claim and the outcome of a send
 * are each one conditional update of the document.
 */
@Repository
class MongoInvitations implements Invitations, SubjectHolding {

  static final String COLLECTION = "invitations";

  private final MongoCollection<Document> collection;

  MongoInvitations(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    // data-subject requests: a subject's invitations
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "customerId"), new IndexOptions().name("tenant_customer"));
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "invitationId"),
        new IndexOptions().name("tenant_invitation").unique(true));
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "nextSendAt"), new IndexOptions().name("tenant_due"));
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "campaignId", "invitationId"),
        new IndexOptions().name("tenant_campaign"));
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "surveyId"), new IndexOptions().name("tenant_survey"));
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "sendingSince"), new IndexOptions().name("tenant_sending"));
  }

  private static Bson byId(String tenantId, String invitationId) {
    return and(eq("tenantId", tenantId), eq("invitationId", invitationId));
  }

  @Override
  public void insertAll(List<Invitation> invitations) {
    if (!invitations.isEmpty()) {
      collection.insertMany(invitations.stream().map(MongoInvitations::toDocument).toList(),
          new InsertManyOptions().ordered(true));
    }
  }

  @Override
  public Optional<Invitation> find(String tenantId, String invitationId) {
    return Optional.ofNullable(collection.find(byId(tenantId, invitationId)).first()).map(MongoInvitations::toDomain);
  }

  @Override
  public Optional<Invitation> findByToken(String token) {
    return Optional.ofNullable(collection.find(eq("_id", token)).first()).map(MongoInvitations::toDomain);
  }

  @Override
  public List<Invitation> listByCampaign(String tenantId, String campaignId, String afterId, int limit) {
    Bson filter = and(eq("tenantId", tenantId), eq("campaignId", campaignId));
    if (afterId != null) {
      filter = and(filter, gt("invitationId", afterId));
    }
    return collection.find(filter).sort(Sorts.ascending("invitationId")).limit(limit)
        .map(MongoInvitations::toDomain).into(new ArrayList<>());
  }

  @Override
  public List<Invitation> allOfCampaign(String tenantId, String campaignId) {
    return collection.find(and(eq("tenantId", tenantId), eq("campaignId", campaignId)))
        .projection(Projections.exclude("attempts", "address", "name"))
        .map(MongoInvitations::toDomain).into(new ArrayList<>());
  }

  @Override
  public List<Invitation> allOfSurvey(String tenantId, String surveyId) {
    return collection.find(and(eq("tenantId", tenantId), eq("surveyId", surveyId)))
        .projection(Projections.exclude("attempts", "address", "name"))
        .map(MongoInvitations::toDomain).into(new ArrayList<>());
  }

  @Override
  public List<Invitation> findDue(String tenantId, Instant now, int limit) {
    return collection.find(and(eq("tenantId", tenantId), lte("nextSendAt", Date.from(now))))
        .sort(Sorts.ascending("nextSendAt"))
        .limit(limit)
        .map(MongoInvitations::toDomain)
        .into(new ArrayList<>());
  }

  @Override
  public boolean claim(String tenantId, String invitationId, MessageKind kind, Instant due, Instant now) {
    var filter = new ArrayList<Bson>(List.of(
        eq("tenantId", tenantId), eq("invitationId", invitationId),
        eq("nextSendAt", Date.from(due)), eq("nextKind", kind.name())));
    var updates = new ArrayList<Bson>(List.of(Updates.unset("nextSendAt"), Updates.set("sendingSince", Date.from(now))));
    if (kind == MessageKind.REMINDER) {
      filter.add(eq("respondedAt", null));
    } else {
      updates.add(Updates.set("status", InvitationStatus.SENDING.name()));
    }
    return collection.updateOne(and(filter), Updates.combine(updates)).getModifiedCount() == 1;
  }

  @Override
  public boolean recordSend(String tenantId, String invitationId, Instant claimedAt, SendOutcome o) {
    var a = o.attempt();
    var updates = new ArrayList<Bson>();
    updates.add(Updates.push("attempts", new Document("at", Date.from(a.at()))
        .append("kind", a.kind().name())
        .append("outcome", a.outcome())
        .append("error", a.error())));
    updates.add(Updates.unset("sendingSince"));
    if (o.status() != null) {
      updates.add(Updates.set("status", o.status().name()));
    }
    if (o.reminderStatus() != null) {
      updates.add(Updates.set("reminderStatus", o.reminderStatus().name()));
    }
    if (o.clearNextSend()) {
      updates.add(Updates.unset("nextSendAt"));
    } else if (o.nextSendAt() != null) {
      updates.add(Updates.set("nextSendAt", Date.from(o.nextSendAt())));
      updates.add(Updates.set("nextKind", o.nextKind().name()));
    }
    if (o.sentAt() != null) {
      updates.add(Updates.set("sentAt", Date.from(o.sentAt())));
    }
    if (o.reminderAt() != null) {
      updates.add(Updates.set("reminderAt", Date.from(o.reminderAt())));
    }
    if (o.lastError() != null) {
      updates.add(Updates.set("lastError", o.lastError()));
    }
    return collection.updateOne(
            and(byId(tenantId, invitationId), eq("sendingSince", Date.from(claimedAt))), Updates.combine(updates))
        .getModifiedCount() == 1;
  }

  @Override
  public List<Invitation> findInterrupted(String tenantId, Instant before) {
    return collection.find(and(eq("tenantId", tenantId), lt("sendingSince", Date.from(before))))
        .map(MongoInvitations::toDomain).into(new ArrayList<>());
  }

  @Override
  public void markOpened(String tenantId, String invitationId, Instant at) {
    collection.updateOne(and(byId(tenantId, invitationId), eq("openedAt", null)), Updates.set("openedAt", Date.from(at)));
  }

  @Override
  public void markResponded(String tenantId, String invitationId, String responseId, Instant at) {
    collection.updateOne(and(byId(tenantId, invitationId), eq("respondedAt", null)), Updates.combine(
        Updates.set("respondedAt", Date.from(at)),
        Updates.set("responseId", responseId)));
    cancelReminder(tenantId, invitationId);
  }

  @Override
  public Optional<Invitation> markBounced(String tenantId, String invitationId, String reason, Instant at) {
    var updated = collection.findOneAndUpdate(byId(tenantId, invitationId), Updates.combine(
            Updates.set("status", InvitationStatus.BOUNCED.name()),
            Updates.set("lastError", reason),
            Updates.set("bouncedAt", Date.from(at))),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (updated == null) {
      return Optional.empty();
    }
    cancelReminder(tenantId, invitationId);
    return find(tenantId, invitationId);
  }

  /** A reminder still waiting in the queue is dropped (one already claimed goes its way). */
  private void cancelReminder(String tenantId, String invitationId) {
    collection.updateOne(
        and(byId(tenantId, invitationId), eq("nextKind", MessageKind.REMINDER.name()),
            eq("reminderStatus", ReminderStatus.SCHEDULED.name()), eq("sendingSince", null)),
        Updates.combine(Updates.unset("nextSendAt"), Updates.set("reminderStatus", ReminderStatus.SKIPPED.name())));
  }

  static Document toDocument(Invitation i) {
    var doc = new Document("_id", i.token())
        .append("tenantId", i.tenantId())
        .append("invitationId", i.invitationId())
        .append("campaignId", i.campaignId())
        .append("distributionId", i.distributionId())
        .append("surveyId", i.surveyId())
        .append("customerId", i.customerId())
        .append("name", i.name())
        .append("channel", i.channel().name())
        .append("address", i.address())
        .append("status", i.status().name())
        .append("reminderStatus", i.reminderStatus().name())
        .append("nextKind", i.nextKind().name())
        .append("createTime", Date.from(i.createTime()))
        .append("attempts", new ArrayList<Document>());
    if (i.nextSendAt() != null) {
      doc.append("nextSendAt", Date.from(i.nextSendAt()));
    }
    return doc;
  }

  static Invitation toDomain(Document d) {
    var attempts = new ArrayList<SendAttempt>();
    for (Document a : d.getList("attempts", Document.class, List.of())) {
      attempts.add(new SendAttempt(a.getDate("at").toInstant(), MessageKind.valueOf(a.getString("kind")),
          a.getString("outcome"), a.getString("error")));
    }
    return Invitation.builder()
        .tenantId(d.getString("tenantId"))
        .invitationId(d.getString("invitationId"))
        .campaignId(d.getString("campaignId"))
        .distributionId(d.getString("distributionId"))
        .surveyId(d.getString("surveyId"))
        .customerId(d.getString("customerId"))
        .name(d.getString("name"))
        .channel(Channel.fromName(d.getString("channel")))
        .address(d.getString("address") == null ? "" : d.getString("address"))
        .token(d.getString("_id"))
        .status(InvitationStatus.valueOf(d.getString("status")))
        .reminderStatus(ReminderStatus.valueOf(d.getString("reminderStatus")))
        .nextSendAt(instant(d, "nextSendAt"))
        .nextKind(MessageKind.valueOf(d.getString("nextKind")))
        .sendingSince(instant(d, "sendingSince"))
        .sentAt(instant(d, "sentAt"))
        .openedAt(instant(d, "openedAt"))
        .respondedAt(instant(d, "respondedAt"))
        .responseId(d.getString("responseId"))
        .reminderAt(instant(d, "reminderAt"))
        .lastError(d.getString("lastError"))
        .attempts(attempts)
        .createTime(d.getDate("createTime").toInstant())
        .build();
  }

  private static Instant instant(Document d, String field) {
    Date date = d.getDate(field);
    return date == null ? null : date.toInstant();
  }

  // --- data-subject requests: the subject's invitations (name, address, send log)

  @Override
  public String kind() {
    return "invitations";
  }

  @Override
  public boolean anchor() {
    return true;
  }

  @Override
  public Set<String> responseIds(String tenantId, String customerId) {
    var ids = new HashSet<String>();
    collection.find(and(eq("tenantId", tenantId), eq("customerId", customerId)))
        .projection(Projections.include("responseId")).forEach(d -> {
          if (d.getString("responseId") != null) {
            ids.add(d.getString("responseId"));
          }
        });
    return ids;
  }

  @Override
  public List<String> export(String tenantId, SubjectHolding.Subject subject) {
    var items = new ArrayList<String>();
    collection.find(and(eq("tenantId", tenantId), eq("customerId", subject.customerId()))).forEach(d -> {
      d.remove("_id");
      items.add(d.toJson());
    });
    return items;
  }

  @Override
  public long erase(String tenantId, SubjectHolding.Subject subject, String token) {
    // an erased person is not contacted again: the invitation leaves the send queue
    return collection.updateMany(and(eq("tenantId", tenantId), eq("customerId", subject.customerId())),
        Updates.combine(Updates.set("customerId", token), Updates.set("name", ""), Updates.set("address", ""),
            Updates.set("attempts", List.of()), Updates.unset("lastError"), Updates.unset("nextSendAt")))
        .getModifiedCount();
  }
}
