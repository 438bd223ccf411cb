package io.cxhub.journey.insight;

import java.util.List;
import java.util.Optional;

/**
 * The friction episodes of the journeys: a place becomes friction (an episode opens), may
 * worsen, and stops being friction (the episode closes). One record per journey and place.
 */
public interface FrictionEpisodes {

  Optional<Episode> find(String tenantId, String journeyId, String frictionId);

  void save(Episode episode);

  /** The open episodes of a journey. */
  List<Episode> open(String tenantId, String journeyId);

  /**
   * @param number the episode's number for this place, from 1
   * @param worseningNotified whether "worsening" was notified in this episode
   */
  record Episode(String tenantId, String journeyId, String frictionId, int number, boolean open, boolean worseningNotified) {}
}
