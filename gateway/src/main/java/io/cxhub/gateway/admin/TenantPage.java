package io.cxhub.gateway.admin;

import io.cxhub.gateway.tenant.Tenant;
import java.util.List;

/**
 * One page of tenants.
 *
 * @param nextPageToken token of the next page; empty on the last one
 */
public record TenantPage(List<Tenant> tenants, String nextPageToken) {

  public TenantPage {
    tenants = List.copyOf(tenants);
  }
}
