package io.cxhub.survey.followup;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a case: open → in progress → contacted → resolved → closed; a resolved or
 * closed case can be reopened (back to open).
 */
public enum CaseStatus {
  OPEN,
  IN_PROGRESS,
  CONTACTED,
  RESOLVED,
  CLOSED;

  public Set<CaseStatus> next() {
    return switch (this) {
      case OPEN -> EnumSet.of(IN_PROGRESS);
      case IN_PROGRESS -> EnumSet.of(CONTACTED);
      case CONTACTED -> EnumSet.of(RESOLVED);
      case RESOLVED -> EnumSet.of(CLOSED, OPEN);
      case CLOSED -> EnumSet.of(OPEN);
    };
  }

  public boolean canMoveTo(CaseStatus target) {
    return next().contains(target);
  }
}
