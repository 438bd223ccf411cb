package io.cxhub.metrics.bucket.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.cxhub.kit.mongo.MongoBulk;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.metrics.bucket.BucketIncrement;
import io.cxhub.metrics.bucket.BucketKey;
import io.cxhub.metrics.bucket.BucketTotals;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.util.SortedMap;
import io.cxhub.metrics.bucket.Buckets;
import io.cxhub.metrics.nps.NetPromoterScore;
import io.cxhub.metrics.nps.NpsCounts;
import io.cxhub.metrics.score.Distribution;
import io.cxhub.metrics.score.ScoreBuckets;
import io.cxhub.metrics.score.ScoreKind;
import java.util.Set;
import java.util.TreeMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Buckets in the {@code buckets} collection:
 *
 * <pre>
 * { _id: BucketKey.id(), tenantId, surveyId, questionId, day: "YYYY-MM-DD", channel, stage,
 *   touchpoint, segment, kind, scaleMin, scaleMax, count, sum, sumSq, hist: {"&lt;score&gt;": n},
 *   promoters, passives, detractors (NPS only), pending: [responseId…] }
 * </pre>
 *
 * <p>Writes go by {@code _id} alone (it starts with the tenant id): the embedded server only
 * uses its {@code _id} index when the filter names nothing else, and a bucket update that
 * scanned the collection would cost a scan per answer.
 */
@Repository
class MongoBuckets implements Buckets, NpsCounts, ScoreBuckets {

  static final String COLLECTION = "buckets";

  private final MongoCollection<Document> collection;

  MongoBuckets(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    MongoIndexes.ensure(collection,
        Indexes.ascending("tenantId", "surveyId", "kind", "questionId", "day"),
        new IndexOptions().name("tenant_survey_kind_question_day"));
  }

  @Override
  public void applyOnce(String tenantId, List<BucketIncrement> increments) {
    if (increments.isEmpty()) {
      return;
    }
    ensureExist(increments);
    var updates = new ArrayList<WriteModel<Document>>(increments.size());
    for (BucketIncrement inc : increments) {
      var changes = new ArrayList<Bson>();
      changes.add(Updates.inc("count", 1L));
      changes.add(Updates.inc("sum", (long) inc.score()));
      changes.add(Updates.inc("sumSq", inc.sumSquares()));
      changes.add(Updates.inc("hist." + inc.score(), 1L));
      if (inc.npsCategory() != null) {
        changes.add(Updates.inc("promoters", (long) inc.promoters()));
        changes.add(Updates.inc("passives", (long) inc.passives()));
        changes.add(Updates.inc("detractors", (long) inc.detractors()));
      }
      changes.add(Updates.push("pending", inc.responseId()));
      // matches only while the bucket does not hold the response id: counters and evidence
      // change in one atomic single-document update, so a repeat is a no-op
      updates.add(new UpdateOneModel<>(
          and(eq("_id", inc.key().id()), ne("pending", inc.responseId())), Updates.combine(changes)));
    }
    collection.bulkWrite(updates, new BulkWriteOptions().ordered(false));
  }

  /** Creates missing buckets with their key fields; existing ones are left untouched. */
  private void ensureExist(List<BucketIncrement> increments) {
    Map<String, BucketIncrement> byBucket = new LinkedHashMap<>();
    increments.forEach(inc -> byBucket.putIfAbsent(inc.key().id(), inc));
    var upserts = new ArrayList<WriteModel<Document>>(byBucket.size());
    byBucket.forEach((id, inc) -> {
      BucketKey k = inc.key();
      upserts.add(new UpdateOneModel<>(
          eq("_id", id),
          Updates.combine(
              Updates.setOnInsert("tenantId", k.tenantId()),
              Updates.setOnInsert("surveyId", k.surveyId()),
              Updates.setOnInsert("questionId", k.questionId()),
              Updates.setOnInsert("day", k.dayText()),
              Updates.setOnInsert("channel", k.channel()),
              Updates.setOnInsert("stage", k.stage()),
              Updates.setOnInsert("touchpoint", k.touchpoint()),
              Updates.setOnInsert("segment", k.segment()),
              Updates.setOnInsert("kind", inc.kind()),
              Updates.setOnInsert("scaleMin", inc.scaleMin()),
              Updates.setOnInsert("scaleMax", inc.scaleMax()),
              Updates.setOnInsert("pending", List.of())),
          new UpdateOptions().upsert(true)));
    });
    // two writers creating the same bucket at once: the loser's duplicate key means the
    // bucket exists, which is all this step needs
    MongoBulk.writeIgnoringDuplicateKeys(collection, upserts);
  }

  @Override
  public void releaseEvidence(String tenantId, Map<String, ? extends Collection<String>> responseIdsByBucket) {
    if (responseIdsByBucket.isEmpty()) {
      return;
    }
    var pulls = new ArrayList<WriteModel<Document>>(responseIdsByBucket.size());
    responseIdsByBucket.forEach((bucketId, ids) -> {
      if (!bucketId.startsWith(tenantId + ":")) {
        throw new IllegalArgumentException("bucket " + bucketId + " is not one of tenant " + tenantId);
      }
      pulls.add(new UpdateOneModel<>(eq("_id", bucketId), Updates.pullAll("pending", List.copyOf(ids))));
    });
    collection.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
  }

  @Override
  public List<BucketTotals> snapshot(String tenantId) {
    return collection.find(eq("tenantId", tenantId))
        .projection(Projections.exclude("pending"))
        .map(d -> {
          var key = new BucketKey(tenantId, d.getString("surveyId"), d.getString("questionId"),
              LocalDate.parse(d.getString("day")), d.getString("channel"), d.getString("stage"),
              d.getString("touchpoint"), d.getString("segment"));
          String kind = d.getString("kind");
          boolean nps = BucketIncrement.NPS.equals(kind);
          var dist = distribution(d, nps ? 0 : 1, nps ? 10 : 5);
          return new BucketTotals(key, kind, dist.scaleMin(), dist.scaleMax(), dist.count(), dist.sum(), dist.sumSq(),
              dist.histogram());
        })
        .into(new ArrayList<>());
  }

  @Override
  public boolean replaceIfUnchanged(String tenantId, BucketTotals observed, BucketTotals recounted) {
    if (!recounted.key().tenantId().equals(tenantId)) {
      throw new IllegalArgumentException("bucket " + recounted.id() + " is not one of tenant " + tenantId);
    }
    Document counters = counters(recounted);
    if (observed == null) {
      BucketKey k = recounted.key();
      var doc = new Document("_id", recounted.id())
          .append("tenantId", tenantId).append("surveyId", k.surveyId()).append("questionId", k.questionId())
          .append("day", k.dayText()).append("channel", k.channel()).append("stage", k.stage())
          .append("touchpoint", k.touchpoint()).append("segment", k.segment()).append("kind", recounted.kind())
          .append("scaleMin", recounted.scaleMin()).append("scaleMax", recounted.scaleMax())
          .append("pending", List.of());
      doc.putAll(counters);
      try {
        collection.insertOne(doc);
        return true;
      } catch (MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
          return false;
        }
        throw e;
      }
    }
    var sets = new ArrayList<Bson>();
    counters.forEach((field, value) -> sets.add(Updates.set(field, value)));
    var result = collection.updateOne(
        and(eq("_id", observed.id()), eq("count", observed.count()), eq("sum", observed.sum()),
            eq("sumSq", observed.sumSq())),
        Updates.combine(sets));
    return result.getMatchedCount() == 1;
  }

  private static Document counters(BucketTotals t) {
    var hist = new Document();
    t.hist().forEach((score, n) -> hist.append(String.valueOf(score), n));
    var doc = new Document("count", t.count()).append("sum", t.sum()).append("sumSq", t.sumSq()).append("hist", hist);
    if (BucketIncrement.NPS.equals(t.kind())) {
      doc.append("promoters", between(t.hist(), 9, 10))
          .append("passives", between(t.hist(), 7, 8))
          .append("detractors", between(t.hist(), 0, 6));
    }
    return doc;
  }

  private static long between(SortedMap<Integer, Long> hist, int from, int to) {
    return hist.subMap(from, to + 1).values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public List<DayCounts> npsBuckets(String tenantId, String surveyId) {
    return collection.find(and(eq("tenantId", tenantId), eq("surveyId", surveyId), eq("kind", BucketIncrement.NPS)))
        .projection(Projections.include("questionId", "day", "promoters", "passives", "detractors"))
        .map(d -> new DayCounts(
            d.getString("questionId"),
            LocalDate.parse(d.getString("day")),
            new NetPromoterScore(count(d, "promoters"), count(d, "passives"), count(d, "detractors"))))
        .into(new ArrayList<>());
  }

  @Override
  public List<ScoreBucket> scoreBuckets(String tenantId, ScoreKind kind, Set<String> surveyIds) {
    var filters = new ArrayList<Bson>();
    filters.add(eq("tenantId", tenantId));
    if (!surveyIds.isEmpty()) {
      filters.add(in("surveyId", surveyIds));
    }
    filters.add(eq("kind", kind.name()));
    return collection.find(and(filters))
        .projection(Projections.exclude("pending", "tenantId", "kind"))
        .map(d -> new ScoreBucket(
            d.getString("surveyId"),
            d.getString("questionId"),
            LocalDate.parse(d.getString("day")),
            d.getString("channel"),
            d.getString("stage"),
            d.getString("touchpoint"),
            d.getString("segment"),
            distribution(d, kind.defaultScaleMin(), kind.defaultScaleMax())))
        .into(new ArrayList<>());
  }

  private static Distribution distribution(Document d, int defaultScaleMin, int defaultScaleMax) {
    var hist = new TreeMap<Integer, Long>();
    Document h = d.get("hist", Document.class);
    if (h != null) {
      h.forEach((score, n) -> hist.put(Integer.parseInt(score), ((Number) n).longValue()));
    }
    // buckets created before the scale was stored hold the kind's usual scale
    int scaleMin = d.get("scaleMin") instanceof Number n ? n.intValue() : defaultScaleMin;
    int scaleMax = d.get("scaleMax") instanceof Number n ? n.intValue() : defaultScaleMax;
    return new Distribution(scaleMin, scaleMax, count(d, "count"), count(d, "sum"), count(d, "sumSq"), hist);
  }

  private static long count(Document d, String field) {
    Object value = d.get(field);
    return value instanceof Number n ? n.longValue() : 0L;
  }
}
