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
}
