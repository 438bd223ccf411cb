package io.cxhub.metrics.alert;

import java.util.Locale;

/** How urgent a fired alert is. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  /** The word survey-service's FireAlert takes: {@code info}, {@code warning}, {@code critical}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
