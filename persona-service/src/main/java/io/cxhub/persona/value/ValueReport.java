package io.cxhub.persona.value;

import java.time.Instant;
import java.util.List;

/**
 * The last valuation of a tenant's customers.
 *
 * @param customers customers valued
 * @param scored customers with at least one order (the RFM population)
 */
public record ValueReport(int customers, int scored, List<RfmValuation.TierSummary> tiers, Instant computeTime) {}
