package io.cxhub.journey.action;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of an improvement action: proposed → planned → in progress → shipped →
 * measured → closed; any open status may be abandoned. Measured is reached by measuring.
 */
public enum ActionStatus {
  PROPOSED,
  PLANNED,
  IN_PROGRESS,
  SHIPPED,
  MEASURED,
  CLOSED,
  ABANDONED;

  /** The statuses a transition may move to from this one. */
  public Set<ActionStatus> next() {
    return switch (this) {
      case PROPOSED -> EnumSet.of(PLANNED, ABANDONED);
      case PLANNED -> EnumSet.of(IN_PROGRESS, ABANDONED);
      case IN_PROGRESS -> EnumSet.of(SHIPPED, ABANDONED);
      case SHIPPED -> EnumSet.of(CLOSED, ABANDONED);
      case MEASURED -> EnumSet.of(CLOSED, ABANDONED);
      case CLOSED, ABANDONED -> EnumSet.noneOf(ActionStatus.class);
    };
  }

  public static ActionStatus fromName(String name) {
    try {
      return name == null ? PROPOSED : valueOf(name);
    } catch (IllegalArgumentException e) {
      return PROPOSED;
    }
  }
}
