package io.cxhub.metrics.nps;

/** Where an NPS answer (0 to 10) falls: promoters 9-10, passives 7-8, detractors 0-6. */
public enum NpsCategory {
  PROMOTER,
  PASSIVE,
  DETRACTOR;

  public static NpsCategory of(int score) {
    if (score < 0 || score > 10) {
      throw new IllegalArgumentException("an NPS score is between 0 and 10: " + score);
    }
    if (score >= 9) {
      return PROMOTER;
    }
    return score >= 7 ? PASSIVE : DETRACTOR;
  }
}
