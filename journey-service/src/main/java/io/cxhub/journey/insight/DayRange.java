package io.cxhub.journey.insight;

import io.cxhub.kit.error.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** A range of the tenant's local days, both ends included. */
public record DayRange(LocalDate start, LocalDate end) {

  /** The longest period a read covers. */
  public static final int MAX_DAYS = 366;
  /** Length of the default period, ending today. */
  public static final int DEFAULT_DAYS = 30;

  public DayRange {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " before start " + start);
    }
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** The range of the same length that ends the day before this one starts. */
  public DayRange previous() {
    return new DayRange(start.minusDays(days()), start.minusDays(1));
  }

  public static DayRange of(LocalDate start, int days) {
    return new DayRange(start, start.plusDays(days - 1L));
  }

  /**
   * The range a request asks for: empty end = today, empty start = {@value #DEFAULT_DAYS}
   * days up to the end.
   *
   * @throws InvalidInputException naming {@code field.start_date} / {@code field.end_date}
   */
  public static DayRange parse(String field, String start, String end, LocalDate today) {
    LocalDate e = parseDate(field + ".end_date", end, today);
    LocalDate s = parseDate(field + ".start_date", start, e.minusDays(DEFAULT_DAYS - 1L));
    if (e.isBefore(s)) {
      throw InvalidInputException.of(field + ".end_date", "must not be before start_date " + s);
    }
    if (ChronoUnit.DAYS.between(s, e) + 1 > MAX_DAYS) {
      throw InvalidInputException.of(field, "must cover at most " + MAX_DAYS + " days");
    }
    return new DayRange(s, e);
  }

  private static LocalDate parseDate(String field, String text, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, "must be a date YYYY-MM-DD");
    }
  }

  @Override
  public String toString() {
    return start + ".." + end;
  }
}
