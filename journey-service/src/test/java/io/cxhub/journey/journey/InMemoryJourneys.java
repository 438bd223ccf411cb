package io.cxhub.journey.journey;

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
  public List<Journey> list(String tenantId, ListPosition after, int limit) {
    return stored.stream()
        .filter(j -> j.tenantId().equals(tenantId))
        .filter(j -> after == null || isAfter(j, after))
        .sorted(ORDER)
        .limit(limit)
        .toList();
  }

  private static boolean isAfter(Journey j, ListPosition after) {
    int byName = j.nameKey().compareTo(after.nameKey());
    return byName > 0 || (byName == 0 && j.id().compareTo(after.id()) > 0);
  }

  int size() {
    return stored.size();
  }
}
