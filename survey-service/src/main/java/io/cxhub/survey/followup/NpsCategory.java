package io.cxhub.survey.followup;

/** NPS category of a 0–10 score; chooses a case's playbook. */
public enum NpsCategory {
  DETRACTOR,
  PASSIVE,
  PROMOTER;

  /** @param score on the 0–10 NPS scale */
  public static NpsCategory of(int score) {
    if (score < 0 || score > 10) {
      throw new IllegalArgumentException("not an NPS score: " + score);
    }
    return score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
  }
}
