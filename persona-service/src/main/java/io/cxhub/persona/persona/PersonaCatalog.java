package io.cxhub.persona.persona;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.paging.NameKeyPosition;
import io.cxhub.kit.paging.PageRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/** The persona use cases: create one, read one, list them by name. */
public final class PersonaCatalog {

  private final Personas personas;
  private final Clock clock;

  public PersonaCatalog(Personas personas, Clock clock) {
    this.personas = Objects.requireNonNull(personas);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Creates a persona in the tenant, with a new id and the current time.
   *
   * @throws InvalidInputException listing every invalid field
   * @throws io.cxhub.kit.error.AlreadyExistsException if the name is taken in the tenant
   */
  public Persona create(String tenantId, PersonaProfile profile) {
    PersonaRules.check(profile);
    // stored instants have millisecond precision: truncate now so that what create
    // returns is exactly what a later read returns
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var persona = new Persona(tenantId, Ids.random(), profile, now, now);
    personas.add(persona);
    return persona;
  }

  /** @throws NotFoundException if the tenant has no persona with this id */
  public Persona get(String tenantId, String personaId) {
    if (personaId == null || personaId.isBlank()) {
      throw InvalidInputException.of("persona_id", "is required");
    }
    return personas.find(tenantId, personaId)
        .orElseThrow(() -> new NotFoundException("persona", personaId));
  }

  /**
   * One page of the tenant's personas ordered by name, then id.
   *
   * @throws InvalidInputException naming {@code page_size} or {@code page_token}
   */
  public PersonaPage list(String tenantId, int pageSize, String pageToken) {
    var page = PageRequest.of(pageSize, pageToken);
    var after = page.isFirst() ? null : NameKeyPosition.parse(page.after());
    // one more than asked tells whether another page follows
    List<Persona> found = personas.list(tenantId, after, page.size() + 1);
    if (found.size() <= page.size()) {
      return new PersonaPage(found, "");
    }
    var items = found.subList(0, page.size());
    var last = items.get(items.size() - 1);
    return new PersonaPage(items, NameKeyPosition.tokenAfter(last.id(), last.nameKey()));
  }
}
