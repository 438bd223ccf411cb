package io.cxhub.journey.action;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of improvement actions, scoped by tenant (another tenant's action looks missing). */
public interface Actions {

  void add(ImprovementAction action);

  Optional<ImprovementAction> find(String tenantId, String id);

  /**
   * Up to {@code limit} actions of a journey, newest first (create time, then id), after the
   * given position (null: from the newest); {@code status} null for any.
   */
  List<ImprovementAction> list(String tenantId, String journeyId, ActionStatus status, Position after, int limit);

  /** Replaces the action if it is still at {@code expectedVersion}. */
  boolean replace(ImprovementAction action, long expectedVersion);

  boolean delete(String tenantId, String id);

  /** Deletes every action of a journey. */
  void deleteByJourney(String tenantId, String journeyId);

  /** Every shipped action of every tenant (the measurement watch picks the due ones). */
  List<ImprovementAction> shipped();

  /** A position in the newest-first order. */
  record Position(Instant createTime, String id) {}
}
