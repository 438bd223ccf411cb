package io.cxhub.journey.insight;

import io.cxhub.journey.journey.Journey.IndicatorBinding;

/**
 * A bound operational indicator over a period.
 *
 * @param elementId the blueprint element bound ("" for none)
 * @param estimate FCR or conversion in percent (with interval); AHT/FRT mean in seconds (no interval)
 * @param medianSeconds AHT/FRT median; NaN otherwise
 * @param change versus the previous period (proportions only), null otherwise
 */
public record KpiStat(String elementId, IndicatorBinding binding, Estimate estimate, double medianSeconds,
    Estimate previous, Difference change) {}
