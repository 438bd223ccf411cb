package io.cxhub.journey.journey;

import io.cxhub.journey.journey.Journey.Opportunity;
import io.cxhub.journey.journey.Journey.Stage;
import io.cxhub.journey.journey.Journey.Touchpoint;
import io.cxhub.journey.journey.Journeys.JourneyFilter;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.error.StaleVersionException;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.paging.NameKeyPosition;
import io.cxhub.kit.paging.PageFilter;
import io.cxhub.kit.paging.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The journey-map use cases: create, read, list, update, archive and delete. */
public final class JourneyCatalog {

  /** The fields UpdateJourney may change (proto names, as in the update mask). */
  public static final Set<String> UPDATABLE =
      Set.of("name", "description", "owner_team", "stages", "moments_of_truth", "opportunities");

  private final Journeys journeys;
  private final Clock clock;
  private final List<JourneyDeletionListener> deletionListeners;

  public JourneyCatalog(Journeys journeys, Clock clock) {
    this(journeys, clock, List.of());
  }

  public JourneyCatalog(Journeys journeys, Clock clock, List<JourneyDeletionListener> deletionListeners) {
    this.journeys = Objects.requireNonNull(journeys);
    this.clock = Objects.requireNonNull(clock);
    this.deletionListeners = List.copyOf(deletionListeners);
  }

  /** Told when a journey is deleted, to delete what belongs to it (its actions). */
  public interface JourneyDeletionListener {
    void journeyDeleted(String tenantId, String journeyId);
  }

  /**
   * Creates a journey in the tenant, with a new id and the current time. Ids left empty are
   * derived from the names.
   *
   * @throws InvalidInputException listing every invalid field
   */
  public Journey create(String tenantId, JourneyMap map) {
    var resolved = checkAndResolve(map);
    var now = now();
    var journey = new Journey(tenantId, Ids.random(), resolved, JourneyState.ACTIVE, 1, now, now);
    journeys.add(journey);
    return journey;
  }

  /** @throws NotFoundException if the tenant has no journey with this id */
  public Journey get(String tenantId, String journeyId) {
    if (journeyId == null || journeyId.isBlank()) {
      throw InvalidInputException.of("journey_id", "is required");
    }
    return journeys.find(tenantId, journeyId)
        .orElseThrow(() -> new NotFoundException("journey", journeyId));
  }

  /**
   * One page of the tenant's journeys matching the filter, ordered by name, then id.
   *
   * @throws InvalidInputException naming {@code page_size} or {@code page_token}
   */
  public JourneyPage list(String tenantId, JourneyFilter filter, int pageSize, String pageToken) {
    // a token is only good for the filters it was issued with
    var page = PageRequest.of(pageSize, pageToken, filter.equals(JourneyFilter.ACTIVE) ? PageFilter.NONE
        : PageFilter.of(filter.state(), filter.ownerTeam(), filter.nameContains()));
    var after = page.isFirst() ? null : NameKeyPosition.parse(page.after());
    // one more than asked tells whether another page follows
    List<Journey> found = journeys.list(tenantId, filter, after, page.size() + 1);
    if (found.size() <= page.size()) {
      return new JourneyPage(found, "");
    }
    var items = found.subList(0, page.size());
    var last = items.get(items.size() - 1);
    return new JourneyPage(items, page.nextToken(last.id() + ":" + last.nameKey()));
  }

  public JourneyPage list(String tenantId, int pageSize, String pageToken) {
    return list(tenantId, JourneyFilter.ACTIVE, pageSize, pageToken);
  }

  /**
   * Replaces the fields named in {@code mask} (all updatable fields when empty) by those of
   * {@code changes}, checks the whole result, and stores it if the journey is still at
   * {@code etag} (no check when empty).
   *
   * @throws StaleVersionException when the journey changed since {@code etag}
   * @throws PreconditionFailedException when the journey is archived
   */
  public Journey update(String tenantId, String journeyId, JourneyMap changes, Set<String> mask, String etag) {
    new Violations().updateMask("update_mask", mask, UPDATABLE).throwIfAny();
    var current = get(tenantId, journeyId);
    checkEtag(current, etag);
    if (current.state() == JourneyState.ARCHIVED) {
      throw new PreconditionFailedException("journey '" + journeyId + "' is archived: unarchive it before changing it");
    }
    Set<String> fields = mask.isEmpty() ? UPDATABLE : mask;
    var old = current.map();
    var merged = new JourneyMap(
        fields.contains("name") ? changes.name() : old.name(),
        fields.contains("description") ? changes.description() : old.description(),
        fields.contains("owner_team") ? changes.ownerTeam() : old.ownerTeam(),
        fields.contains("stages") ? changes.stages() : old.stages(),
        fields.contains("moments_of_truth") ? changes.momentsOfTruth() : old.momentsOfTruth(),
        fields.contains("opportunities") ? changes.opportunities() : old.opportunities());
    var updated = current.with(checkAndResolve(merged), current.state(), now());
    return store(current, updated);
  }

  /** Archives the journey (no change when it is archived already). */
  public Journey archive(String tenantId, String journeyId) {
    return moveTo(tenantId, journeyId, JourneyState.ARCHIVED);
  }

  /** Makes an archived journey active again (no change when it is active). */
  public Journey unarchive(String tenantId, String journeyId) {
    return moveTo(tenantId, journeyId, JourneyState.ACTIVE);
  }

  /**
   * Deletes the journey (and, through the listeners, what belongs to it).
   *
   * @throws StaleVersionException when {@code etag} is given and stale
   */
  public void delete(String tenantId, String journeyId, String etag) {
    var current = get(tenantId, journeyId);
    checkEtag(current, etag);
    boolean checked = etag != null && !etag.isEmpty();
    if (!journeys.delete(tenantId, journeyId, checked ? current.version() : null)) {
      var now = journeys.find(tenantId, journeyId);
      if (now.isEmpty()) {
        throw new NotFoundException("journey", journeyId);
      }
      throw new StaleVersionException("journey", journeyId, etag, now.get().etag());
    }
    deletionListeners.forEach(l -> l.journeyDeleted(tenantId, journeyId));
  }

  private Journey moveTo(String tenantId, String journeyId, JourneyState state) {
    var current = get(tenantId, journeyId);
    if (current.state() == state) {
      return current;
    }
    return store(current, current.with(current.map(), state, now()));
  }

  private Journey store(Journey current, Journey updated) {
    if (!journeys.replace(updated, current.version())) {
      var now = journeys.find(current.tenantId(), current.id())
          .orElseThrow(() -> new NotFoundException("journey", current.id()));
      throw new StaleVersionException("journey", current.id(), current.etag(), now.etag());
    }
    return updated;
  }

  private static void checkEtag(Journey current, String etag) {
    StaleVersionException.check("journey", current.id(), etag, current.etag());
  }

  private Instant now() {
    // stored instants have millisecond precision: truncate now so that what a write
    // returns is exactly what a later read returns
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Checks the map's form, resolves its ids, checks its references; all violations at once. */
  private static JourneyMap checkAndResolve(JourneyMap map) {
    var v = new Violations();
    JourneyRules.checkForm(v, map);
    if (JourneyRules.oversized(map)) {
      // past the size limits the form violations say it all; do not derive ids for thousands of elements
      v.throwIfAny();
    }
    var resolved = resolveIds(map);
    JourneyRules.checkReferences(v, resolved);
    v.throwIfAny();
    return resolved;
  }

  /** Gives every stage, touchpoint, element and opportunity its id: the one asked for, or one derived from its name. */
  static JourneyMap resolveIds(JourneyMap map) {
    var stageIds = new Slugs.Allocator("stage");
    var touchpointIds = new Slugs.Allocator("touchpoint");
    var elementIds = new Slugs.Allocator("element");
    var opportunityIds = new Slugs.Allocator("opportunity");
    for (var stage : map.stages()) {
      reserve(stageIds, stage.id());
      stage.touchpoints().forEach(t -> reserve(touchpointIds, t.id()));
      stage.blueprint().forEach(e -> reserve(elementIds, e.id()));
    }
    map.opportunities().forEach(o -> reserve(opportunityIds, o.id()));
    var stages = new ArrayList<Stage>(map.stages().size());
    for (var stage : map.stages()) {
      var touchpoints = new ArrayList<Touchpoint>(stage.touchpoints().size());
      for (var tp : stage.touchpoints()) {
        touchpoints.add(tp.id().isEmpty() ? tp.withId(touchpointIds.derive(tp.name())) : tp);
      }
      var elements = new ArrayList<BlueprintElement>(stage.blueprint().size());
      for (var element : stage.blueprint()) {
        elements.add(element.id().isEmpty() ? element.withId(elementIds.derive(element.name())) : element);
      }
      String id = stage.id().isEmpty() ? stageIds.derive(stage.name()) : stage.id();
      stages.add(stage.withIds(id, touchpoints, elements));
    }
    var opportunities = new ArrayList<Opportunity>();
    for (var o : map.opportunities()) {
      opportunities.add(o.id().isEmpty() ? o.withId(opportunityIds.derive(o.title())) : o);
    }
    return new JourneyMap(map.name(), map.description(), map.ownerTeam(), stages, map.momentsOfTruth(), opportunities);
  }

  private static void reserve(Slugs.Allocator allocator, String id) {
    if (!id.isEmpty()) {
      allocator.reserve(id);
    }
  }
}
