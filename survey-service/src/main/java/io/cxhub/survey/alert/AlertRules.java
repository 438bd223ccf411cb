package io.cxhub.survey.alert;

import java.util.List;
import java.util.Optional;

/** Storage port of alert rules; every method is scoped to one tenant. */
public interface AlertRules {

  void insert(AlertRule rule);

  Optional<AlertRule> find(String tenantId, String ruleId);

  /** Oldest first. */
  List<AlertRule> list(String tenantId);

  /** @return false if there was no such rule */
  boolean replace(AlertRule rule);

  /** @return false if there was no such rule */
  boolean delete(String tenantId, String ruleId);
}
