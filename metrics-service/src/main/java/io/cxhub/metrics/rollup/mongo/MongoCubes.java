package io.cxhub.metrics.rollup.mongo;

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
import io.cxhub.kit.mongo.MongoInserts;
import io.cxhub.metrics.rollup.Cell;
import io.cxhub.metrics.rollup.CellIncrement;
import io.cxhub.metrics.rollup.Cube;
import io.cxhub.metrics.rollup.CubeId;
import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.Period;
import io.cxhub.metrics.rollup.Tally;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Cubes in the {@code cubes} collection, one document per tenant × family × period:
 *
 * <pre>
 * { _id: "&lt;tenant&gt;:&lt;family&gt;:&lt;period&gt;", tenantId, family, period: "M2026-03", v,
 *   cells: { "&lt;cell key&gt;": { d: {dimension: value}, c: {counter: n}, h: {histogram: {"bin": n}} } },
 *   applied: [application ids, until released] }
 * </pre>
 *
 * and a catalog per tenant in {@code cube_catalog} ({@code {_id: tenant, months: [cube ids]}})
 * listing the month cubes ever written. Every read and write names the {@code _id}: the
 * embedded server finds those through its {@code _id} index (with the conditions next to it
 * checked on the one document), and so does MongoDB.
 */
public class MongoCubes implements Cubes {

  static final String COLLECTION = "cubes";
  static final String CATALOG = "cube_catalog";
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private final MongoCollection<Document> collection;
  private final MongoCollection<Document> catalog;
  /** Month cubes this process knows the catalog lists (an idempotent write saved per batch). */
  private final Set<String> knownMonths = ConcurrentHashMap.newKeySet();

  public MongoCubes(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    this.catalog = database.getCollection(CATALOG);
    MongoIndexes.ensure(collection, Indexes.ascending("tenantId", "family", "period"),
        new IndexOptions().name("tenant_family_period"));
  }

  @Override
  public void applyOnce(String tenantId, String applicationId, Collection<CellIncrement> increments) {
    if (increments.isEmpty()) {
      return;
    }
    // per cube, per cell: what the application adds in all
    var byCube = new TreeMap<CubeId, Map<String, Cube.CellTally>>();
    for (CellIncrement inc : increments) {
      requireTenant(tenantId, inc.cube());
      byCube.computeIfAbsent(inc.cube(), k -> new LinkedHashMap<>())
          .merge(inc.cell().key(), new Cube.CellTally(inc.cell(), inc.tally()),
              (a, b) -> new Cube.CellTally(a.cell(), a.tally().plus(b.tally())));
    }
    var updates = new ArrayList<WriteModel<Document>>(byCube.size());
    byCube.forEach((cube, cells) -> {
      var changes = new ArrayList<Bson>();
      changes.add(Updates.setOnInsert("tenantId", cube.tenantId()));
      changes.add(Updates.setOnInsert("family", cube.family()));
      changes.add(Updates.setOnInsert("period", cube.period().text()));
      cells.forEach((key, cellTally) -> {
        String at = "cells." + key;
        changes.add(Updates.set(at + ".d", new Document(cellTally.cell().dims())));
        cellTally.tally().counters().forEach((name, n) -> changes.add(Updates.inc(at + ".c." + name(name), n)));
        cellTally.tally().histograms().forEach((name, bins) -> bins.forEach(
            (bin, n) -> changes.add(Updates.inc(at + ".h." + name(name) + "." + bin, n))));
      });
      changes.add(Updates.inc("v", 1L));
      changes.add(Updates.push("applied", applicationId));
      // matches only while the cube does not hold the application: tallies and evidence change
      // in one atomic single-document update, so a repeat is a no-op. A missing cube is
      // created by the upsert; for a cube that holds the application already, the upsert's
      // insert fails on the duplicate _id, which is ignored: nothing more to do there
      updates.add(new UpdateOneModel<>(and(eq("_id", cube.id()), ne("applied", applicationId)),
          Updates.combine(changes), new UpdateOptions().upsert(true)));
    });
    MongoBulk.writeIgnoringDuplicateKeys(collection, updates);
    var newMonths = byCube.keySet().stream()
        .filter(c -> c.period().grain() == Period.Grain.MONTH && !knownMonths.contains(c.id()))
        .map(CubeId::id).toList();
    if (!newMonths.isEmpty()) {
      catalog.updateOne(eq("_id", tenantId), Updates.addEachToSet("months", newMonths),
          new UpdateOptions().upsert(true));
      knownMonths.addAll(newMonths);
    }
  }

  @Override
  public void release(String tenantId, String applicationId, Collection<CubeId> cubes) {
    if (cubes.isEmpty()) {
      return;
    }
    var pulls = new ArrayList<WriteModel<Document>>(cubes.size());
    cubes.forEach(cube -> {
      requireTenant(tenantId, cube);
      pulls.add(new UpdateOneModel<>(eq("_id", cube.id()), Updates.pull("applied", applicationId)));
    });
    collection.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
  }

  @Override
  public List<Cube> read(String tenantId, Collection<CubeId> ids) {
    return read(tenantId, ids, false);
  }

  @Override
  public List<Cube> readWithEvidence(String tenantId, Collection<CubeId> ids) {
    return read(tenantId, ids, true);
  }

  private List<Cube> read(String tenantId, Collection<CubeId> ids, boolean evidence) {
    if (ids.isEmpty()) {
      return List.of();
    }
    ids.forEach(id -> requireTenant(tenantId, id));
    var found = collection.find(in("_id", ids.stream().map(CubeId::id).distinct().toList()));
    if (!evidence) {
      found = found.projection(Projections.exclude("applied"));
    }
    return found.map(MongoCubes::cube).into(new ArrayList<>());
  }

  @Override
  public SortedSet<CubeId> months(String tenantId) {
    var result = new TreeSet<CubeId>();
    Document d = catalog.find(eq("_id", tenantId)).first();
    if (d != null) {
      d.getList("months", String.class).forEach(id -> result.add(CubeId.parse(id)));
    }
    return result;
  }

  @Override
  public List<CubeId> list(String tenantId) {
    return collection.find(eq("tenantId", tenantId)).projection(Projections.include("_id"))
        .map(d -> CubeId.parse(d.getString("_id")))
        .into(new ArrayList<>());
  }

  @Override
  public boolean replaceIfUnchanged(
      String tenantId, CubeId id, Long observedVersion, Map<String, Cube.CellTally> cells) {
    requireTenant(tenantId, id);
    var cellsDoc = new Document();
    cells.forEach((key, cellTally) -> cellsDoc.append(key, cellDocument(cellTally)));
    if (observedVersion == null) {
      boolean created = MongoInserts.insertIfAbsent(collection, new Document("_id", id.id())
          .append("tenantId", id.tenantId()).append("family", id.family()).append("period", id.period().text())
          .append("v", 1L).append("cells", cellsDoc).append("applied", List.of()));
      if (!created) {
        return false;
      }
      if (id.period().grain() == Period.Grain.MONTH) {
        catalog.updateOne(eq("_id", tenantId), Updates.addToSet("months", id.id()), new UpdateOptions().upsert(true));
      }
      return true;
    }
    var result = collection.updateOne(and(eq("_id", id.id()), eq("v", observedVersion)),
        Updates.combine(Updates.set("cells", cellsDoc), Updates.inc("v", 1L)));
    return result.getMatchedCount() == 1;
  }

  private static Document cellDocument(Cube.CellTally cellTally) {
    var counters = new Document();
    cellTally.tally().counters().forEach((name, n) -> counters.append(name(name), n));
    var histograms = new Document();
    cellTally.tally().histograms().forEach((name, bins) -> {
      var h = new Document();
      bins.forEach((bin, n) -> h.append(String.valueOf(bin), n));
      histograms.append(name(name), h);
    });
    return new Document("d", new Document(cellTally.cell().dims())).append("c", counters).append("h", histograms);
  }

  private static Cube cube(Document d) {
    var cells = new LinkedHashMap<String, Cube.CellTally>();
    Document stored = d.get("cells", Document.class);
    if (stored != null) {
      stored.forEach((key, value) -> {
        var cellDoc = (Document) value;
        var dims = new TreeMap<String, String>();
        Document dimsDoc = cellDoc.get("d", Document.class);
        if (dimsDoc != null) {
          dimsDoc.forEach((name, v) -> dims.put(name, String.valueOf(v)));
        }
        var tally = Tally.builder();
        Document counters = cellDoc.get("c", Document.class);
        if (counters != null) {
          counters.forEach((name, n) -> tally.add(name, ((Number) n).longValue()));
        }
        Document histograms = cellDoc.get("h", Document.class);
        if (histograms != null) {
          histograms.forEach((name, bins) -> ((Document) bins).forEach(
              (bin, n) -> tally.addToHistogram(name, Integer.parseInt(bin), ((Number) n).longValue())));
        }
        cells.put(key, new Cube.CellTally(new Cell(dims), tally.build()));
      });
    }
    List<String> applied = d.getList("applied", String.class);
    return new Cube(CubeId.parse(d.getString("_id")), ((Number) d.get("v")).longValue(), cells,
        applied == null ? java.util.Set.of() : java.util.Set.copyOf(applied));
  }

  private static String name(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("counter and histogram names are plain words: " + name);
    }
    return name;
  }

  private static void requireTenant(String tenantId, CubeId cube) {
    if (!cube.tenantId().equals(tenantId)) {
      throw new IllegalArgumentException("cube " + cube.id() + " is not one of tenant " + tenantId);
    }
  }
}
