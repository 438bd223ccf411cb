package io.cxhub.metrics.text.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.cxhub.metrics.text.Taxonomies;
import io.cxhub.metrics.text.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Taxonomies in {@code text_taxonomies}: {@code {_id: tenantId, version, themes: [{id,
 * labelFr, labelEn, termsFr, termsEn}]}}. One document per tenant, read by {@code _id}.
 */
public final class MongoTaxonomies implements Taxonomies {

  static final String COLLECTION = "text_taxonomies";

  private final MongoCollection<Document> collection;

  public MongoTaxonomies(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public Optional<Taxonomy> find(String tenantId) {
    Document d = collection.find(eq("_id", tenantId)).first();
    return d == null ? Optional.empty() : Optional.of(decode(d));
  }

  @Override
  public Taxonomy save(String tenantId, Taxonomy taxonomy) {
    var themes = new ArrayList<Document>();
    for (Taxonomy.Theme t : taxonomy.themes()) {
      themes.add(new Document("id", t.id())
          .append("labelFr", t.labelFr())
          .append("labelEn", t.labelEn())
          .append("termsFr", t.termsFr())
          .append("termsEn", t.termsEn()));
    }
    Document saved = collection.findOneAndUpdate(eq("_id", tenantId),
        Updates.combine(Updates.set("themes", themes), Updates.inc("version", 1L)),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return decode(saved);
  }

  @SuppressWarnings("unchecked")
  private static Taxonomy decode(Document d) {
    var themes = new ArrayList<Taxonomy.Theme>();
    for (Document t : (List<Document>) d.get("themes", List.class)) {
      themes.add(new Taxonomy.Theme(t.getString("id"), t.getString("labelFr"), t.getString("labelEn"),
          t.getList("termsFr", String.class, List.of()), t.getList("termsEn", String.class, List.of())));
    }
    Number version = d.get("version", Number.class);
    return new Taxonomy(themes, version == null ? 1 : version.longValue());
  }
}
