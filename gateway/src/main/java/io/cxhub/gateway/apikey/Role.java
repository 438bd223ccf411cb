package io.cxhub.gateway.apikey;

/**
 * The role of an API key in its tenant, from the least to the most powerful (the contract's
 * {@code cx.common.v1.TenantRole}). A role may do everything the roles below it may do.
 */
public enum Role {
  /** Reads dashboards, scores, responses and cases; changes nothing. */
  VIEWER,
  /** Also works follow-up cases. */
  AGENT,
  /** Also designs and runs the programme: surveys, distributions, journeys, rules, imports. */
  ANALYST,
  /** Also manages the tenant: its API keys, webhooks, settings and audit log. */
  ADMIN;

  /** Whether this role may do what {@code needed} may do. */
  public boolean atLeast(Role needed) {
    return compareTo(needed) >= 0;
  }
}
