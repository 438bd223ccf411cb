package io.cxhub.survey.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A survey of one tenant, as stored. */
public record Survey(
    String id,
    String tenantId,
    String title,
    String description,
    List<Question> questions,
    SurveyState state,
    int version,
    Instant createTime,
    Instant updateTime) {

  public Survey {
    questions = List.copyOf(questions);
  }

  public Optional<Question> question(String questionId) {
    return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
  }

  public boolean acceptsResponses() {
    return state == SurveyState.ACTIVE;
  }
}
