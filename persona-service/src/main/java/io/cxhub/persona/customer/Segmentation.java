package io.cxhub.persona.customer;

import java.util.List;

/**
 * Puts customers in the tenant's rule segments. Asked on every change of a customer, so
 * that the segments a customer is in are current when a response of theirs is counted.
 */
public interface Segmentation {

  /** The tenant's segments as of now: one assigner serves a whole batch of customers. */
  Assigner assigner(String tenantId);

  /** Decides which segments a customer is in. */
  interface Assigner {
    /** The ids of the segments the customer is in, by the segments' priority, then id. */
    List<String> segmentsOf(Customer customer);
  }

  /** No segments at all. */
  Segmentation NONE = tenantId -> customer -> List.of();
}
