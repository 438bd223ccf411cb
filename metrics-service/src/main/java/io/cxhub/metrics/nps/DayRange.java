package io.cxhub.metrics.nps;

import io.cxhub.kit.error.Violations;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A range of local days (in the tenant's time zone), both ends included; a missing end leaves the range open on that side.
 *
 * @param start null: from the beginning
 * @param end null: with no end
 */
public record DayRange(LocalDate start, LocalDate end) {

  public static final DayRange ALL = new DayRange(null, null);

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  /**
   * Parses {@code YYYY-MM-DD} ends (empty = open), reporting problems under
   * {@code <field>.start_date} and {@code <field>.end_date}.
   */
  public static DayRange parse(String start, String end, String field, Violations violations) {
    LocalDate from = day(start, field + ".start_date", violations);
    LocalDate to = day(end, field + ".end_date", violations);
    if (from != null && to != null && from.isAfter(to)) {
      violations.add(field + ".start_date", "must not be after " + field + ".end_date");
    }
    return new DayRange(from, to);
  }

  private static LocalDate day(String value, String field, Violations violations) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value, DAY);
    } catch (DateTimeParseException e) {
      violations.add(field, "must be a date in YYYY-MM-DD form");
      return null;
    }
  }

  public boolean contains(LocalDate day) {
    return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
  }
}
