package io.cxhub.survey.survey;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.Violations;

/**
 * Checks that a survey's journey link designates a journey, stage and touchpoint that exist
 * for the tenant. When journey-service cannot answer, the {@link JourneyDirectory}'s
 * {@code DependencyUnavailableException} propagates: a link is never accepted unchecked.
 */
final class JourneyLinkCheck {

  private final JourneyDirectory journeys;

  JourneyLinkCheck(JourneyDirectory journeys) {
    this.journeys = journeys;
  }

  void check(String tenantId, JourneyLink link) {
    if (link.isEmpty()) {
      return;
    }
    var journey = journeys.find(tenantId, link.journeyId())
        .orElseThrow(() -> InvalidInputException.of("survey.journey_id", "is not a journey of this tenant"));
    var violations = new Violations();
    if (!link.stageId().isEmpty() && !journey.touchpointsByStage().containsKey(link.stageId())) {
      violations.add("survey.stage_id", "is not a stage of journey " + link.journeyId());
    }
    if (!link.touchpointId().isEmpty()) {
      if (!journey.hasTouchpoint(link.touchpointId())) {
        violations.add("survey.touchpoint_id", "is not a touchpoint of journey " + link.journeyId());
      } else if (!link.stageId().isEmpty()
          && journey.touchpointsByStage().containsKey(link.stageId())
          && !journey.touchpointsByStage().get(link.stageId()).contains(link.touchpointId())) {
        violations.add("survey.touchpoint_id", "is not a touchpoint of stage " + link.stageId());
      }
    }
    violations.throwIfAny();
  }
}
