package io.cxhub.metrics.rollup;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Which cubes cover a range of local days: month cubes for the months the range covers
 * whole, day cubes for the days of the months it covers in part (or for every day when the
 * read groups by day or week). A year read by month is 12 cubes per family.
 */
public final class PeriodPlan {

  private PeriodPlan() {}

  /**
   * @param from first day, inclusive
   * @param to last day, inclusive
   * @param daily whether the read needs day cubes throughout (grouping by day or week)
   */
  public static List<Period> cover(LocalDate from, LocalDate to, boolean daily) {
    var periods = new ArrayList<Period>();
    if (to.isBefore(from)) {
      return periods;
    }
    YearMonth month = YearMonth.from(from);
    YearMonth last = YearMonth.from(to);
    while (!month.isAfter(last)) {
      LocalDate first = month.atDay(1);
      LocalDate end = month.atEndOfMonth();
      LocalDate start = from.isAfter(first) ? from : first;
      LocalDate stop = to.isBefore(end) ? to : end;
      if (!daily && start.equals(first) && stop.equals(end)) {
        periods.add(Period.month(month));
      } else {
        for (LocalDate d = start; !d.isAfter(stop); d = d.plusDays(1)) {
          periods.add(Period.day(d));
        }
      }
      month = month.plusMonths(1);
    }
    return periods;
  }
}
