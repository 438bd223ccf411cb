package io.cxhub.metrics.rollup;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The period a cube covers: one local day, or one local month, in the tenant's time zone.
 *
 * @param start the day, or the first day of the month
 */
public record Period(Grain grain, LocalDate start) implements Comparable<Period> {

  /** How long a cube's period is. Days serve day and week reads; months serve month reads. */
  public enum Grain { DAY, MONTH }

  public Period {
    Objects.requireNonNull(grain, "grain");
    Objects.requireNonNull(start, "start");
    if (grain == Grain.MONTH && start.getDayOfMonth() != 1) {
      throw new IllegalArgumentException("a month period starts on the first: " + start);
    }
  }

  public static Period day(LocalDate day) {
    return new Period(Grain.DAY, day);
  }

  public static Period month(LocalDate anyDayOfIt) {
    return new Period(Grain.MONTH, anyDayOfIt.withDayOfMonth(1));
  }

  public static Period month(YearMonth month) {
    return new Period(Grain.MONTH, month.atDay(1));
  }

  /** {@code D2026-03-14} or {@code M2026-03}: part of cube ids, and sorts like the periods. */
  public String text() {
    return grain == Grain.DAY ? "D" + start : "M" + YearMonth.from(start);
  }

  public static Period parse(String text) {
    return switch (text.charAt(0)) {
      case 'D' -> day(LocalDate.parse(text.substring(1)));
      case 'M' -> month(YearMonth.parse(text.substring(1)));
      default -> throw new IllegalArgumentException("not a period: " + text);
    };
  }

  @Override
  public int compareTo(Period other) {
    int byStart = start.compareTo(other.start);
    return byStart != 0 ? byStart : grain.compareTo(other.grain);
  }
}
