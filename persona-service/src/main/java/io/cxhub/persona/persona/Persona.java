package io.cxhub.persona.persona;

import io.cxhub.kit.text.NameKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored persona of one tenant: a refined profile of a valuable or target customer type.
 *
 * <p>{@code version} grows by one with every change; its text is the persona's etag.
 *
 * @param id server-assigned, unique across tenants
 * @param version 1 when created
 * @param createTime when it was created, to the millisecond
 * @param updateTime when it last changed, to the millisecond
 */
public record Persona(
    String tenantId, String id, PersonaProfile profile, long version, Instant createTime, Instant updateTime) {

  public Persona {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(updateTime, "updateTime");
  }

  /** A new persona, at version 1. */
  public Persona(String tenantId, String id, PersonaProfile profile, Instant createTime, Instant updateTime) {
    this(tenantId, id, profile, 1, createTime, updateTime);
  }

  /**
   * The key that makes a name unique in its tenant and orders personas by name: two names
   * that differ only by case, accents or spacing have the same key.
   */
  public String nameKey() {
    return NameKey.of(profile.name());
  }

  /** The opaque version tag clients send back to change the persona safely. */
  public String etag() {
    return Long.toString(version);
  }

  /** This persona with another profile, at the next version, changed at {@code now}. */
  public Persona with(PersonaProfile newProfile, Instant now) {
    return new Persona(tenantId, id, newProfile, version + 1, createTime, now);
  }
}
