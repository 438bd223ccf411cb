package io.cxhub.journey.insight;

import io.cxhub.journey.insight.FrictionView.Theme;
import java.util.List;

/**
 * The text themes of the comments at places of a journey (metrics-service's text analytics,
 * read from its text cubes). Implementations bound the read with a deadline.
 */
public interface TextThemes {

  /**
   * The top themes of each place over the period, most negative mentions first, with up to
   * {@code samples} recent negative comments per theme; one entry per place, in order.
   *
   * @throws Indicators.IndicatorsUnavailableException when metrics-service cannot answer now
   */
  List<PlaceThemes> top(String tenantId, DayRange period, List<Place> places, int top, int samples);

  /** A place whose comments count together: those of its stages or of its touchpoints. */
  record Place(String id, List<String> stageIds, List<String> touchpointIds) {}

  /** The top themes of a place and the number of comments there. */
  record PlaceThemes(String id, long comments, List<Theme> themes) {}
}
