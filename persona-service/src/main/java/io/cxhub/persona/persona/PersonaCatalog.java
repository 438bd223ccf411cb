package io.cxhub.persona.persona;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.StaleVersionException;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.paging.NameKeyPosition;
import io.cxhub.kit.paging.PageRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The persona use cases: create one, read one, list them by name, change its texts (deleting
 * one is {@link PersonaDeletion}, which also clears what pointed at it).
 */
public final class PersonaCatalog {

  /** The fields UpdatePersona may change (proto names, as in the update mask). */
  public static final Set<String> UPDATABLE = Set.of("name", "description", "demographics", "psychographics",
      "transactional", "behavioral", "goals", "needs", "frustrations", "motivations");

  /** The updatable fields that make a persona's narrative (what its card shows as such). */
  static final Set<String> NARRATIVE = Set.of("goals", "needs", "frustrations", "motivations");

  /**
   * Told after an update changed a persona's narrative (goals, needs, frustrations or
   * motivations), so that what is kept apart from the persona (a card narrative) does not
   * hide the edit.
   */
  public interface NarrativeListener {
    void narrativeChanged(String tenantId, String personaId);
  }

  private final Personas personas;
  private final Clock clock;
  private final List<NarrativeListener> narrativeListeners;

  public PersonaCatalog(Personas personas, Clock clock) {
    this(personas, clock, List.of());
  }

  public PersonaCatalog(Personas personas, Clock clock, List<NarrativeListener> narrativeListeners) {
    this.personas = Objects.requireNonNull(personas);
    this.clock = Objects.requireNonNull(clock);
    this.narrativeListeners = List.copyOf(narrativeListeners);
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

  /**
   * Replaces the fields named in {@code mask} (all updatable fields when empty) by those of
   * {@code changes}, checks the whole result as on creation, and stores it if the persona is
   * still at {@code etag} (no check when empty). Only the profile changes: a persona adopted
   * from a discovery keeps its assignment rule. A change of its goals, needs, frustrations or
   * motivations is told to the {@link NarrativeListener}s.
   *
   * @throws InvalidInputException naming {@code update_mask} for a path that cannot be
   *     updated, or every invalid field of the result
   * @throws StaleVersionException when the persona changed since {@code etag}
   * @throws io.cxhub.kit.error.AlreadyExistsException if the new name is taken in the tenant
   */
  public Persona update(String tenantId, String personaId, PersonaProfile changes, Set<String> mask, String etag) {
    new Violations().updateMask("update_mask", mask, UPDATABLE).throwIfAny();
    var current = get(tenantId, personaId);
    StaleVersionException.check("persona", personaId, etag, current.etag());
    Set<String> fields = mask.isEmpty() ? UPDATABLE : mask;
    var old = current.profile();
    var merged = new PersonaProfile(
        fields.contains("name") ? changes.name() : old.name(),
        fields.contains("description") ? changes.description() : old.description(),
        fields.contains("demographics") ? changes.demographics() : old.demographics(),
        fields.contains("psychographics") ? changes.psychographics() : old.psychographics(),
        fields.contains("transactional") ? changes.transactional() : old.transactional(),
        fields.contains("behavioral") ? changes.behavioral() : old.behavioral(),
        fields.contains("goals") ? changes.goals() : old.goals(),
        fields.contains("needs") ? changes.needs() : old.needs(),
        fields.contains("frustrations") ? changes.frustrations() : old.frustrations(),
        fields.contains("motivations") ? changes.motivations() : old.motivations());
    PersonaRules.check(merged);
    var updated = current.with(merged, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    if (!personas.replace(updated, current.version())) {
      var now = personas.find(tenantId, personaId).orElseThrow(() -> new NotFoundException("persona", personaId));
      throw new StaleVersionException("persona", personaId, current.etag(), now.etag());
    }
    if (fields.stream().anyMatch(NARRATIVE::contains)) {
      narrativeListeners.forEach(l -> l.narrativeChanged(tenantId, personaId));
    }
    return updated;
  }
}
