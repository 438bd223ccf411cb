package io.cxhub.journey.journey;

/**
 * The emotion a designer expects at a stage, placed on the journey's normalized 0-100
 * satisfaction scale so that it can stand beside the measured one.
 */
public enum Emotion {
  UNSPECIFIED(Double.NaN),
  VERY_NEGATIVE(0),
  NEGATIVE(25),
  NEUTRAL(50),
  POSITIVE(75),
  VERY_POSITIVE(100);

  private final double normalized;

  Emotion(double normalized) {
    this.normalized = normalized;
  }

  /** The emotion on the 0-100 scale; NaN when not stated. */
  public double normalized() {
    return normalized;
  }

  public static Emotion fromName(String name) {
    try {
      return name == null ? UNSPECIFIED : valueOf(name);
    } catch (IllegalArgumentException e) {
      return UNSPECIFIED;
    }
  }
}
