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
}
