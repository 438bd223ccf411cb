package io.cxhub.persona.insight.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.cxhub.kit.id.Ids;
import io.cxhub.persona.insight.CardNarrative;
import io.cxhub.persona.insight.Narratives;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Card narratives in {@code card_narratives}: {@code { _id: "<tenantId>:<subject>:<id>",
 * tenantId, subject, subjectId, goals[], needs[], frustrations[], motivations[] }}.
 */
@Repository
class MongoNarratives implements Narratives {

  private final MongoCollection<Document> collection;

  MongoNarratives(MongoDatabase database) {
    this.collection = database.getCollection("card_narratives");
  }

  private static String key(String tenantId, Subject subject, String subjectId) {
    return Ids.tenantScoped(tenantId, subject.name().toLowerCase(Locale.ROOT) + ":" + subjectId);
  }

  @Override
  public void save(String tenantId, Subject subject, String subjectId, CardNarrative n) {
    String key = key(tenantId, subject, subjectId);
    collection.replaceOne(eq("_id", key), new Document("_id", key).append("tenantId", tenantId)
        .append("subject", subject.name()).append("subjectId", subjectId)
        .append("goals", n.goals()).append("needs", n.needs()).append("frustrations", n.frustrations())
        .append("motivations", n.motivations()), new ReplaceOptions().upsert(true));
  }

  @Override
  public void delete(String tenantId, Subject subject, String subjectId) {
    collection.deleteOne(eq("_id", key(tenantId, subject, subjectId)));
  }

  @Override
  public Optional<CardNarrative> find(String tenantId, Subject subject, String subjectId) {
    var d = collection.find(eq("_id", key(tenantId, subject, subjectId))).first();
    if (d == null || !tenantId.equals(d.getString("tenantId"))) {
      return Optional.empty();
    }
    return Optional.of(new CardNarrative(d.getList("goals", String.class, List.of()),
        d.getList("needs", String.class, List.of()), d.getList("frustrations", String.class, List.of()),
        d.getList("motivations", String.class, List.of())));
  }
}
