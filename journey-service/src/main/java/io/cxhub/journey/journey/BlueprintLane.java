package io.cxhub.journey.journey;

/**
 * The lanes of a service blueprint, top to bottom. The line of interaction runs between
 * {@link #CUSTOMER_ACTION} and {@link #FRONTSTAGE}, the line of visibility between
 * {@link #FRONTSTAGE} and {@link #BACKSTAGE}, the line of internal interaction between
 * {@link #BACKSTAGE} and {@link #SUPPORT_PROCESS}.
 */
public enum BlueprintLane {
  UNSPECIFIED("—"),
  PHYSICAL_EVIDENCE("Physical evidence"),
  CUSTOMER_ACTION("Customer actions"),
  FRONTSTAGE("Frontstage"),
  BACKSTAGE("Backstage"),
  SUPPORT_PROCESS("Support processes");

  private final String label;

  BlueprintLane(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static BlueprintLane fromName(String name) {
    try {
      return name == null ? UNSPECIFIED : valueOf(name);
    } catch (IllegalArgumentException e) {
      return UNSPECIFIED;
    }
  }
}
