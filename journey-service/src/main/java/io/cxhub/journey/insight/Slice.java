package io.cxhub.journey.insight;

import io.cxhub.kit.domain.Channel;
import java.util.List;

/** Which answers and events count: a period, and optionally channels, segments, personas. */
public record Slice(DayRange period, List<Channel> channels, List<String> segments, List<String> personas) {

  public Slice {
    channels = channels == null ? List.of() : List.copyOf(channels);
    segments = segments == null ? List.of() : List.copyOf(segments);
    personas = personas == null ? List.of() : List.copyOf(personas);
  }

  public static Slice of(DayRange period) {
    return new Slice(period, List.of(), List.of(), List.of());
  }

  public Slice over(DayRange other) {
    return new Slice(other, channels, segments, personas);
  }

  public Slice previous() {
    return over(period.previous());
  }

  /** The same slice restricted to one segment (none when empty). */
  public Slice inSegment(String segment) {
    return segment == null || segment.isEmpty() ? this : new Slice(period, channels, List.of(segment), personas);
  }
}
