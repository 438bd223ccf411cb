package io.cxhub.persona.persona;

import io.cxhub.kit.paging.NameKeyPosition;
import java.util.List;
import java.util.Optional;

/**
 * Storage of personas. Every method is scoped to one tenant: a persona of another tenant
 * is never returned, and looks exactly like one that does not exist.
 */
public interface Personas {

  /**
   * Stores a new persona.
   *
   * @throws io.cxhub.kit.error.AlreadyExistsException if the tenant already has a persona
   *     with the same {@link Persona#nameKey() name key}; the check is atomic with the write
   */
  void add(Persona persona);

  /** The tenant's persona with this id, if any. */
  Optional<Persona> find(String tenantId, String id);

  /**
   * Up to {@code limit} of the tenant's personas in (name key, id) order, starting right
   * after {@code after}, or from the first when it is null.
   */
  List<Persona> list(String tenantId, NameKeyPosition after, int limit);

  /**
   * Replaces the stored persona by {@code persona} (same tenant and id) if it is still at
   * {@code expectedVersion}.
   *
   * @return false if it is gone or at another version (nothing written)
   * @throws io.cxhub.kit.error.AlreadyExistsException if another persona of the tenant has
   *     the new name key
   */
  boolean replace(Persona persona, long expectedVersion);

  /**
   * Deletes the persona, only if it is at {@code expectedVersion} when that is not null.
   *
   * @return false if there was none (or it was at another version)
   */
  boolean delete(String tenantId, String id, Long expectedVersion);
}
