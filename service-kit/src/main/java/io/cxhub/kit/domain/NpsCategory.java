package io.cxhub.kit.domain;

/**
 * Where an answer on the 0-10 NPS scale falls: detractors 0-6, passives 7-8, promoters 9-10.
 * The one definition of the rule; survey-service (playbooks, alert conditions, response
 * filters) and metrics-service (counts) both use it. Stored by {@link #name()}.
 */
public enum NpsCategory {
  PROMOTER,
  PASSIVE,
  DETRACTOR;

  /**
   * @param score on the 0-10 NPS scale
   * @throws IllegalArgumentException outside 0-10
   */
  public static NpsCategory of(int score) {
    if (score < 0 || score > 10) {
      throw new IllegalArgumentException("an NPS score is between 0 and 10: " + score);
    }
    return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
  }
}
