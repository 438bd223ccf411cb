package io.cxhub.survey.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events a webhook subscription can receive; {@link #wireName()} is the public name. */
public enum EventType {
  RESPONSE_CREATED("response.created"),
  ALERT_FIRED("alert.fired"),
  CASE_OPENED("case.opened"),
  CASE_UPDATED("case.updated");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
