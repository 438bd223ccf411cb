package io.cxhub.metrics.event;

/** What a business event reports; see cx.metrics.v1.EventType for what each one needs. */
public enum EventType {
  CONTACT_OPENED,
  FIRST_RESPONSE,
  CASE_RESOLVED,
  VISIT,
  FUNNEL_STEP_VIEWED,
  FUNNEL_STEP_COMPLETED,
  ORDER_PLACED;

  /** The type stored under {@code name}; null when unknown (written by a newer version). */
  public static EventType fromName(String name) {
    try {
      return name == null ? null : valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
