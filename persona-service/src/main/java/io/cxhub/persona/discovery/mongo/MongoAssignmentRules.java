package io.cxhub.persona.discovery.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.id.Ids;
import io.cxhub.persona.discovery.AssignmentRule;
import io.cxhub.persona.discovery.AssignmentRules;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Assignment rules in {@code persona_assignment_rules}: {@code { _id: "<tenantId>:<personaId>",
 * tenantId, personaId, discoveryId, proposalId, means[], sds[], centroid[], radius,
 * createTime }}.
 */
@Repository
class MongoAssignmentRules implements AssignmentRules {

  private final MongoCollection<Document> collection;

  MongoAssignmentRules(MongoDatabase database) {
    this.collection = database.getCollection("persona_assignment_rules");
  }

  @Override
  public void save(String tenantId, AssignmentRule r) {
    String key = Ids.tenantScoped(tenantId, r.personaId());
    collection.replaceOne(eq("_id", key), new Document("_id", key)
        .append("tenantId", tenantId)
        .append("personaId", r.personaId())
        .append("discoveryId", r.discoveryId())
        .append("proposalId", r.proposalId())
        .append("means", Codec.list(r.standardization().means()))
        .append("sds", Codec.list(r.standardization().sds()))
        .append("centroid", Codec.list(r.centroid()))
        .append("radius", r.radius())
        .append("createTime", Date.from(r.createTime())), new ReplaceOptions().upsert(true));
  }

  @Override
  public List<AssignmentRule> list(String tenantId) {
    return collection.find(eq("tenantId", tenantId)).sort(Sorts.ascending("_id"))
        .map(MongoAssignmentRules::toRule).into(new ArrayList<>());
  }

  @Override
  public Optional<AssignmentRule> find(String tenantId, String personaId) {
    var d = collection.find(eq("_id", Ids.tenantScoped(tenantId, personaId))).first();
    return d == null || !tenantId.equals(d.getString("tenantId")) ? Optional.empty() : Optional.of(toRule(d));
  }

  @Override
  public boolean delete(String tenantId, String personaId) {
    return collection.deleteOne(eq("_id", Ids.tenantScoped(tenantId, personaId))).getDeletedCount() == 1;
  }

  private static AssignmentRule toRule(Document d) {
    return new AssignmentRule(d.getString("personaId"), d.getString("discoveryId"), d.getString("proposalId"),
        Codec.standardization(d), Codec.array(d, "centroid"), Codec.number(d, "radius"),
        d.getDate("createTime").toInstant());
  }
}
