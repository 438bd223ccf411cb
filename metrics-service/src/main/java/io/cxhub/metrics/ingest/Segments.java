package io.cxhub.metrics.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves respondents' segments and personas (port to persona-service). Must never throw
 * and never block ingestion for long: what it cannot resolve — peer down, circuit open,
 * deadline passed, customer unknown — it reports as {@link Profile#UNASSIGNED}, so the
 * response is still counted, in the {@code unassigned} slice.
 */
public interface Segments {

  /** The profile of each customer id, {@link Profile#UNASSIGNED} for those it could not resolve. */
  Map<String, Profile> resolve(String tenantId, Set<String> customerIds);

  /**
   * Resolves the customers of a batch (responses, business events) in one lookup and gives
   * the profile to record with each item: {@link Profile#NONE} for an empty customer id (an
   * anonymous respondent, an event without a customer), {@link Profile#UNASSIGNED} for a
   * customer that could not be resolved. The one rule both ingestion paths follow.
   *
   * @param customerIds the items' customer ids, empty where an item has none; repeats are fine
   */
  default Function<String, Profile> profilesOf(String tenantId, Collection<String> customerIds) {
    var known = new HashSet<String>();
    customerIds.forEach(id -> {
      if (id != null && !id.isEmpty()) {
        known.add(id);
      }
    });
    Map<String, Profile> resolved = known.isEmpty() ? Map.of() : resolve(tenantId, known);
    return id -> id == null || id.isEmpty() ? Profile.NONE : resolved.getOrDefault(id, Profile.UNASSIGNED);
  }

  /** No persona-service: every known customer is unassigned. */
  Segments NONE = (tenantId, ids) -> {
    var result = new HashMap<String, Profile>();
    ids.forEach(id -> result.put(id, Profile.UNASSIGNED));
    return result;
  };
}
