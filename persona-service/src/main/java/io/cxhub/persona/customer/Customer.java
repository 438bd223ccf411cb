package io.cxhub.persona.customer;

import java.time.Instant;

/**
 * A customer of a tenant: its id in the tenant's systems and its profile.
 *
 * @param createTime when first stored
 * @param updateTime when last upserted
 */
public record Customer(String customerId, CustomerProfile profile, Instant createTime, Instant updateTime) {

  /** Empty when not segmented. */
  public String segment() {
    return profile.segment();
  }

  /** Empty when none. */
  public String personaId() {
    return profile.personaId();
  }
}
