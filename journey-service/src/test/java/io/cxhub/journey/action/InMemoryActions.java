package io.cxhub.journey.action;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An {@link Actions} in a list, with the same scoping, order and version checks as the real one. */
final class InMemoryActions implements Actions {

  private final List<ImprovementAction> stored = new ArrayList<>();

  @Override
  public synchronized void add(ImprovementAction action) {
    stored.add(action);
  }

  @Override
  public synchronized Optional<ImprovementAction> find(String tenantId, String id) {
    return stored.stream().filter(a -> a.tenantId().equals(tenantId) && a.id().equals(id)).findFirst();
  }

  @Override
  public synchronized List<ImprovementAction> list(String tenantId, String journeyId, ActionStatus status, Position after,
      int limit) {
    Comparator<ImprovementAction> newest = Comparator.comparing((ImprovementAction a) -> a.stamp().createTime())
        .thenComparing(ImprovementAction::id).reversed();
    return stored.stream()
        .filter(a -> a.tenantId().equals(tenantId) && a.journeyId().equals(journeyId))
        .filter(a -> status == null || a.status() == status)
        .filter(a -> after == null || a.stamp().createTime().isBefore(after.createTime())
            || (a.stamp().createTime().equals(after.createTime()) && a.id().compareTo(after.id()) < 0))
        .sorted(newest).limit(limit).toList();
  }

  @Override
  public synchronized boolean replace(ImprovementAction action, long expectedVersion) {
    for (int i = 0; i < stored.size(); i++) {
      var a = stored.get(i);
      if (a.tenantId().equals(action.tenantId()) && a.id().equals(action.id())) {
        if (a.stamp().version() != expectedVersion) {
          return false;
        }
        stored.set(i, action);
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized boolean delete(String tenantId, String id) {
    return stored.removeIf(a -> a.tenantId().equals(tenantId) && a.id().equals(id));
  }

  @Override
  public synchronized void deleteByJourney(String tenantId, String journeyId) {
    stored.removeIf(a -> a.tenantId().equals(tenantId) && a.journeyId().equals(journeyId));
  }

  @Override
  public synchronized List<ImprovementAction> shipped() {
    return stored.stream().filter(a -> a.status() == ActionStatus.SHIPPED).toList();
  }
}
