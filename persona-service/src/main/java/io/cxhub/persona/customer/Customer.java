package io.cxhub.persona.customer;

import java.time.Instant;

/**
 * A customer with the segment and persona it belongs to.
 *
 * @param segment empty when not segmented
 * @param personaId empty when none
 */
public record Customer(String customerId, String segment, String personaId, Instant updateTime) {}
