package io.cxhub.journey.journey;

import io.cxhub.journey.journey.Journey.Stage;
import io.cxhub.journey.journey.Journey.Touchpoint;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.paging.NameKeyPosition;
import io.cxhub.kit.paging.PageRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The journey-map use cases: create one, read one, list them by name. */
public final class JourneyCatalog {

  private final Journeys journeys;
  private final Clock clock;

  public JourneyCatalog(Journeys journeys, Clock clock) {
    this.journeys = Objects.requireNonNull(journeys);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Creates a journey in the tenant, with a new id and the current time. Stage and
   * touchpoint ids left empty are derived from the names.
   *
   * @throws InvalidInputException listing every invalid field
   */
  public Journey create(String tenantId, JourneyDraft draft) {
    JourneyRules.check(draft);
    // stored instants have millisecond precision: truncate now so that what create
    // returns is exactly what a later read returns
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var journey = new Journey(tenantId, Ids.random(), draft.name(), draft.description(),
        resolveIds(draft.stages()), now, now);
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
   * One page of the tenant's journeys ordered by name, then id.
   *
   * @throws InvalidInputException naming {@code page_size} or {@code page_token}
   */
  public JourneyPage list(String tenantId, int pageSize, String pageToken) {
    var page = PageRequest.of(pageSize, pageToken);
    var after = page.isFirst() ? null : NameKeyPosition.parse(page.after());
    // one more than asked tells whether another page follows
    List<Journey> found = journeys.list(tenantId, after, page.size() + 1);
    if (found.size() <= page.size()) {
      return new JourneyPage(found, "");
    }
    var items = found.subList(0, page.size());
    var last = items.get(items.size() - 1);
    return new JourneyPage(items, NameKeyPosition.tokenAfter(last.id(), last.nameKey()));
  }

  /** Gives every stage and touchpoint its id: the one asked for, or one derived from its name. */
  private static List<Stage> resolveIds(List<JourneyDraft.StageDraft> drafts) {
    var stageIds = new Slugs.Allocator("stage");
    var touchpointIds = new Slugs.Allocator("touchpoint");
    for (var stage : drafts) {
      if (!stage.stageId().isEmpty()) {
        stageIds.reserve(stage.stageId());
      }
      for (var touchpoint : stage.touchpoints()) {
        if (!touchpoint.touchpointId().isEmpty()) {
          touchpointIds.reserve(touchpoint.touchpointId());
        }
      }
    }
    var stages = new ArrayList<Stage>(drafts.size());
    for (var stage : drafts) {
      var touchpoints = new ArrayList<Touchpoint>(stage.touchpoints().size());
      for (var tp : stage.touchpoints()) {
        String id = tp.touchpointId().isEmpty() ? touchpointIds.derive(tp.name()) : tp.touchpointId();
        touchpoints.add(new Touchpoint(id, tp.name(), tp.channel(), tp.description()));
      }
      String id = stage.stageId().isEmpty() ? stageIds.derive(stage.name()) : stage.stageId();
      stages.add(new Stage(id, stage.name(), stage.description(), touchpoints));
    }
    return stages;
  }
}
