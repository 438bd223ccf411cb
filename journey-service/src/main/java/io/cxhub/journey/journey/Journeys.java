package io.cxhub.journey.journey;

import io.cxhub.kit.paging.NameKeyPosition;
import java.util.List;
import java.util.Optional;

/**
 * Storage of journey maps. Every method is scoped to one tenant: a journey of another
 * tenant is never returned, and looks exactly like one that does not exist.
 */
public interface Journeys {

  /** Stores a new journey (its id is fresh, so it never replaces one). */
  void add(Journey journey);

  /** The tenant's journey with this id, if any. */
  Optional<Journey> find(String tenantId, String id);

  /**
   * Up to {@code limit} of the tenant's journeys in (name key, id) order, starting right
   * after {@code after}, or from the first when it is null.
   */
  List<Journey> list(String tenantId, NameKeyPosition after, int limit);
}
