package io.cxhub.persona.discovery.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.kit.id.Ids;
import io.cxhub.persona.discovery.PersonaDiscoveries;
import io.cxhub.persona.discovery.PersonaDiscovery;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Discoveries in {@code persona_discoveries}: {@code { _id: "<tenantId>:<discoveryId>",
 * tenantId, discoveryId, createTime, customers, k, silhouette, experienceAvailable, means[],
 * sds[], proposals[{proposalId, suggestedName, size, share, centroid[], traits[], radius,
 * npsResponses, nps, ease, satisfaction, averageClv, revenue}] }} (NaN stored as null).
 * The listing, newest first, is served by the index {@code (tenantId, createTime desc,
 * discoveryId desc)}.
 */
@Repository
class MongoPersonaDiscoveries implements PersonaDiscoveries {

  private final MongoCollection<Document> collection;

  MongoPersonaDiscoveries(MongoDatabase database) {
    this.collection = database.getCollection("persona_discoveries");
    MongoIndexes.ensure(collection, Indexes.compoundIndex(Indexes.ascending("tenantId"),
        Indexes.descending("createTime", "discoveryId")), new IndexOptions().name("tenant_newest"));
  }

  @Override
  public void save(PersonaDiscovery d) {
    var proposals = d.proposals().stream().map(p -> new Document("proposalId", p.proposalId())
        .append("suggestedName", p.suggestedName())
        .append("size", p.size())
        .append("share", p.share())
        .append("centroid", Codec.list(p.centroid()))
        .append("traits", p.traits())
        .append("radius", p.radius())
        .append("npsResponses", p.npsResponses())
        .append("nps", Codec.nan(p.nps()))
        .append("ease", Codec.nan(p.ease()))
        .append("satisfaction", Codec.nan(p.satisfaction()))
        .append("averageClv", p.averageClv())
        .append("revenue", p.revenue())).toList();
    collection.insertOne(new Document("_id", Ids.tenantScoped(d.tenantId(), d.discoveryId()))
        .append("tenantId", d.tenantId())
        .append("discoveryId", d.discoveryId())
        .append("createTime", Date.from(d.createTime()))
        .append("customers", d.customers())
        .append("k", d.k())
        .append("silhouette", Codec.nan(d.silhouette()))
        .append("experienceAvailable", d.experienceAvailable())
        .append("means", Codec.list(d.standardization().means()))
        .append("sds", Codec.list(d.standardization().sds()))
        .append("proposals", proposals));
  }

  @Override
  public Optional<PersonaDiscovery> find(String tenantId, String discoveryId) {
    var d = collection.find(eq("_id", Ids.tenantScoped(tenantId, discoveryId))).first();
    if (d == null || !tenantId.equals(d.getString("tenantId"))) {
      return Optional.empty();
    }
    return Optional.of(toDiscovery(d));
  }

  @Override
  public List<PersonaDiscovery> list(String tenantId, Position after, int limit) {
    Bson filter = eq("tenantId", tenantId);
    if (after != null) {
      var time = Date.from(after.createTime());
      filter = and(filter, or(lt("createTime", time),
          and(eq("createTime", time), lt("discoveryId", after.discoveryId()))));
    }
    return collection.find(filter).sort(Sorts.descending("createTime", "discoveryId")).limit(limit)
        .map(MongoPersonaDiscoveries::toDiscovery).into(new ArrayList<>());
  }

  private static PersonaDiscovery toDiscovery(Document d) {
    var proposals = d.getList("proposals", Document.class, List.of()).stream()
        .map(p -> new PersonaDiscovery.Proposal(p.getString("proposalId"), p.getString("suggestedName"),
            p.getInteger("size"), Codec.number(p, "share"), Codec.array(p, "centroid"),
            p.getList("traits", String.class, List.of()), Codec.number(p, "radius"), p.getInteger("npsResponses", 0),
            Codec.number(p, "nps"), Codec.number(p, "ease"), Codec.number(p, "satisfaction"),
            Codec.number(p, "averageClv"), Codec.number(p, "revenue")))
        .toList();
    return new PersonaDiscovery(d.getString("discoveryId"), d.getString("tenantId"),
        d.getDate("createTime").toInstant(), d.getInteger("customers"), d.getInteger("k"),
        Codec.number(d, "silhouette"), d.getBoolean("experienceAvailable", false), Codec.standardization(d), proposals);
  }
}
