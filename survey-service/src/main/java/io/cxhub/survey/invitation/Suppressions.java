package io.cxhub.survey.invitation;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The per-tenant suppression list: addresses and customers who opted out, for good.
 * Keys come from {@link SuppressionKeys}.
 */
public interface Suppressions {

  /** Adds the keys (those already present stay as they were). */
  void add(String tenantId, Collection<String> keys, String reason, Instant at);

  /** The keys among {@code keys} that are suppressed. */
  Set<String> suppressedAmong(String tenantId, Collection<String> keys);
}
