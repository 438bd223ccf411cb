package io.cxhub.survey.survey;

import java.util.List;
import java.util.Optional;

/**
 * A validated question. For scored kinds {@code scaleMin..scaleMax} is the accepted range
 * (both ends included); for other kinds both are 0. {@code choices} is empty unless the
 * kind is a choice kind.
 */
public record Question(
    String id,
    QuestionKind kind,
    String text,
    boolean required,
    int scaleMin,
    int scaleMax,
    List<Choice> choices) {

  public Question {
    choices = List.copyOf(choices);
  }

  public boolean acceptsScore(int score) {
    return kind.isScored() && score >= scaleMin && score <= scaleMax;
  }

  public Optional<Choice> choice(String choiceId) {
    return choices.stream().filter(c -> c.id().equals(choiceId)).findFirst();
  }
}
