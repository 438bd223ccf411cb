package io.cxhub.metrics.alert;

import io.cxhub.kit.paging.NameKeyPosition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Storage of metric alert rules and their evaluation state, one record per rule. Every
 * method but {@link #tenants()} is scoped to one tenant. Writes to an existing rule compare
 * its {@link MetricAlertRule#version() version} and bump it, so two writers (a user's update
 * and an evaluation, or two replicas evaluating) never overwrite each other unseen.
 */
public interface MetricAlertRules {

  /** Stores a new rule. */
  void insert(MetricAlertRule rule);

  Optional<MetricAlertRule> find(String tenantId, String ruleId);

  /**
   * Up to {@code limit} of the tenant's rules in (name key, id) order, starting right after
   * {@code after}, or from the first when it is null.
   */
  List<MetricAlertRule> list(String tenantId, NameKeyPosition after, int limit);

  long count(String tenantId);

  /** The tenants that have at least one rule. */
  Set<String> tenants();

  /**
   * Replaces a rule (definition and state) if it is still at {@code expectedVersion}; the
   * stored version becomes {@code rule.version()}.
   *
   * @return false if the rule is gone or was changed meanwhile
   */
  boolean replace(MetricAlertRule rule, long expectedVersion);

  /**
   * Writes a rule's evaluation state if the rule is still at {@code expectedVersion}, and
   * bumps the version by one.
   *
   * @return false if the rule is gone or was changed meanwhile
   */
  boolean saveState(String tenantId, String ruleId, long expectedVersion, RuleState state);

  /** @return false if there was no such rule */
  boolean delete(String tenantId, String ruleId);
}
