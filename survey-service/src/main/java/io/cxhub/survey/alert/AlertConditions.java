package io.cxhub.survey.alert;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.domain.NpsCategory;
import java.util.List;
import java.util.Set;

/**
 * What an alert subject must satisfy for a rule to fire; every condition given must hold,
 * and null or empty means "any".
 *
 * @param questionId the question whose score is tested; null for the subject's first NPS
 *     question (else its first scored question)
 * @param keywords at least one must occur (whole words, case and accents ignored) in a
 *     free-text answer
 */
public record AlertConditions(
    String surveyId,
    String questionId,
    Set<NpsCategory> categories,
    Integer minScore,
    Integer maxScore,
    Set<Channel> channels,
    String stageId,
    String touchpointId,
    List<String> keywords) {

  public AlertConditions {
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    channels = channels == null ? Set.of() : Set.copyOf(channels);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }

  public boolean testsScore() {
    return !categories.isEmpty() || minScore != null || maxScore != null;
  }
}
