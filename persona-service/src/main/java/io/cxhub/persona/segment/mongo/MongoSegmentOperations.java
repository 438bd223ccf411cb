package io.cxhub.persona.segment.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.cxhub.kit.id.Ids;
import io.cxhub.persona.segment.SegmentOperation;
import io.cxhub.persona.segment.SegmentOperations;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Re-evaluation operations in {@code segment_operations}: {@code { _id:
 * "<tenantId>:<operationId>", tenantId, operationId, segmentId, state, total, done, changed,
 * startTime, endTime, error }}, replaced as they progress.
 */
@Repository
class MongoSegmentOperations implements SegmentOperations {

  private final MongoCollection<Document> collection;

  MongoSegmentOperations(MongoDatabase database) {
    this.collection = database.getCollection("segment_operations");
  }

  @Override
  public void save(SegmentOperation op) {
    String key = Ids.tenantScoped(op.tenantId(), op.operationId());
    var doc = new Document("_id", key)
        .append("tenantId", op.tenantId())
        .append("operationId", op.operationId())
        .append("segmentId", op.segmentId())
        .append("state", op.state().name())
        .append("total", op.total())
        .append("done", op.done())
        .append("changed", op.changed())
        .append("startTime", Date.from(op.startTime()))
        .append("endTime", op.endTime() == null ? null : Date.from(op.endTime()))
        .append("error", op.error());
    collection.replaceOne(eq("_id", key), doc, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<SegmentOperation> find(String tenantId, String operationId) {
    var d = collection.find(eq("_id", Ids.tenantScoped(tenantId, operationId))).first();
    if (d == null || !tenantId.equals(d.getString("tenantId"))) {
      return Optional.empty();
    }
    Date end = d.getDate("endTime");
    return Optional.of(new SegmentOperation(d.getString("operationId"), tenantId, d.getString("segmentId"),
        SegmentOperation.State.valueOf(d.getString("state")), ((Number) d.get("total")).longValue(),
        ((Number) d.get("done")).longValue(), ((Number) d.get("changed")).longValue(),
        d.getDate("startTime").toInstant(), end == null ? null : end.toInstant(), d.getString("error")));
  }
}
