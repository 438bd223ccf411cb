package io.cxhub.persona.customer.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoBulk;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.CustomerFilter;
import io.cxhub.persona.customer.CustomerActivity;
import io.cxhub.persona.customer.CustomerEvent;
import io.cxhub.persona.customer.CustomerProfile;
import io.cxhub.persona.customer.CustomerValue;
import io.cxhub.persona.customer.ValueTier;
import io.cxhub.persona.customer.Customers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Customers in the {@code customers} collection:
 * {@code { _id: "<tenantId>:<customerId>", tenantId, customerId, segment, personaId, email,
 * displayName, demographics{…}, psychographics{…}, transactional{…}, behavioral{…},
 * consent{…}, externalIds{…}, createTime, updateTime }}. Reads and writes go by {@code _id}
 * (it starts with the tenant id), which every server serves from its primary index; a
 * listing is an {@code _id} range of the tenant. An upsert sets the profile fields only, so
 * what other features keep in the same document (derived attributes) is left alone.
 */
@Repository
class MongoCustomers implements Customers {

  static final String COLLECTION = "customers";

  private final MongoCollection<Document> collection;

  MongoCustomers(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    // listings filtered by segment or persona on a real server
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "segment", "_id"), new IndexOptions().name("tenant_segment"));
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "personaId", "_id"), new IndexOptions().name("tenant_persona"));
    // segment sizes and listings by rule segment
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "segmentIds", "_id"), new IndexOptions().name("tenant_segment_ids"));
  }

  @Override
  public void upsert(String tenantId, List<Customer> customers) {
    var writes = customers.stream().map(c -> new UpdateOneModel<Document>(
        eq("_id", Ids.tenantScoped(tenantId, c.customerId())),
        new Document("$set", profileFields(c).append("tenantId", tenantId).append("customerId", c.customerId())
            .append("segmentIds", c.segmentIds())
            .append("updateTime", Date.from(c.updateTime())))
            .append("$setOnInsert", new Document("createTime", Date.from(c.createTime()))),
        new UpdateOptions().upsert(true))).toList();
    if (!writes.isEmpty()) {
      MongoBulk.writeIgnoringDuplicateKeys(collection, writes);
    }
  }

  @Override
  public List<Customer> find(String tenantId, Collection<String> customerIds) {
    var keys = customerIds.stream().map(id -> Ids.tenantScoped(tenantId, id)).distinct().toList();
    var result = new ArrayList<Customer>();
    collection.find(in("_id", keys)).forEach(d -> {
      if (tenantId.equals(d.getString("tenantId"))) {
        result.add(toCustomer(d));
      }
    });
    return result;
  }

  @Override
  public List<Customer> list(String tenantId, CustomerFilter filter, String afterId, int limit) {
    // the tenant's ids are the range ["<tenant>:", "<tenant>;"): ';' follows ':'
    Bson range = and(
        afterId == null ? gte("_id", tenantId + ":") : gt("_id", Ids.tenantScoped(tenantId, afterId)),
        lt("_id", tenantId + ";"));
    var clauses = new ArrayList<Bson>(List.of(range, eq("tenantId", tenantId)));
    if (!filter.segment().isEmpty()) {
      clauses.add(eq("segment", filter.segment()));
    }
    if (!filter.personaId().isEmpty()) {
      clauses.add(eq("personaId", filter.personaId()));
    }
    if (!filter.country().isEmpty()) {
      clauses.add(eq("demographics.country", filter.country()));
    }
    return collection.find(and(clauses)).sort(Sorts.ascending("_id")).limit(limit)
        .map(MongoCustomers::toCustomer).into(new ArrayList<>());
  }

  @Override
  public void forEach(String tenantId, java.util.function.Consumer<Customer> action) {
    collection.find(and(gte("_id", tenantId + ":"), lt("_id", tenantId + ";"), eq("tenantId", tenantId)))
        .sort(Sorts.ascending("_id")).batchSize(2000)
        .forEach(d -> action.accept(toCustomer(d)));
  }

  @Override
  public void setValues(String tenantId, Map<String, CustomerValue> values) {
    var writes = new ArrayList<UpdateOneModel<Document>>();
    values.forEach((id, v) -> writes.add(new UpdateOneModel<>(eq("_id", Ids.tenantScoped(tenantId, id)),
        new Document("$set", new Document("value", new Document("recencyDays", v.recencyDays())
            .append("frequency", v.frequency())
            .append("monetary", v.monetary())
            .append("r", v.r()).append("f", v.f()).append("m", v.m())
            .append("tier", v.tier().label())
            .append("clv", v.clv())
            .append("computeTime", Date.from(v.computeTime())))))));
    for (int from = 0; from < writes.size(); from += 1000) {
      collection.bulkWrite(writes.subList(from, Math.min(from + 1000, writes.size())),
          new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }
  }

  @Override
  public boolean apply(String tenantId, CustomerEvent event, Instant now) {
    String key = Ids.tenantScoped(tenantId, event.customerId());
    Date at = Date.from(event.occurTime());
    var update = new ArrayList<Bson>(List.of(
        Updates.push("activity.events", event.eventId()),
        Updates.setOnInsert("tenantId", tenantId),
        Updates.setOnInsert("customerId", event.customerId()),
        Updates.setOnInsert("createTime", Date.from(now))));
    if (event.kind() == CustomerEvent.Kind.ORDER) {
      update.add(Updates.inc("activity.orders", 1L));
      update.add(Updates.inc("activity.spent", event.amount()));
      update.add(Updates.min("activity.firstOrder", at));
      update.add(Updates.max("activity.lastOrder", at));
    } else {
      update.add(Updates.inc("activity.channel." + event.channel(), 1L));
      update.add(Updates.inc("activity.weekday.d" + event.weekday(), 1L));
      update.add(Updates.inc("activity.hour.h" + event.hour(), 1L));
      update.add(Updates.inc("activity.slot." + CustomerActivity.slot(event.channel(), event.weekday(), event.hour()), 1L));
    }
    try {
      // the event id joins the document in the same write as its effect: a document that
      // already lists it does not match, and the upsert then collides on _id
      var result = collection.updateOne(and(eq("_id", key), ne("activity.events", event.eventId())),
          Updates.combine(update), new UpdateOptions().upsert(true));
      return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
    } catch (com.mongodb.MongoWriteException e) {
      if (io.cxhub.kit.mongo.MongoInserts.isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void setSegments(String tenantId, Map<String, List<String>> segmentIds) {
    var writes = new ArrayList<UpdateOneModel<Document>>();
    segmentIds.forEach((id, ids) -> writes.add(new UpdateOneModel<>(eq("_id", Ids.tenantScoped(tenantId, id)),
        Updates.set("segmentIds", ids))));
    for (int from = 0; from < writes.size(); from += 1000) {
      collection.bulkWrite(writes.subList(from, Math.min(from + 1000, writes.size())),
          new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }
  }

  @Override
  public void setPersonaAssignments(String tenantId, Map<String, io.cxhub.persona.customer.PersonaAssignment> assignments) {
    var writes = new ArrayList<UpdateOneModel<Document>>();
    assignments.forEach((id, a) -> writes.add(new UpdateOneModel<>(eq("_id", Ids.tenantScoped(tenantId, id)),
        a == null ? Updates.unset("assignedPersona")
            : Updates.set("assignedPersona", new Document("personaId", a.personaId()).append("confidence", a.confidence())))));
    for (int from = 0; from < writes.size(); from += 1000) {
      collection.bulkWrite(writes.subList(from, Math.min(from + 1000, writes.size())),
          new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }
  }

  @Override
  public long forgetPersona(String tenantId, String personaId) {
    long stated = collection.updateMany(and(eq("tenantId", tenantId), eq("personaId", personaId)),
        Updates.set("personaId", "")).getModifiedCount();
    long assigned = collection.updateMany(and(eq("tenantId", tenantId), eq("assignedPersona.personaId", personaId)),
        Updates.unset("assignedPersona")).getModifiedCount();
    return stated + assigned;
  }

  @Override
  public long countInSegment(String tenantId, String segmentId) {
    return collection.countDocuments(and(eq("tenantId", tenantId), eq("segmentIds", segmentId)));
  }

  @Override
  public void leaveSegment(String tenantId, String segmentId) {
    collection.updateMany(and(eq("tenantId", tenantId), eq("segmentIds", segmentId)),
        Updates.pull("segmentIds", segmentId));
  }

  @Override
  public long count(String tenantId) {
    return collection.countDocuments(and(gte("_id", tenantId + ":"), lt("_id", tenantId + ";"), eq("tenantId", tenantId)));
  }

  @Override
  public boolean delete(String tenantId, String customerId) {
    return collection.deleteOne(eq("_id", Ids.tenantScoped(tenantId, customerId))).getDeletedCount() > 0;
  }

  static Document profileFields(Customer c) {
    var p = c.profile();
    var d = p.demographics();
    var s = p.psychographics();
    var t = p.transactional();
    var b = p.behavioral();
    var consent = p.consent();
    return new Document("segment", p.segment())
        .append("personaId", p.personaId())
        .append("email", p.email())
        .append("displayName", p.displayName())
        .append("demographics", new Document("birthYear", d.birthYear())
            .append("gender", d.gender())
            .append("incomeBand", d.incomeBand())
            .append("country", d.country())
            .append("city", d.city())
            .append("occupation", d.occupation()))
        .append("psychographics", new Document("values", s.values())
            .append("interests", s.interests())
            .append("aspirations", s.aspirations()))
        .append("transactional", new Document("orderCount", t.orderCount())
            .append("totalSpent", t.totalSpent())
            .append("currency", t.currency())
            .append("firstOrderTime", date(t.firstOrderTime()))
            .append("lastOrderTime", date(t.lastOrderTime())))
        .append("behavioral", new Document("webSessions", b.webSessions())
            .append("devices", b.devices())
            .append("preferredChannel", b.preferredChannel().name()))
        .append("consent", new Document("email", consent.email())
            .append("sms", consent.sms())
            .append("phone", consent.phone())
            .append("profiling", consent.profiling()))
        .append("externalIds", new Document(new LinkedHashMap<>(p.externalIds())));
  }

  static Customer toCustomer(Document doc) {
    var d = sub(doc, "demographics");
    var s = sub(doc, "psychographics");
    var t = sub(doc, "transactional");
    var b = sub(doc, "behavioral");
    var consent = sub(doc, "consent");
    var externalIds = new LinkedHashMap<String, String>();
    sub(doc, "externalIds").forEach((k, v) -> externalIds.put(k, String.valueOf(v)));
    var profile = CustomerProfile.builder()
        .segment(doc.getString("segment"))
        .personaId(doc.getString("personaId"))
        .email(doc.getString("email"))
        .displayName(doc.getString("displayName"))
        .demographics(new CustomerProfile.Demographics(d.getInteger("birthYear", 0), d.getString("gender"),
            d.getString("incomeBand"), d.getString("country"), d.getString("city"), d.getString("occupation")))
        .psychographics(new CustomerProfile.Psychographics(strings(s, "values"), strings(s, "interests"),
            strings(s, "aspirations")))
        .transactional(new CustomerProfile.Transactional(t.getInteger("orderCount", 0), number(t, "totalSpent"),
            t.getString("currency"), instant(t, "firstOrderTime"), instant(t, "lastOrderTime")))
        .behavioral(new CustomerProfile.Behavioral(b.getInteger("webSessions", 0), strings(b, "devices"),
            Channel.fromName(b.getString("preferredChannel"))))
        .consent(new CustomerProfile.Consent(consent.getBoolean("email", false), consent.getBoolean("sms", false),
            consent.getBoolean("phone", false), consent.getBoolean("profiling", false)))
        .externalIds(externalIds)
        .build();
    Date create = doc.getDate("createTime");
    Date updated = doc.getDate("updateTime");
    // customers stored before create times were kept read their last update as creation;
    // customers first seen through events have a create time only
    Instant update = updated != null ? updated.toInstant() : create.toInstant();
    return new Customer(doc.getString("customerId"), profile, activity(sub(doc, "activity")), value(doc),
        create == null ? update : create.toInstant(), update, strings(doc, "segmentIds"), assignment(doc));
  }

  private static CustomerActivity activity(Document a) {
    if (a.isEmpty()) {
      return CustomerActivity.NONE;
    }
    var byChannel = new java.util.HashMap<String, Long>();
    sub(a, "channel").forEach((k, v) -> byChannel.put(k, ((Number) v).longValue()));
    var byWeekday = new java.util.HashMap<Integer, Long>();
    sub(a, "weekday").forEach((k, v) -> byWeekday.put(Integer.valueOf(k.substring(1)), ((Number) v).longValue()));
    var byHour = new java.util.HashMap<Integer, Long>();
    sub(a, "hour").forEach((k, v) -> byHour.put(Integer.valueOf(k.substring(1)), ((Number) v).longValue()));
    var bySlot = new java.util.HashMap<String, Long>();
    sub(a, "slot").forEach((k, v) -> bySlot.put(k, ((Number) v).longValue()));
    var orders = a.get("orders", Number.class);
    return new CustomerActivity(orders == null ? 0 : orders.longValue(), number(a, "spent"), instant(a, "firstOrder"),
        instant(a, "lastOrder"), byChannel, byWeekday, byHour, bySlot);
  }

  private static io.cxhub.persona.customer.PersonaAssignment assignment(Document doc) {
    var a = doc.get("assignedPersona", Document.class);
    return a == null ? null : new io.cxhub.persona.customer.PersonaAssignment(a.getString("personaId"), number(a, "confidence"));
  }

  private static CustomerValue value(Document doc) {
    var v = doc.get("value", Document.class);
    if (v == null) {
      return null;
    }
    return new CustomerValue(((Number) v.get("recencyDays")).longValue(), ((Number) v.get("frequency")).longValue(),
        number(v, "monetary"), v.getInteger("r", 0), v.getInteger("f", 0), v.getInteger("m", 0),
        ValueTier.fromLabel(v.getString("tier")), number(v, "clv"), instant(v, "computeTime"));
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Document doc, String key) {
    Date date = doc.getDate(key);
    return date == null ? null : date.toInstant();
  }

  private static Document sub(Document doc, String key) {
    var sub = doc.get(key, Document.class);
    return sub == null ? new Document() : sub;
  }

  private static List<String> strings(Document doc, String key) {
    return doc.getList(key, String.class, List.of());
  }

  private static double number(Document doc, String key) {
    var value = doc.get(key, Number.class);
    return value == null ? 0 : value.doubleValue();
  }

}
