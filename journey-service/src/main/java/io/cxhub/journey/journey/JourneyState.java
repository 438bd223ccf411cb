package io.cxhub.journey.journey;

/** Lifecycle of a journey map: active (editable, watched for friction) or archived (read-only). */
public enum JourneyState {
  ACTIVE,
  ARCHIVED;

  public static JourneyState fromName(String name) {
    return "ARCHIVED".equals(name) ? ARCHIVED : ACTIVE;
  }
}
