package io.cxhub.persona.segment.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.persona.segment.Segment;
import io.cxhub.persona.segment.Segments;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Segment definitions in {@code segments}: {@code { _id: "<tenantId>:<segmentId>", tenantId,
 * segmentId, displayName, description, priority, rule{…}, operationId, createTime,
 * updateTime }}.
 */
@Repository
class MongoSegments implements Segments {

  private final MongoCollection<Document> collection;

  MongoSegments(MongoDatabase database) {
    this.collection = database.getCollection("segments");
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "priority", "segmentId"),
        new IndexOptions().name("tenant_priority"));
  }

  @Override
  public void save(String tenantId, Segment segment) {
    var d = segment.definition();
    var doc = new Document("_id", Ids.tenantScoped(tenantId, d.segmentId()))
        .append("tenantId", tenantId)
        .append("segmentId", d.segmentId())
        .append("displayName", d.displayName())
        .append("description", d.description())
        .append("priority", d.priority())
        .append("rule", SegmentRuleCodec.encode(d.rule()))
        .append("operationId", segment.operationId())
        .append("createTime", Date.from(segment.createTime()))
        .append("updateTime", Date.from(segment.updateTime()));
    collection.replaceOne(eq("_id", doc.getString("_id")), doc, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<Segment> find(String tenantId, String segmentId) {
    var doc = collection.find(eq("_id", Ids.tenantScoped(tenantId, segmentId))).first();
    return doc == null || !tenantId.equals(doc.getString("tenantId")) ? Optional.empty() : Optional.of(toSegment(doc));
  }

  @Override
  public List<Segment> list(String tenantId) {
    return collection.find(eq("tenantId", tenantId))
        .sort(Sorts.ascending("priority", "segmentId"))
        .map(MongoSegments::toSegment).into(new ArrayList<>());
  }

  @Override
  public boolean delete(String tenantId, String segmentId) {
    return collection.deleteOne(and(eq("_id", Ids.tenantScoped(tenantId, segmentId)), eq("tenantId", tenantId)))
        .getDeletedCount() > 0;
  }

  @Override
  public List<String> tenants() {
    return new ArrayList<>(collection.distinct("tenantId", String.class).into(new TreeSet<>()));
  }

  private static Segment toSegment(Document doc) {
    var definition = new Segment.Definition(doc.getString("segmentId"), doc.getString("displayName"),
        doc.getString("description"), doc.getInteger("priority", 0), SegmentRuleCodec.decode(doc.get("rule", Document.class)));
    return new Segment(definition, doc.getString("operationId"), doc.getDate("createTime").toInstant(),
        doc.getDate("updateTime").toInstant(), 0);
  }
}
