package io.cxhub.journey.journey;

import io.cxhub.kit.paging.NameKeyPosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A {@link Journeys} in a list, with the same scoping and ordering as the real one. */
final class InMemoryJourneys implements Journeys {

  private static final Comparator<Journey> ORDER =
      Comparator.comparing(Journey::nameKey).thenComparing(Journey::id);

  private final List<Journey> stored = new ArrayList<>();

  @Override
  public void add(Journey journey) {
    stored.add(journey);
  }

  @Override
  public Optional<Journey> find(String tenantId, String id) {
    return stored.stream().filter(j -> j.tenantId().equals(tenantId) && j.id().equals(id)).findFirst();
  }

  @Override
  public List<Journey> list(String tenantId, NameKeyPosition after, int limit) {
    return stored.stream()
        .filter(j -> j.tenantId().equals(tenantId))
        .filter(j -> after == null || after.precedes(j.nameKey(), j.id()))
        .sorted(ORDER)
        .limit(limit)
        .toList();
  }

  int size() {
    return stored.size();
  }
}
