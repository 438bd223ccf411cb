package io.cxhub.metrics.kpi;

import io.cxhub.metrics.score.MetricDefinition;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a KPI read returns. */
public final class KpiResults {

  private KpiResults() {}

  /**
   * @param contactsPerResolution mean contact count of the resolutions; 0 without any
   */
  public record Support(
      long contacts, long resolved, Proportion fcr, DurationStats aht, DurationStats frt,
      double contactsPerResolution) {}

  /**
   * @param revenueMicros currency → sum of the order amounts in millionths of a unit
   * @param ordersPerVisit orders ÷ visits; 0 without visits
   */
  public record Commerce(long visits, long orders, SortedMap<String, Long> revenueMicros, double ordersPerVisit) {

    public Commerce {
      revenueMicros = Collections.unmodifiableSortedMap(new TreeMap<>(revenueMicros));
    }
  }

  /**
   * The KPIs of one group.
   *
   * @param key the group's value per requested dimension, in request order
   * @param support null when the family was not requested
   * @param commerce null when the family was not requested
   */
  public record Cell(Map<KpiDimension, String> key, Support support, Commerce commerce) {

    public Cell {
      key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
    }
  }

  /**
   * @param fromFirstStep completed ÷ views of the funnel's first step in the same group, in
   *     percent; 0 when that step has no view
   */
  public record FunnelStep(
      Map<KpiDimension, String> key, String funnelId, String step, int stepOrder, long viewed, long completed,
      Proportion conversion, double fromFirstStep) {

    public FunnelStep {
      key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
    }
  }

  /**
   * Days between a customer's consecutive orders.
   *
   * @param n gaps counted
   * @param customers customers with two orders or more
   */
  public record PurchaseCycle(long n, double meanDays, double medianDays, long customers) {}

  /** Repurchase and purchase cycle over the window {@code [from, to]}. */
  public record Loyalty(LocalDate from, LocalDate to, Proportion repurchase, PurchaseCycle purchaseCycle) {}

  /**
   * A KPI read's answer.
   *
   * @param zone the tenant's time zone, which decides the days
   * @param from first day covered
   * @param to last day covered
   */
  public record Report(
      ZoneId zone, LocalDate from, LocalDate to, List<MetricDefinition> definitions, List<Cell> cells, Cell total,
      List<FunnelStep> funnelSteps, List<Loyalty> loyalty) {

    public Report {
      definitions = List.copyOf(definitions);
      cells = List.copyOf(cells);
      funnelSteps = List.copyOf(funnelSteps);
      loyalty = List.copyOf(loyalty);
    }
  }
}
