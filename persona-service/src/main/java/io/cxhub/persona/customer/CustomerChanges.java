package io.cxhub.persona.customer;

/**
 * Told when a tenant's customers change (upserts, imports, events, deletions), so that what
 * is computed over all of them (value tiers) is recomputed. Must be cheap and never fail
 * the change itself.
 */
public interface CustomerChanges {

  void changed(String tenantId);

  CustomerChanges NONE = tenantId -> { };
}
