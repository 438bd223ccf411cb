package io.cxhub.persona.persona.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.AlreadyExistsException;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.kit.mongo.MongoInserts;
import io.cxhub.kit.mongo.MongoKeyset;
import io.cxhub.kit.paging.NameKeyPosition;
import io.cxhub.persona.persona.Behavioral;
import io.cxhub.persona.persona.Demographics;
import io.cxhub.persona.persona.Persona;
import io.cxhub.persona.persona.PersonaProfile;
import io.cxhub.persona.persona.Personas;
import io.cxhub.persona.persona.Psychographics;
import io.cxhub.persona.persona.Transactional;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Personas in the {@code personas} collection, one document per persona with each
 * attribute family as a sub-document. {@code nameKey} (the folded name) is unique per
 * tenant through a unique index, so two concurrent creations (or renamings) to the same
 * name cannot both succeed, even without transactions. {@code version} (absent on documents
 * written before personas could change: version 1) makes updates and deletions conditional.
 */
@Repository
class MongoPersonas implements Personas {

  static final String COLLECTION = "personas";

  private final MongoCollection<Document> collection;

  MongoPersonas(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "nameKey"),
        new IndexOptions().name("tenant_name_key").unique(true));
  }

  @Override
  public void add(Persona persona) {
    if (!MongoInserts.insertIfAbsent(collection, toDocument(persona))) {
      throw new AlreadyExistsException("a persona named '" + persona.profile().name() + "' already exists");
    }
  }

  @Override
  public Optional<Persona> find(String tenantId, String id) {
    return Optional.ofNullable(collection.find(and(eq("_id", id), eq("tenantId", tenantId))).first())
        .map(MongoPersonas::toPersona);
  }

  @Override
  public List<Persona> list(String tenantId, NameKeyPosition after, int limit) {
    return MongoKeyset.byNameKey(collection, tenantId, after, limit, MongoPersonas::toPersona);
  }

  @Override
  public boolean replace(Persona persona, long expectedVersion) {
    try {
      return collection.replaceOne(
          and(eq("_id", persona.id()), eq("tenantId", persona.tenantId()), versionIs(expectedVersion)),
          toDocument(persona)).getMatchedCount() == 1;
    } catch (MongoWriteException e) {
      if (MongoInserts.isDuplicateKey(e)) {
        throw new AlreadyExistsException("a persona named '" + persona.profile().name() + "' already exists");
      }
      throw e;
    }
  }

  @Override
  public boolean delete(String tenantId, String id, Long expectedVersion) {
    Bson filter = expectedVersion == null
        ? and(eq("_id", id), eq("tenantId", tenantId))
        : and(eq("_id", id), eq("tenantId", tenantId), versionIs(expectedVersion));
    return collection.deleteOne(filter).getDeletedCount() == 1;
  }

  /** Version 1 documents written before versions existed have no field. */
  private static Bson versionIs(long version) {
    return version == 1 ? or(eq("version", 1L), eq("version", null)) : eq("version", version);
  }

  static Document toDocument(Persona persona) {
    var p = persona.profile();
    var d = p.demographics();
    var s = p.psychographics();
    var t = p.transactional();
    var b = p.behavioral();
    return new Document("_id", persona.id())
        .append("tenantId", persona.tenantId())
        .append("name", p.name())
        .append("nameKey", persona.nameKey())
        .append("description", p.description())
        .append("demographics", new Document("ageMin", d.ageMin())
            .append("ageMax", d.ageMax())
            .append("genders", d.genders())
            .append("incomeBand", d.incomeBand())
            .append("locations", d.locations())
            .append("occupation", d.occupation()))
        .append("psychographics", new Document("values", s.values())
            .append("opinions", s.opinions())
            .append("aspirations", s.aspirations())
            .append("interests", s.interests()))
        .append("transactional", new Document("purchasesPerYear", t.purchasesPerYear())
            .append("averageOrderValue", t.averageOrderValue())
            .append("lifetimeValue", t.lifetimeValue())
            .append("preferredProducts", t.preferredProducts())
            .append("serviceStates", t.serviceStates()))
        .append("behavioral", new Document("preferredChannels",
                b.preferredChannels().stream().map(Channel::name).toList())
            .append("webEngagement", b.webEngagement())
            .append("socialMediaProfile", b.socialMediaProfile())
            .append("devices", b.devices()))
        .append("goals", p.goals())
        .append("needs", p.needs())
        .append("frustrations", p.frustrations())
        .append("motivations", p.motivations())
        .append("createTime", Date.from(persona.createTime()))
        .append("updateTime", Date.from(persona.updateTime()))
        .append("version", persona.version());
  }

  static Persona toPersona(Document doc) {
    var d = sub(doc, "demographics");
    var s = sub(doc, "psychographics");
    var t = sub(doc, "transactional");
    var b = sub(doc, "behavioral");
    var profile = new PersonaProfile(
        doc.getString("name"),
        doc.getString("description"),
        new Demographics(
            d.getInteger("ageMin", 0),
            d.getInteger("ageMax", 0),
            strings(d, "genders"),
            d.getString("incomeBand"),
            strings(d, "locations"),
            d.getString("occupation")),
        new Psychographics(
            strings(s, "values"), strings(s, "opinions"), strings(s, "aspirations"), strings(s, "interests")),
        new Transactional(
            number(t, "purchasesPerYear"),
            number(t, "averageOrderValue"),
            number(t, "lifetimeValue"),
            strings(t, "preferredProducts"),
            strings(t, "serviceStates")),
        new Behavioral(
            // a channel written by a newer version reads as UNSPECIFIED rather than failing
            strings(b, "preferredChannels").stream().map(Channel::fromName).toList(),
            b.getString("webEngagement"),
            b.getString("socialMediaProfile"),
            strings(b, "devices")),
        strings(doc, "goals"),
        strings(doc, "needs"),
        strings(doc, "frustrations"),
        strings(doc, "motivations"));
    return new Persona(
        doc.getString("tenantId"),
        doc.getString("_id"),
        profile,
        number(doc, "version") == 0 ? 1 : (long) number(doc, "version"),
        doc.getDate("createTime").toInstant(),
        doc.getDate("updateTime").toInstant());
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
