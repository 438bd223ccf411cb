package io.cxhub.survey.alert;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.domain.NpsCategory;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What an alert subject must satisfy for a rule to fire; every condition given must hold,
 * and null or empty means "any". Built with {@link #builder()}.
 *
 * @param questionId the question whose score is tested; null for the subject's first NPS
 *     question (else its first scored question)
 * @param keywords at least one must occur (whole words, case and accents ignored) in a
 *     free-text answer
 * @param sentiments at least one free-text answer must have one of these sentiments (text
 *     analytics); with {@code themes}, an answer must mention one of the themes in clauses
 *     of one of these sentiments
 * @param themes at least one free-text answer must mention one of these taxonomy themes
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
    List<String> keywords,
    Set<CommentSentiment> sentiments,
    Set<String> themes) {

  /** Conditions that hold for every subject. */
  public static final AlertConditions ANY = builder().build();

  public AlertConditions {
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    channels = channels == null ? Set.of() : Set.copyOf(channels);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    sentiments = sentiments == null ? Set.of() : Set.copyOf(sentiments);
    themes = themes == null ? Set.of() : Set.copyOf(themes);
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean testsScore() {
    return !categories.isEmpty() || minScore != null || maxScore != null;
  }

  /** Whether the rule needs the text analysis of the answers (sentiment or themes). */
  public boolean testsTextAnalysis() {
    return !sentiments.isEmpty() || !themes.isEmpty();
  }

  /** Builds conditions; anything not set means "any". */
  public static final class Builder {
    private String surveyId;
    private String questionId;
    private Set<NpsCategory> categories = Set.of();
    private Integer minScore;
    private Integer maxScore;
    private Set<Channel> channels = Set.of();
    private String stageId;
    private String touchpointId;
    private List<String> keywords = List.of();
    private Set<CommentSentiment> sentiments = Set.of();
    private Set<String> themes = Set.of();

    private Builder() {}

    public Builder surveyId(String surveyId) {
      this.surveyId = surveyId;
      return this;
    }

    public Builder questionId(String questionId) {
      this.questionId = questionId;
      return this;
    }

    public Builder categories(Collection<NpsCategory> categories) {
      this.categories = Set.copyOf(categories);
      return this;
    }

    public Builder minScore(Integer minScore) {
      this.minScore = minScore;
      return this;
    }

    public Builder maxScore(Integer maxScore) {
      this.maxScore = maxScore;
      return this;
    }

    public Builder channels(Collection<Channel> channels) {
      this.channels = Set.copyOf(channels);
      return this;
    }

    public Builder stageId(String stageId) {
      this.stageId = stageId;
      return this;
    }

    public Builder touchpointId(String touchpointId) {
      this.touchpointId = touchpointId;
      return this;
    }

    public Builder keywords(List<String> keywords) {
      this.keywords = List.copyOf(keywords);
      return this;
    }

    public Builder sentiments(Collection<CommentSentiment> sentiments) {
      this.sentiments = Set.copyOf(sentiments);
      return this;
    }

    public Builder themes(Collection<String> themes) {
      this.themes = Set.copyOf(themes);
      return this;
    }

    public AlertConditions build() {
      return new AlertConditions(surveyId, questionId, categories, minScore, maxScore, channels, stageId,
          touchpointId, keywords, sentiments, themes);
    }
  }
}
