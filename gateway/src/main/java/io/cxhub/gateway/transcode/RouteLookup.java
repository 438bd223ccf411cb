package io.cxhub.gateway.transcode;

import io.cxhub.gateway.catalog.HttpBinding;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What {@link HttpRuleRouter} found for a request. */
public sealed interface RouteLookup {

  /**
   * A binding matches.
   *
   * @param variables decoded values of the template's variables, by field path
   */
  record Found(HttpBinding binding, Map<String, String> variables) implements RouteLookup {
    public Found {
      variables = Map.copyOf(variables);
    }
  }

  /** The path matches bindings of other HTTP methods only; {@code allowed} is sorted. */
  record MethodNotAllowed(Set<String> allowed) implements RouteLookup {
    public MethodNotAllowed {
      allowed = Collections.unmodifiableSortedSet(new TreeSet<>(allowed));
    }
  }

  /** No binding has this path. */
  record NotFound() implements RouteLookup {}
}
