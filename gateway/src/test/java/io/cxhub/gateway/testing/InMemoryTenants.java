package io.cxhub.gateway.testing;

import io.cxhub.gateway.tenant.Tenant;
import io.cxhub.gateway.tenant.Tenants;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** {@link Tenants} in a sorted map. */
public final class InMemoryTenants implements Tenants {

  private final TreeMap<String, Tenant> tenants = new TreeMap<>();

  @Override
  public synchronized boolean insert(Tenant tenant) {
    return tenants.putIfAbsent(tenant.tenantId(), tenant) == null;
  }

  @Override
  public synchronized Optional<Tenant> find(String tenantId) {
    return Optional.ofNullable(tenants.get(tenantId));
  }

  @Override
  public synchronized List<Tenant> list(String afterId, int limit) {
    var tail = afterId.isEmpty() ? tenants : tenants.tailMap(afterId, false);
    return tail.values().stream().limit(limit).toList();
  }

  private final java.util.Map<String, List<String>> origins = new java.util.HashMap<>();

  @Override
  public synchronized List<String> allowedOrigins(String tenantId) {
    return origins.getOrDefault(tenantId, List.of());
  }

  @Override
  public synchronized boolean setAllowedOrigins(String tenantId, List<String> allowed) {
    if (!tenants.containsKey(tenantId)) {
      return false;
    }
    origins.put(tenantId, List.copyOf(allowed));
    return true;
  }

  @Override
  public synchronized java.util.Set<String> tenantsAllowing(String origin) {
    var found = new java.util.TreeSet<String>();
    origins.forEach((tenant, list) -> {
      if (list.contains(origin)) {
        found.add(tenant);
      }
    });
    return found;
  }
}
