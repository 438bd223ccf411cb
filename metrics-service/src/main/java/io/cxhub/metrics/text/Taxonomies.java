package io.cxhub.metrics.text;

import java.util.Optional;

/** Storage port of the tenants' taxonomies. */
public interface Taxonomies {

  /** The tenant's own taxonomy, if it ever set one. */
  Optional<Taxonomy> find(String tenantId);

  /** Stores the tenant's taxonomy with the next version number and returns it. */
  Taxonomy save(String tenantId, Taxonomy taxonomy);
}
