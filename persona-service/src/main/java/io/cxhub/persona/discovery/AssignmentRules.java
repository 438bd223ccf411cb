package io.cxhub.persona.discovery;

import java.util.List;
import java.util.Optional;

/** Storage port of persona assignment rules, one per adopted persona. Tenant-scoped. */
public interface AssignmentRules {

  void save(String tenantId, AssignmentRule rule);

  List<AssignmentRule> list(String tenantId);

  Optional<AssignmentRule> find(String tenantId, String personaId);

  /** Deletes the rule of this persona; false if there was none. */
  boolean delete(String tenantId, String personaId);
}
