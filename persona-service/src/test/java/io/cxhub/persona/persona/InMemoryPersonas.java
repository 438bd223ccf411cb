package io.cxhub.persona.persona;

import io.cxhub.kit.error.AlreadyExistsException;
import io.cxhub.kit.paging.NameKeyPosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A {@link Personas} in a list, with the same uniqueness and ordering as the real one. */
public final class InMemoryPersonas implements Personas {

  private static final Comparator<Persona> ORDER =
      Comparator.comparing(Persona::nameKey).thenComparing(Persona::id);

  private final List<Persona> stored = new ArrayList<>();

  @Override
  public void add(Persona persona) {
    boolean taken = stored.stream().anyMatch(p ->
        p.tenantId().equals(persona.tenantId()) && p.nameKey().equals(persona.nameKey()));
    if (taken) {
      throw new AlreadyExistsException("a persona named '" + persona.profile().name() + "' already exists");
    }
    stored.add(persona);
  }

  @Override
  public Optional<Persona> find(String tenantId, String id) {
    return stored.stream().filter(p -> p.tenantId().equals(tenantId) && p.id().equals(id)).findFirst();
  }

  @Override
  public List<Persona> list(String tenantId, NameKeyPosition after, int limit) {
    return stored.stream()
        .filter(p -> p.tenantId().equals(tenantId))
        .filter(p -> after == null || after.precedes(p.nameKey(), p.id()))
        .sorted(ORDER)
        .limit(limit)
        .toList();
  }

  @Override
  public boolean replace(Persona persona, long expectedVersion) {
    int at = indexOf(persona.tenantId(), persona.id());
    if (at < 0 || stored.get(at).version() != expectedVersion) {
      return false;
    }
    boolean taken = stored.stream().anyMatch(p -> p.tenantId().equals(persona.tenantId())
        && !p.id().equals(persona.id()) && p.nameKey().equals(persona.nameKey()));
    if (taken) {
      throw new AlreadyExistsException("a persona named '" + persona.profile().name() + "' already exists");
    }
    stored.set(at, persona);
    return true;
  }

  @Override
  public boolean delete(String tenantId, String id, Long expectedVersion) {
    int at = indexOf(tenantId, id);
    if (at < 0 || (expectedVersion != null && stored.get(at).version() != expectedVersion)) {
      return false;
    }
    stored.remove(at);
    return true;
  }

  private int indexOf(String tenantId, String id) {
    for (int i = 0; i < stored.size(); i++) {
      if (stored.get(i).tenantId().equals(tenantId) && stored.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  int size() {
    return stored.size();
  }
}
