package io.cxhub.metrics.rollup;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.id.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records items of one source and adds each to the cubes exactly once, whatever the retries,
 * crashes and concurrent duplicates — without multi-document transactions, and with every
 * write going by {@code _id}.
 *
 * <p>The protocol, per {@link #record} call (each step a batch of single-document writes):
 * <ol>
 *   <li><b>Begin.</b> Store an {@link Application} with a fresh id A, the batch's item ids and
 *       the cubes they touch.
 *   <li><b>Ledger.</b> Insert each item with {@code $setOnInsert}, claimed by A. An entry that
 *       exists keeps its content and its claim: the first copy of an item, and the first
 *       application that saw it, win. So exactly one application ever owns an item.
 *   <li><b>Cubes.</b> Add A's items to each cube in ONE conditional upsert:
 *       {@code updateOne({_id: cube, applied: {$ne: A}}, {$inc: tallies, $push: {applied: A}},
 *       upsert)}. The tallies and the evidence change together, so a cube that already took A
 *       does not match again (and its upsert fails on the duplicate {@code _id}, ignored).
 *   <li><b>Mark.</b> Mark A's entries applied, then A. Only now are the ids acknowledged.
 *   <li><b>Release</b> (later, by {@link RollupSweeper}): {@code $pull} A from its cubes'
 *       evidence and delete A.
 * </ol>
 *
 * <p>Items claimed by another application B that has not finished (a crashed or concurrent
 * call) are completed here too, by running steps 3–4 for B: completion is idempotent.
 *
 * <p>Why at most once: an item enters a cube only through its owner's step 3, which is a
 * no-op while the cube holds the owner's evidence. The only danger is a completion that read
 * B as open before step 4 and reaches step 3 after step 5 removed the evidence. So step 5
 * waits {@code evidenceGrace} (minutes) after B was applied, while every completion refuses to
 * start step 3 once it has been running for {@code maxApplyDuration} (seconds).
 *
 * <p>Why at least once: a crash anywhere leaves the owner open and the ids unacknowledged;
 * the producer sends them again, or the sweeper completes the open application.
 *
 * <p>Evidence is per application, not per item, so a cube holds a few ids however many items
 * it counts: cubes can be coarse (a day or a month of a tenant) and reads fetch a handful.
 */
public final class ExactlyOnceAggregator<T extends LedgerItem> {

  /**
   * @param recordedIds every distinct id of the batch, all of them now counted
   * @param applied how many of them this call counted
   * @param duplicates how many had been counted before
   */
  public record Outcome(List<String> recordedIds, int applied, int duplicates) {

    public Outcome {
      recordedIds = List.copyOf(recordedIds);
    }
  }

  private final String source;
  private final Ledger<T> ledger;
  private final Applications applications;
  private final Cubes cubes;
  private final Contributor<T> contributor;
  private final TenantZones zones;
  private final Clock clock;
  private final IngestSettings settings;

  public ExactlyOnceAggregator(
      String source, Ledger<T> ledger, Applications applications, Cubes cubes, Contributor<T> contributor,
      TenantZones zones, Clock clock, IngestSettings settings) {
    this.source = source;
    this.ledger = ledger;
    this.applications = applications;
    this.cubes = cubes;
    this.contributor = contributor;
    this.zones = zones;
    this.clock = clock;
    this.settings = settings;
  }

  public String source() {
    return source;
  }

  public Ledger<T> ledger() {
    return ledger;
  }

  public Contributor<T> contributor() {
    return contributor;
  }

  /**
   * Records the items (already validated) and counts those never counted before. Repeating
   * a call, or making it concurrently with another for the same items, counts nothing twice.
   *
   * @throws DependencyUnavailableException if the call ran out of its time budget; nothing
   *     is lost, and the same items may be sent again
   */
  public Outcome record(String tenantId, List<T> items) {
    Instant started = clock.instant();
    var unique = new LinkedHashMap<String, T>();
    items.forEach(item -> unique.putIfAbsent(item.itemId(), item));
    if (unique.isEmpty()) {
      return new Outcome(List.of(), 0, 0);
    }
    var ids = List.copyOf(unique.keySet());
    // the cubes of every item of the batch, stored with the application when it begins: the
    // items it ends up owning touch a subset of them, and that is all the release needs
    ZoneId zone = zones.zone(tenantId);
    var cubesOfBatch = new TreeSet<CubeId>();
    unique.values().forEach(item -> contributor.contributions(tenantId, zone, item)
        .forEach(inc -> cubesOfBatch.add(inc.cube())));
    var mine = new Application(Ids.random(), tenantId, source, ids, List.copyOf(cubesOfBatch), started, null);
    applications.begin(mine);
    ledger.insertIfAbsent(tenantId, unique.values(), mine.id(), started);
    Map<String, LedgerEntry<T>> entries = ledger.find(tenantId, ids);

    int duplicates = 0;
    int owned = 0;
    Set<String> others = new LinkedHashSet<>();
    for (String id : ids) {
      LedgerEntry<T> entry = entries.get(id);
      if (entry == null) {
        throw new IllegalStateException(source + " entry " + id + " missing right after its insert");
      }
      if (entry.isApplied()) {
        duplicates++;
      } else if (entry.applicationId().equals(mine.id())) {
        owned++;
      } else {
        others.add(entry.applicationId());
      }
    }
    if (owned == 0) {
      applications.delete(tenantId, mine.id());
    } else {
      complete(mine, started);
    }
    for (String other : others) {
      var application = applications.find(tenantId, other).orElseThrow(() -> new IllegalStateException(
          "items of " + source + " are claimed by application " + other + ", which no longer exists"));
      complete(application, started);
    }
    return new Outcome(ids, ids.size() - duplicates, duplicates);
  }

  /**
   * Adds an open application's items to the cubes and marks them applied (steps 3 and 4).
   * Idempotent; a finished application is left alone.
   *
   * @param startedAt when the caller started, before it read the application as open
   */
  void complete(Application application, Instant startedAt) {
    if (application.isApplied()) {
      return;
    }
    String tenantId = application.tenantId();
    var owned = new ArrayList<T>();
    ledger.find(tenantId, application.itemIds()).values().forEach(e -> {
      if (!e.isApplied() && e.applicationId().equals(application.id())) {
        owned.add(e.item());
      }
    });
    ZoneId zone = zones.zone(tenantId);
    var increments = new ArrayList<CellIncrement>();
    owned.forEach(item -> increments.addAll(contributor.contributions(tenantId, zone, item)));
    var touched = new TreeSet<CubeId>();
    increments.forEach(inc -> touched.add(inc.cube()));
    touched.removeAll(application.cubes());
    if (!touched.isEmpty()) {
      // only when the zone changed since the application began
      applications.recordCubes(tenantId, application.id(), touched);
    }
    if (clock.instant().isAfter(startedAt.plus(settings.maxApplyDuration()))) {
      throw new DependencyUnavailableException(
          "recording took longer than " + settings.maxApplyDuration() + "; send the batch again", null);
    }
    cubes.applyOnce(tenantId, application.id(), increments);
    Instant now = clock.instant();
    ledger.markApplied(tenantId, owned.stream().map(LedgerItem::itemId).toList(), now);
    applications.markApplied(tenantId, application.id(), now);
  }
}
