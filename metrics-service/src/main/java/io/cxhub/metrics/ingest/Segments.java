package io.cxhub.metrics.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Resolves respondents' segments (port to persona-service). Must never throw and never
 * block ingestion for long: what it cannot resolve — peer down, circuit open, deadline
 * passed, customer unknown or without a segment — it reports as {@link #UNASSIGNED}, so
 * the response is still counted, in the {@code unassigned} slice.
 */
public interface Segments {

  String UNASSIGNED = "unassigned";

  /** The segment of each customer id, {@link #UNASSIGNED} for those it could not resolve. */
  Map<String, String> resolve(String tenantId, Set<String> customerIds);

  /** No persona-service: every known customer is unassigned. */
  Segments NONE = (tenantId, ids) -> {
    var result = new HashMap<String, String>();
    ids.forEach(id -> result.put(id, UNASSIGNED));
    return result;
  };
}
