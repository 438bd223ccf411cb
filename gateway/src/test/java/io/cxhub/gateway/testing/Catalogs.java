package io.cxhub.gateway.testing;

import com.google.api.HttpRule;
import io.cxhub.gateway.catalog.ApiCatalog;
import io.cxhub.gateway.catalog.HttpBinding;

/** The real descriptor set, parsed once for all unit tests (it is immutable). */
public final class Catalogs {

  public static final ApiCatalog CATALOG = ApiCatalog.fromClasspath(Catalogs.class.getClassLoader());

  private Catalogs() {}

  public static HttpBinding binding(String rpcName) {
    return CATALOG.binding(rpcName).orElseThrow(() -> new AssertionError("no binding for " + rpcName));
  }

  /** A binding the contracts do not have, on an existing RPC: to exercise rule shapes. */
  public static HttpBinding customBinding(String rpcName, HttpRule rule) {
    var method = CATALOG.bindings().stream()
        .map(HttpBinding::rpc)
        .filter(rpc -> rpc.name().equals(rpcName))
        .findFirst()
        .orElseThrow();
    return ApiCatalog.binding(method, rule);
  }
}
