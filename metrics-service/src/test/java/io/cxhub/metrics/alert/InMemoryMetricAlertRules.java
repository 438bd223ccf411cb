package io.cxhub.metrics.alert;

import io.cxhub.kit.id.Ids;
import io.cxhub.kit.paging.NameKeyPosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** MetricAlertRules in a map, with the same version checks as the Mongo adapter. */
final class InMemoryMetricAlertRules implements MetricAlertRules {

  private final Map<String, MetricAlertRule> rules = new LinkedHashMap<>();
  /** Runs before the next saveState, once (a concurrent writer for tests). */
  private Runnable beforeNextSave;

  void beforeNextSave(Runnable action) {
    this.beforeNextSave = action;
  }

  @Override
  public synchronized void insert(MetricAlertRule rule) {
    if (rules.putIfAbsent(Ids.tenantScoped(rule.tenantId(), rule.ruleId()), rule) != null) {
      throw new IllegalStateException("duplicate rule " + rule.ruleId());
    }
  }

  @Override
  public synchronized Optional<MetricAlertRule> find(String tenantId, String ruleId) {
    return Optional.ofNullable(rules.get(Ids.tenantScoped(tenantId, ruleId)));
  }

  @Override
  public synchronized List<MetricAlertRule> list(String tenantId, NameKeyPosition after, int limit) {
    return rules.values().stream()
        .filter(r -> r.tenantId().equals(tenantId))
        .filter(r -> after == null || after.precedes(r.nameKey(), r.ruleId()))
        .sorted(Comparator.comparing(MetricAlertRule::nameKey).thenComparing(MetricAlertRule::ruleId))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long count(String tenantId) {
    return rules.values().stream().filter(r -> r.tenantId().equals(tenantId)).count();
  }

  @Override
  public synchronized Set<String> tenants() {
    var tenants = new TreeSet<String>();
    rules.values().forEach(r -> tenants.add(r.tenantId()));
    return tenants;
  }

  @Override
  public synchronized boolean replace(MetricAlertRule rule, long expectedVersion) {
    var current = rules.get(Ids.tenantScoped(rule.tenantId(), rule.ruleId()));
    if (current == null || current.version() != expectedVersion) {
      return false;
    }
    rules.put(Ids.tenantScoped(rule.tenantId(), rule.ruleId()), rule);
    return true;
  }

  @Override
  public boolean saveState(String tenantId, String ruleId, long expectedVersion, RuleState state) {
    var action = beforeNextSave;
    if (action != null) {
      beforeNextSave = null;
      action.run();
    }
    synchronized (this) {
      var current = rules.get(Ids.tenantScoped(tenantId, ruleId));
      if (current == null || current.version() != expectedVersion) {
        return false;
      }
      rules.put(Ids.tenantScoped(tenantId, ruleId), current.withState(state, expectedVersion + 1));
      return true;
    }
  }

  @Override
  public synchronized boolean delete(String tenantId, String ruleId) {
    return rules.remove(Ids.tenantScoped(tenantId, ruleId)) != null;
  }

  synchronized List<MetricAlertRule> all() {
    return new ArrayList<>(rules.values());
  }
}
