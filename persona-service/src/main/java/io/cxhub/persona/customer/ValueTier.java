package io.cxhub.persona.customer;

/**
 * Named RFM tiers. With R the recency score and FM the mean of the frequency and monetary
 * scores (all 1–5, 5 best): champions R ≥ 4 and FM ≥ 4; loyal R ≥ 3 and FM ≥ 3; promising
 * R ≥ 3 and FM < 3; at risk R ≤ 2 and FM ≥ 3; hibernating R = 2 and FM < 3; lost R = 1 and
 * FM < 3. Customers without an order are {@link #NO_ORDERS} and not scored.
 */
public enum ValueTier {
  NO_ORDERS,
  CHAMPIONS,
  LOYAL,
  PROMISING,
  AT_RISK,
  HIBERNATING,
  LOST;

  /** The tier of RFM scores (each 1–5). */
  public static ValueTier of(int r, int f, int m) {
    double fm = (f + m) / 2.0;
    if (r >= 3) {
      return r >= 4 && fm >= 4 ? CHAMPIONS : fm >= 3 ? LOYAL : PROMISING;
    }
    if (fm >= 3) {
      return AT_RISK;
    }
    return r == 2 ? HIBERNATING : LOST;
  }

  /** The slicing label: {@code champions}, {@code at_risk}, … */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The tier of a stored or sliced label; {@link #NO_ORDERS} when unknown. */
  public static ValueTier fromLabel(String label) {
    for (var tier : values()) {
      if (tier.label().equals(label)) {
        return tier;
      }
    }
    return NO_ORDERS;
  }
}
