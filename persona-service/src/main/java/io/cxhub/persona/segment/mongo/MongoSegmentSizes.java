package io.cxhub.persona.segment.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.persona.segment.SegmentSizes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Daily segment sizes in {@code segment_sizes}: {@code { _id: "<tenantId>:<segmentId>:<day>",
 * tenantId, segmentId, day: "YYYY-MM-DD", customers }}; a later count of the same day
 * replaces the earlier one.
 */
@Repository
class MongoSegmentSizes implements SegmentSizes {

  private final MongoCollection<Document> collection;

  MongoSegmentSizes(MongoDatabase database) {
    this.collection = database.getCollection("segment_sizes");
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "segmentId", "day"),
        new IndexOptions().name("tenant_segment_day"));
  }

  @Override
  public void record(String tenantId, LocalDate day, Map<String, Long> sizes) {
    var writes = new ArrayList<ReplaceOneModel<Document>>();
    sizes.forEach((segmentId, customers) -> {
      String key = Ids.tenantScoped(tenantId, segmentId + ":" + day);
      writes.add(new ReplaceOneModel<>(eq("_id", key), new Document("_id", key).append("tenantId", tenantId)
          .append("segmentId", segmentId).append("day", day.toString()).append("customers", customers),
          new ReplaceOptions().upsert(true)));
    });
    if (!writes.isEmpty()) {
      collection.bulkWrite(writes);
    }
  }

  @Override
  public List<Size> list(String tenantId, String segmentId, LocalDate from, LocalDate to) {
    return collection.find(and(eq("tenantId", tenantId), eq("segmentId", segmentId),
            gte("day", from.toString()), lte("day", to.toString())))
        .sort(Sorts.ascending("day"))
        .map(d -> new Size(LocalDate.parse(d.getString("day")), ((Number) d.get("customers")).longValue()))
        .into(new ArrayList<>());
  }
}
