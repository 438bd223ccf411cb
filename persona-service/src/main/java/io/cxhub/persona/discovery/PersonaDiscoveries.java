package io.cxhub.persona.discovery;

import java.util.Optional;

/** Storage port of persona discoveries. Tenant-scoped. */
public interface PersonaDiscoveries {

  void save(PersonaDiscovery discovery);

  /** The tenant's discovery of this id; another tenant's is not found. */
  Optional<PersonaDiscovery> find(String tenantId, String discoveryId);
}
