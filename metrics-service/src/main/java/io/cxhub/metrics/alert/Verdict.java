package io.cxhub.metrics.alert;

/**
 * What a rule's condition says about its window now, before any episode bookkeeping.
 *
 * @param observation the figures; null when the rule could not be evaluated
 * @param error why the rule could not be evaluated; null otherwise
 */
record Verdict(Kind kind, Observation observation, String error) {

  enum Kind {
    BREACHED,
    NOT_BREACHED,
    INSUFFICIENT_SAMPLE,
    FAILED
  }

  static Verdict failed(String error) {
    return new Verdict(Kind.FAILED, null, error);
  }

  boolean breached() {
    return kind == Kind.BREACHED;
  }
}
