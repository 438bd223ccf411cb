package io.cxhub.persona.customer.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoBulk;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.CustomerFilter;
import io.cxhub.persona.customer.CustomerProfile;
import io.cxhub.persona.customer.Customers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
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
  }

  @Override
  public void upsert(String tenantId, List<Customer> customers) {
    var writes = customers.stream().map(c -> new UpdateOneModel<Document>(
        eq("_id", Ids.tenantScoped(tenantId, c.customerId())),
        new Document("$set", profileFields(c).append("tenantId", tenantId).append("customerId", c.customerId())
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
    Instant update = doc.getDate("updateTime").toInstant();
    Date create = doc.getDate("createTime");
    // customers stored before create times were kept read their last update as creation
    return new Customer(doc.getString("customerId"), profile, create == null ? update : create.toInstant(), update);
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
