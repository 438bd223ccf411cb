package io.cxhub.persona.persona;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.error.StaleVersionException;
import java.util.List;
import java.util.Objects;

/**
 * Deleting a persona. It is refused while something still names it ({@link References}:
 * a segment's rule); otherwise the persona goes first (one atomic write, the point of no
 * return), then every {@link Listener} clears what pointed at it (customers who stated it,
 * its assignment rule, the assignments it gave). The listeners are idempotent, and a
 * deletion of a persona that is not there runs them again before answering NOT_FOUND, so a
 * deletion interrupted between the two steps is finished by deleting it again.
 */
public final class PersonaDeletion {

  /** Why a deletion was refused, as the error's machine-readable reason. */
  public static final String IN_USE = "PERSONA_IN_USE";

  /** What still names a persona of the tenant. */
  public interface References {
    /** Each thing naming the persona, in words (e.g. {@code segment 'Parents' (parents)}); empty when none. */
    List<String> naming(String tenantId, String personaId);
  }

  /** Told after a persona is deleted (or again, when its deletion is retried); must be idempotent. */
  public interface Listener {
    void personaDeleted(String tenantId, String personaId);
  }

  private final Personas personas;
  private final References references;
  private final List<Listener> listeners;

  public PersonaDeletion(Personas personas, References references, List<Listener> listeners) {
    this.personas = Objects.requireNonNull(personas);
    this.references = Objects.requireNonNull(references);
    this.listeners = List.copyOf(listeners);
  }

  /**
   * Deletes the persona and clears what pointed at it.
   *
   * @throws NotFoundException if the tenant has no such persona (after finishing the clean-up
   *     of an interrupted deletion, if any)
   * @throws PreconditionFailedException ({@value #IN_USE}) naming what still names it
   * @throws StaleVersionException when {@code etag} is given and stale
   */
  public void delete(String tenantId, String personaId, String etag) {
    if (personaId == null || personaId.isBlank()) {
      throw InvalidInputException.of("persona_id", "is required");
    }
    var current = personas.find(tenantId, personaId);
    if (current.isEmpty()) {
      cleanUp(tenantId, personaId);
      throw new NotFoundException("persona", personaId);
    }
    StaleVersionException.check("persona", personaId, etag, current.get().etag());
    var naming = references.naming(tenantId, personaId);
    if (!naming.isEmpty()) {
      throw new PreconditionFailedException(IN_USE, "persona '" + personaId + "' is used by " + String.join(", ", naming)
          + ": change or delete them before deleting it");
    }
    boolean checked = etag != null && !etag.isEmpty();
    if (!personas.delete(tenantId, personaId, checked ? current.get().version() : null)) {
      var now = personas.find(tenantId, personaId);
      if (now.isEmpty()) {
        throw new NotFoundException("persona", personaId);
      }
      throw new StaleVersionException("persona", personaId, etag, now.get().etag());
    }
    cleanUp(tenantId, personaId);
  }

  private void cleanUp(String tenantId, String personaId) {
    listeners.forEach(l -> l.personaDeleted(tenantId, personaId));
  }
}
