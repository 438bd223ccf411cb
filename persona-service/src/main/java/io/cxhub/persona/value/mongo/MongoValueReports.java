package io.cxhub.persona.value.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.cxhub.persona.customer.CustomerChanges;
import io.cxhub.persona.customer.ValueTier;
import io.cxhub.persona.value.RfmValuation;
import io.cxhub.persona.value.ValueReport;
import io.cxhub.persona.value.ValueReports;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * {@code customer_value}: one document per tenant ({@code _id} = tenant id) with a change
 * counter ({@code changes}, incremented by every customer change), the counter value the
 * last report saw ({@code seen}) and that report. A tenant is due when {@code changes >
 * seen}; the comparison is done in Java because it spans two fields.
 */
@Repository
class MongoValueReports implements ValueReports, CustomerChanges {

  static final String COLLECTION = "customer_value";

  private final MongoCollection<Document> collection;

  MongoValueReports(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public void changed(String tenantId) {
    collection.updateOne(eq("_id", tenantId), Updates.inc("changes", 1L), new UpdateOptions().upsert(true));
  }

  @Override
  public long changes(String tenantId) {
    var doc = collection.find(eq("_id", tenantId)).first();
    return doc == null ? 0 : number(doc, "changes");
  }

  @Override
  public void save(String tenantId, ValueReport report, long changesSeen) {
    var tiers = report.tiers().stream().map(t -> new Document("tier", t.tier().label())
        .append("customers", t.customers()).append("revenue", t.revenue()).append("averageClv", t.averageClv()))
        .toList();
    collection.updateOne(eq("_id", tenantId), Updates.combine(
        Updates.set("seen", changesSeen),
        Updates.set("report", new Document("customers", report.customers()).append("scored", report.scored())
            .append("tiers", tiers).append("computeTime", Date.from(report.computeTime())))),
        new UpdateOptions().upsert(true));
  }

  @Override
  public Optional<ValueReport> find(String tenantId) {
    var doc = collection.find(eq("_id", tenantId)).first();
    if (doc == null || doc.get("report") == null) {
      return Optional.empty();
    }
    var r = doc.get("report", Document.class);
    var tiers = r.getList("tiers", Document.class).stream().map(t -> new RfmValuation.TierSummary(
        ValueTier.fromLabel(t.getString("tier")), t.getInteger("customers", 0), number2(t, "revenue"),
        number2(t, "averageClv"))).toList();
    return Optional.of(new ValueReport(r.getInteger("customers", 0), r.getInteger("scored", 0), tiers,
        r.getDate("computeTime").toInstant()));
  }

  @Override
  public List<String> due(int limit) {
    var result = new ArrayList<String>();
    for (var doc : collection.find()) {
      if (number(doc, "changes") > number(doc, "seen")) {
        result.add(doc.getString("_id"));
        if (result.size() >= limit) {
          break;
        }
      }
    }
    return result;
  }

  private static long number(Document doc, String key) {
    var value = doc.get(key, Number.class);
    return value == null ? 0 : value.longValue();
  }

  private static double number2(Document doc, String key) {
    var value = doc.get(key, Number.class);
    return value == null ? 0 : value.doubleValue();
  }
}
