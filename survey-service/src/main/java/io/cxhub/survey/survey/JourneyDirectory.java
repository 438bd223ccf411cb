package io.cxhub.survey.survey;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port to the journeys of journey-service, used to check a survey's journey link. */
public interface JourneyDirectory {

  /**
   * The outline of journey {@code journeyId} of {@code tenantId}.
   *
   * @return empty when the tenant has no such journey
   * @throws io.cxhub.kit.error.DependencyUnavailableException when journey-service cannot
   *     answer now (down, too slow, circuit open); the caller must not assume either answer
   */
  Optional<JourneyOutline> find(String tenantId, String journeyId);

  /** The stages of a journey, each with the ids of its touchpoints. */
  record JourneyOutline(String journeyId, Map<String, Set<String>> touchpointsByStage) {

    public JourneyOutline {
      touchpointsByStage = Map.copyOf(touchpointsByStage);
    }

    boolean hasTouchpoint(String touchpointId) {
      return touchpointsByStage.values().stream().anyMatch(t -> t.contains(touchpointId));
    }
  }
}
