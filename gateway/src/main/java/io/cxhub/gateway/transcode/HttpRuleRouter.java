package io.cxhub.gateway.transcode;

import io.cxhub.gateway.catalog.HttpBinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the binding of a request from its method and path, among the
 * {@code google.api.http} rules of the catalog. When several templates match a path, the
 * one with more literal segments wins ({@code /v1/surveys/{id}/nps} before
 * {@code /v1/surveys/{id}/{x}}), then the one declared first.
 *
 * <p>A linear scan over pre-compiled templates: the API has tens of bindings, and a match
 * costs a few microseconds.
 */
public final class HttpRuleRouter {

  private final List<HttpBinding> bindings;

  public HttpRuleRouter(List<HttpBinding> bindings) {
    var sorted = new ArrayList<>(bindings);
    sorted.sort(Comparator.comparingInt(HttpBinding::literalSegments).reversed()
        .thenComparingInt(b -> b.pathFields().size()));
    this.bindings = List.copyOf(sorted);
  }

  /**
   * @param method upper-case HTTP method
   * @param rawPath the request path as sent, still percent-encoded, with its leading slash
   */
  public RouteLookup route(String method, String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    var allowed = new TreeSet<String>();
    for (HttpBinding binding : bindings) {
      Map<String, String> variables = match(binding, path);
      if (variables == null) {
        continue;
      }
      if (binding.httpMethod().equals(method)) {
        return new RouteLookup.Found(binding, variables);
      }
      allowed.add(binding.httpMethod());
    }
    return allowed.isEmpty() ? new RouteLookup.NotFound() : new RouteLookup.MethodNotAllowed(allowed);
  }

  private static Map<String, String> match(HttpBinding binding, String path) {
    Map<String, String> variables;
    try {
      variables = binding.template().match(path);
    } catch (RuntimeException malformed) {
      return null;
    }
    if (variables == null) {
      return null;
    }
    for (String value : variables.values()) {
      if (value == null || value.isEmpty()) {
        return null; // "/v1/surveys/" names no survey
      }
    }
    return variables;
  }
}
