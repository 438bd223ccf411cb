package io.cxhub.journey.journey;

import io.cxhub.kit.paging.NameKeyPosition;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Storage of journey maps. Every tenant-facing method is scoped to one tenant: a journey of
 * another tenant is never returned, and looks exactly like one that does not exist.
 */
public interface Journeys {

  /** Stores a new journey (its id is fresh, so it never replaces one). */
  void add(Journey journey);

  /** The tenant's journey with this id, if any. */
  Optional<Journey> find(String tenantId, String id);

  /**
   * Up to {@code limit} of the tenant's journeys matching {@code filter}, in (name key, id)
   * order, starting right after {@code after}, or from the first when it is null.
   */
  List<Journey> list(String tenantId, JourneyFilter filter, NameKeyPosition after, int limit);

  /**
   * Replaces the stored journey by {@code journey} if the stored one is still at
   * {@code expectedVersion}; false when it is not (changed or deleted meanwhile).
   */
  boolean replace(Journey journey, long expectedVersion);

  /** Deletes the journey if it is at {@code expectedVersion} (any version when null); false otherwise. */
  boolean delete(String tenantId, String id, Long expectedVersion);

  /** Every active journey of every tenant, for the background friction watch. */
  void forEachActive(Consumer<Journey> action);

  /** Which journeys a list shows; empty texts do not filter. */
  record JourneyFilter(JourneyState state, String ownerTeam, String nameContains) {

    public JourneyFilter {
      state = state == null ? JourneyState.ACTIVE : state;
      ownerTeam = Texts.clean(ownerTeam);
      nameContains = io.cxhub.kit.text.NameKey.of(nameContains);
    }

    public static final JourneyFilter ACTIVE = new JourneyFilter(JourneyState.ACTIVE, "", "");

    public boolean matches(Journey journey) {
      return journey.state() == state
          && (ownerTeam.isEmpty() || ownerTeam.equals(journey.map().ownerTeam()))
          && journey.nameKey().contains(nameContains);
    }
  }
}
