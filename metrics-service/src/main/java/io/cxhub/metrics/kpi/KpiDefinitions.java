package io.cxhub.metrics.kpi;

import io.cxhub.metrics.score.MetricDefinition;
import java.util.ArrayList;
import java.util.List;

/** The definitions the KPIs are computed with, as versioned data stated in every answer. */
public final class KpiDefinitions {

  private static final String LOW_SAMPLE = " Flagged low-sample when n < 30 or the margin of error exceeds 10 points.";
  private static final String PERCENTILES = " Median and p90 are nearest-rank percentiles read from HdrHistogram "
      + "buckets with 2 significant digits (exact up to 255 s, then within 1%); the mean is exact. Flagged "
      + "low-sample when n < 30.";

  public static final MetricDefinition FCR = new MetricDefinition("fcr", 1,
      "First-contact resolution: CASE_RESOLVED events with contact_count = 1 (resolved within the first "
          + "contact, no further contact needed) ÷ CASE_RESOLVED events (n), in percent, with a 95% Wilson "
          + "interval. A resolution counts in the local day of its occur_time." + LOW_SAMPLE);
  public static final MetricDefinition AHT = new MetricDefinition("aht", 1,
      "Average handling time: handling_seconds of the CASE_RESOLVED events that report it (n); mean, median "
          + "and 90th percentile, in seconds." + PERCENTILES);
  public static final MetricDefinition FRT = new MetricDefinition("frt", 1,
      "First response time: occur_time − opened_time of FIRST_RESPONSE events (n), in seconds, counted in "
          + "the local day of the response." + PERCENTILES);
  public static final MetricDefinition CONTACTS_PER_RESOLUTION = new MetricDefinition("contacts_per_resolution", 1,
      "Mean contact_count of the CASE_RESOLVED events.");
  public static final MetricDefinition ORDERS_PER_VISIT = new MetricDefinition("orders_per_visit", 1,
      "ORDER_PLACED events ÷ VISIT events of the same group; revenue is the exact sum of the orders' amounts "
          + "per currency.");
  public static final MetricDefinition CONVERSION = new MetricDefinition("funnel_conversion", 1,
      "Step conversion: FUNNEL_STEP_COMPLETED ÷ FUNNEL_STEP_VIEWED events of the same funnel step (n = views), "
          + "in percent, with a 95% Wilson interval; from_first_step: completions of the step ÷ views of the "
          + "funnel's first step (lowest step_order) in the same group." + LOW_SAMPLE);
  public static final MetricDefinition REPURCHASE = new MetricDefinition("repurchase_rate", 1,
      "Repurchase rate over a window of local days: customers (customer_id) with 2 or more ORDER_PLACED events "
          + "in the window ÷ customers with 1 or more (n), in percent, with a 95% Wilson interval. Orders "
          + "before or after the window do not count. The window is each period when grouping by period "
          + "(clipped to the requested range), else the whole range. Not sliced or filtered by channel, team, "
          + "stage or touchpoint." + LOW_SAMPLE);
  public static final MetricDefinition PURCHASE_CYCLE = new MetricDefinition("purchase_cycle", 1,
      "Purchase cycle over the same window as the repurchase rate: the days between each two consecutive "
          + "orders of a customer, both in the window (local days of occur_time; two orders on one day are "
          + "0 days apart); mean and nearest-rank median over all such gaps (n).");

  private KpiDefinitions() {}

  static List<MetricDefinition> of(KpiQuery query) {
    var definitions = new ArrayList<MetricDefinition>();
    if (query.wants(KpiFamily.SUPPORT)) {
      definitions.addAll(List.of(FCR, AHT, FRT, CONTACTS_PER_RESOLUTION));
    }
    if (query.wants(KpiFamily.COMMERCE)) {
      definitions.add(ORDERS_PER_VISIT);
    }
    if (query.wants(KpiFamily.FUNNEL)) {
      definitions.add(CONVERSION);
    }
    if (query.wants(KpiFamily.LOYALTY)) {
      definitions.addAll(List.of(REPURCHASE, PURCHASE_CYCLE));
    }
    return definitions;
  }
}
