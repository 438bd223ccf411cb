package io.cxhub.persona.discovery;

/**
 * What a customer experienced, as metrics-service recorded it.
 *
 * @param lastNps latest NPS answer 0–10; -1 without one
 * @param effort mean CES rescaled to 0–1 (1: easiest); -1 without one
 * @param satisfaction mean CSAT rescaled to 0–1; -1 without one
 */
public record Experience(String customerId, int lastNps, double effort, double satisfaction) {

  public static Experience none(String customerId) {
    return new Experience(customerId, -1, -1, -1);
  }

  /** +1 promoter (9–10), 0 passive (7–8), -1 detractor (0–6); NaN without an answer. */
  public double npsCategory() {
    if (lastNps < 0) {
      return Double.NaN;
    }
    return lastNps >= 9 ? 1 : lastNps >= 7 ? 0 : -1;
  }
}
