package io.cxhub.journey.journey;

/** A live indicator a blueprint element can be bound to, and what it needs to be read. */
public enum IndicatorKind {
  UNSPECIFIED(Needs.NOTHING, ""),
  NPS(Needs.NOTHING, "NPS"),
  CSAT(Needs.NOTHING, "CSAT"),
  CES(Needs.NOTHING, "CES"),
  FCR(Needs.TEAM, "FCR"),
  AHT(Needs.TEAM, "AHT"),
  FRT(Needs.TEAM, "FRT"),
  FUNNEL_STEP_CONVERSION(Needs.FUNNEL_STEP, "Conversion");

  /** Which binding fields the kind requires. */
  public enum Needs { NOTHING, TEAM, FUNNEL_STEP }

  private final Needs needs;
  private final String label;

  IndicatorKind(Needs needs, String label) {
    this.needs = needs;
    this.label = label;
  }

  public Needs needs() {
    return needs;
  }

  public String label() {
    return label;
  }

  /** True for the survey scores (read from score cubes), false for event KPIs. */
  public boolean isScore() {
    return this == NPS || this == CSAT || this == CES;
  }

  public static IndicatorKind fromName(String name) {
    try {
      return name == null ? UNSPECIFIED : valueOf(name);
    } catch (IllegalArgumentException e) {
      return UNSPECIFIED;
    }
  }
}
