package io.cxhub.survey.invitation;

/** Port to the per-tenant send budget, shared by every instance. */
@FunctionalInterface
public interface SendThrottle {

  /** Takes one send from the tenant's budget of the current window; false when it is used up. */
  boolean tryAcquire(String tenantId);
}
