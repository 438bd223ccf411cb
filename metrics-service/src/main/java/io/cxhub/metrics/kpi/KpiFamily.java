package io.cxhub.metrics.kpi;

/** A family of KPIs, read from its own cubes. */
public enum KpiFamily {
  /** Contacts, resolutions, FCR, AHT, FRT. */
  SUPPORT,
  /** Visits, orders, revenue. */
  COMMERCE,
  /** Conversion per funnel step. */
  FUNNEL,
  /** Repurchase rate and purchase cycle. */
  LOYALTY
}
