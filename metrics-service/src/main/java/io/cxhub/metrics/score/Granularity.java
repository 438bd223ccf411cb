package io.cxhub.metrics.score;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Length of the periods of a PERIOD group-by. A period is labelled by its first day
 * ({@code YYYY-MM-DD}); weeks are ISO weeks, starting on Monday.
 */
public enum Granularity {
  DAY,
  WEEK,
  MONTH;

  public LocalDate periodStart(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }
}
