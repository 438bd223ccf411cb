package io.cxhub.metrics.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Resolves respondents' segments and personas (port to persona-service). Must never throw
 * and never block ingestion for long: what it cannot resolve — peer down, circuit open,
 * deadline passed, customer unknown — it reports as {@link Profile#UNASSIGNED}, so the
 * response is still counted, in the {@code unassigned} slice.
 */
public interface Segments {

  /** The profile of each customer id, {@link Profile#UNASSIGNED} for those it could not resolve. */
  Map<String, Profile> resolve(String tenantId, Set<String> customerIds);

  /** No persona-service: every known customer is unassigned. */
  Segments NONE = (tenantId, ids) -> {
    var result = new HashMap<String, Profile>();
    ids.forEach(id -> result.put(id, Profile.UNASSIGNED));
    return result;
  };
}
