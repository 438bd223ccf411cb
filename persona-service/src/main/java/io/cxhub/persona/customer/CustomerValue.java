package io.cxhub.persona.customer;

import java.time.Instant;

/**
 * What a customer is worth, as of {@code computeTime}.
 *
 * @param recencyDays whole days from the last order to the computation; -1 without orders
 * @param frequency orders
 * @param monetary amount spent
 * @param r recency quintile score 1–5 (5: most recent); 0 without orders
 * @param f frequency quintile score 1–5; 0 without orders
 * @param m monetary quintile score 1–5; 0 without orders
 * @param clv the stated lifetime-value estimate (see io.cxhub.persona.value.RfmValuation)
 */
public record CustomerValue(long recencyDays, long frequency, double monetary, int r, int f, int m, ValueTier tier,
    double clv, Instant computeTime) {}
