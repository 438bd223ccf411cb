package io.cxhub.metrics.rollup.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.id.Ids;
import io.cxhub.metrics.rollup.Application;
import io.cxhub.metrics.rollup.Applications;
import io.cxhub.metrics.rollup.CubeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Applications in the {@code applications} collection:
 *
 * <pre>
 * { _id: "&lt;tenantId&gt;:&lt;applicationId&gt;", tenantId, applicationId, source, itemIds: [..],
 *   cubes: [cube ids], createdAt, appliedAt? }
 * </pre>
 *
 * <p>Only applications not yet released are kept, so the sweeper's look at the oldest ones
 * reads a small collection (minutes of traffic).
 */
public class MongoApplications implements Applications {

  static final String COLLECTION = "applications";

  private final MongoCollection<Document> collection;

  public MongoApplications(MongoDatabase database) {
    // no secondary index: the sweeper's look across tenants reads a collection that holds only
    // minutes of applications (every index must start with the tenant, see MongoIndexes)
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public void begin(Application a) {
    collection.insertOne(new Document("_id", Ids.tenantScoped(a.tenantId(), a.id()))
        .append("tenantId", a.tenantId())
        .append("applicationId", a.id())
        .append("source", a.source())
        .append("itemIds", a.itemIds())
        .append("cubes", a.cubes().stream().map(CubeId::id).toList())
        .append("createdAt", Date.from(a.createdAt())));
  }

  @Override
  public Optional<Application> find(String tenantId, String applicationId) {
    return Optional.ofNullable(collection.find(eq("_id", Ids.tenantScoped(tenantId, applicationId))).first())
        .map(MongoApplications::application);
  }

  @Override
  public void recordCubes(String tenantId, String applicationId, Collection<CubeId> cubes) {
    collection.updateOne(eq("_id", Ids.tenantScoped(tenantId, applicationId)),
        Updates.addEachToSet("cubes", cubes.stream().map(CubeId::id).toList()));
  }

  @Override
  public void markApplied(String tenantId, String applicationId, Instant appliedAt) {
    collection.updateOne(eq("_id", Ids.tenantScoped(tenantId, applicationId)), Updates.set("appliedAt", Date.from(appliedAt)));
  }

  @Override
  public void delete(String tenantId, String applicationId) {
    collection.deleteOne(eq("_id", Ids.tenantScoped(tenantId, applicationId)));
  }

  @Override
  public List<Application> oldest(int limit) {
    return collection.find().sort(Sorts.ascending("createdAt")).limit(limit)
        .map(MongoApplications::application).into(new ArrayList<>());
  }

  private static Application application(Document d) {
    Date applied = d.getDate("appliedAt");
    return new Application(
        d.getString("applicationId"),
        d.getString("tenantId"),
        d.getString("source"),
        d.getList("itemIds", String.class),
        d.getList("cubes", String.class).stream().map(CubeId::parse).toList(),
        d.getDate("createdAt").toInstant(),
        applied == null ? null : applied.toInstant());
  }
}
