package io.cxhub.survey.distribution;

import java.util.Optional;

/** Storage port of tenants' page branding, one per tenant. */
public interface Brandings {

  /** The tenant's branding; empty when never set. */
  Optional<Branding> find(String tenantId);

  /** Replaces the tenant's branding. */
  void save(String tenantId, Branding branding);
}
