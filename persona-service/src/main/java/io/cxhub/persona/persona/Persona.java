package io.cxhub.persona.persona;

import io.cxhub.kit.text.NameKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored persona of one tenant: a refined profile of a valuable or target customer type.
 *
 * @param id server-assigned, unique across tenants
 * @param createTime when it was created, to the millisecond
 * @param updateTime when it last changed, to the millisecond
 */
public record Persona(
    String tenantId, String id, PersonaProfile profile, Instant createTime, Instant updateTime) {

  public Persona {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(updateTime, "updateTime");
  }

  /**
   * The key that makes a name unique in its tenant and orders personas by name: two names
   * that differ only by case, accents or spacing have the same key.
   */
  public String nameKey() {
    return NameKey.of(profile.name());
  }
}
