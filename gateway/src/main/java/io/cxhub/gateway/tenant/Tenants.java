package io.cxhub.gateway.tenant;

import java.util.List;
import java.util.Optional;

/** Storage of tenants. Implementations may block: call them off the event loop. */
public interface Tenants {

  /** Stores a new tenant. @return false if one with the same id exists (nothing is changed) */
  boolean insert(Tenant tenant);

  Optional<Tenant> find(String tenantId);

  /**
   * Tenants in id order.
   *
   * @param afterId exclusive lower bound; empty for the first page
   * @param limit most tenants to return
   */
  List<Tenant> list(String afterId, int limit);

  /** The browser origins the tenant allows (CORS); empty for none or an unknown tenant. */
  List<String> allowedOrigins(String tenantId);

  /** Replaces the tenant's allowed origins. @return false if the tenant does not exist */
  boolean setAllowedOrigins(String tenantId, List<String> origins);

  /** The tenants that allow a browser origin. */
  java.util.Set<String> tenantsAllowing(String origin);
}
