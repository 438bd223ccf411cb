package io.cxhub.journey.insight;

import io.cxhub.journey.journey.JourneyCatalog;
import io.cxhub.journey.insight.export.JourneyImages;
import java.util.Objects;

/** The read side of a journey grounded in data: live numbers, friction, tables, images. */
public final class JourneyInsights {

  private final JourneyCatalog catalog;
  private final LiveJourneys live;
  private final FrictionRanking friction;
  private final ActionSummaries actions;

  public JourneyInsights(JourneyCatalog catalog, LiveJourneys live, FrictionRanking friction, ActionSummaries actions) {
    this.catalog = Objects.requireNonNull(catalog);
    this.live = Objects.requireNonNull(live);
    this.friction = Objects.requireNonNull(friction);
    this.actions = Objects.requireNonNull(actions);
  }

  public LiveJourneyView live(String tenantId, String journeyId, Slice slice) {
    return live.live(tenantId, journeyId, slice);
  }

  public FrictionView friction(String tenantId, String journeyId, Slice slice) {
    return friction.rank(tenantId, catalog.get(tenantId, journeyId), slice);
  }

  public JourneyTablesView tables(String tenantId, String journeyId, Slice slice) {
    var journey = catalog.get(tenantId, journeyId);
    var snapshot = live.snapshot(journey, slice, LiveJourneys.needOf(journey, true));
    var ranked = FrictionRanking.rank(snapshot);
    return JourneyTables.of(snapshot.view(), ranked, actions.summaries(tenantId, journeyId));
  }

  /** The map or the blueprint with live numbers, as SVG text. */
  public String svg(String tenantId, String journeyId, Slice slice, boolean blueprint) {
    var view = live.live(tenantId, journeyId, slice);
    return blueprint ? JourneyImages.blueprintSvg(view) : JourneyImages.mapSvg(view);
  }

  public java.time.LocalDate today() {
    return live.today();
  }
}
