package io.cxhub.persona.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * Who contacts the company, when and how hard it is for them.
 *
 * @param cells non-empty (segment, channel, weekday, hour) counts, in that order
 * @param segments per segment: customers, contacts and effort; most contacts per customer first
 */
public record ContactPatterns(List<Cell> cells, List<SegmentEffort> segments, boolean scoresAvailable,
    LocalDate from, LocalDate to) {

  public record Cell(String segment, String channel, int weekday, int hour, long contacts) {}

  /** @param ces null without answers or when unavailable */
  public record SegmentEffort(String segment, long customers, long contacts, Score ces) {
    public double contactsPerCustomer() {
      return customers == 0 ? 0 : contacts / (double) customers;
    }
  }
}
