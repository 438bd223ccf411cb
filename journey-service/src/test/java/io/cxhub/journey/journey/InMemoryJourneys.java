package io.cxhub.journey.journey;

import io.cxhub.kit.paging.NameKeyPosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A {@link Journeys} in a list, with the same scoping, ordering and version checks as the real one. */
public final class InMemoryJourneys implements Journeys {

  private static final Comparator<Journey> ORDER =
      Comparator.comparing(Journey::nameKey).thenComparing(Journey::id);

  private final List<Journey> stored = new ArrayList<>();

  @Override
  public synchronized void add(Journey journey) {
    stored.add(journey);
  }

  @Override
  public synchronized Optional<Journey> find(String tenantId, String id) {
    return stored.stream().filter(j -> j.tenantId().equals(tenantId) && j.id().equals(id)).findFirst();
  }

  @Override
  public synchronized List<Journey> list(String tenantId, JourneyFilter filter, NameKeyPosition after, int limit) {
    return stored.stream()
        .filter(j -> j.tenantId().equals(tenantId))
        .filter(filter::matches)
        .filter(j -> after == null || after.precedes(j.nameKey(), j.id()))
        .sorted(ORDER)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized boolean replace(Journey journey, long expectedVersion) {
    for (int i = 0; i < stored.size(); i++) {
      var j = stored.get(i);
      if (j.tenantId().equals(journey.tenantId()) && j.id().equals(journey.id())) {
        if (j.version() != expectedVersion) {
          return false;
        }
        stored.set(i, journey);
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized boolean delete(String tenantId, String id, Long expectedVersion) {
    return stored.removeIf(j -> j.tenantId().equals(tenantId) && j.id().equals(id)
        && (expectedVersion == null || j.version() == expectedVersion));
  }

  @Override
  public synchronized void forEachActive(Consumer<Journey> action) {
    List.copyOf(stored).stream().filter(j -> j.state() == JourneyState.ACTIVE).forEach(action);
  }

  int size() {
    return stored.size();
  }
}
