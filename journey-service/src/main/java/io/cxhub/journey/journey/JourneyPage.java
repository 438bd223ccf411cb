package io.cxhub.journey.journey;

import java.util.List;

/** One page of journeys; {@code nextPageToken} is empty on the last page. */
public record JourneyPage(List<Journey> journeys, String nextPageToken) {

  public JourneyPage {
    journeys = List.copyOf(journeys);
  }
}
