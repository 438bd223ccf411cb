package io.cxhub.metrics.score;

import io.cxhub.metrics.nps.DayRange;
import java.util.Collection;
import java.util.Set;

/**
 * Which answers a score counts. An empty set or question id means "any". Built with
 * {@link #builder()}.
 *
 * @param valueTiers the respondents' value tiers when they answered ({@code champions},
 *     {@code at_risk}…; {@code unassigned} for customers not valued yet)
 * @param period local days (in the tenant's time zone) included
 */
public record ScoreFilter(
    Set<String> surveyIds,
    String questionId,
    Set<String> channels,
    Set<String> stages,
    Set<String> touchpoints,
    Set<String> segments,
    Set<String> personas,
    Set<String> valueTiers,
    DayRange period) {

  public ScoreFilter {
    surveyIds = Set.copyOf(surveyIds);
    questionId = questionId == null ? "" : questionId;
    channels = Set.copyOf(channels);
    stages = Set.copyOf(stages);
    touchpoints = Set.copyOf(touchpoints);
    segments = Set.copyOf(segments);
    personas = Set.copyOf(personas);
    valueTiers = Set.copyOf(valueTiers);
    period = period == null ? DayRange.ALL : period;
  }

  public static ScoreFilter all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return builder().surveyIds(surveyIds).questionId(questionId).channels(channels).stages(stages)
        .touchpoints(touchpoints).segments(segments).personas(personas).valueTiers(valueTiers).period(period);
  }

  public ScoreFilter withPeriod(DayRange other) {
    return toBuilder().period(other).build();
  }

  boolean accepts(ScoreBuckets.ScoreBucket b) {
    return (surveyIds.isEmpty() || surveyIds.contains(b.surveyId()))
        && (questionId.isEmpty() || questionId.equals(b.questionId()))
        && (channels.isEmpty() || channels.contains(b.channel()))
        && (stages.isEmpty() || stages.contains(b.stage()))
        && (touchpoints.isEmpty() || touchpoints.contains(b.touchpoint()))
        && (segments.isEmpty() || segments.contains(b.segment()))
        && (personas.isEmpty() || personas.contains(b.persona()))
        && (valueTiers.isEmpty() || valueTiers.contains(b.valueTier()))
        && period.contains(b.day());
  }

  /** Builds a filter; anything not set means "any". */
  public static final class Builder {
    private Set<String> surveyIds = Set.of();
    private String questionId = "";
    private Set<String> channels = Set.of();
    private Set<String> stages = Set.of();
    private Set<String> touchpoints = Set.of();
    private Set<String> segments = Set.of();
    private Set<String> personas = Set.of();
    private Set<String> valueTiers = Set.of();
    private DayRange period = DayRange.ALL;

    private Builder() {}

    public Builder surveyIds(Collection<String> values) {
      surveyIds = Set.copyOf(values);
      return this;
    }

    public Builder questionId(String value) {
      questionId = value;
      return this;
    }

    public Builder channels(Collection<String> values) {
      channels = Set.copyOf(values);
      return this;
    }

    public Builder stages(Collection<String> values) {
      stages = Set.copyOf(values);
      return this;
    }

    public Builder touchpoints(Collection<String> values) {
      touchpoints = Set.copyOf(values);
      return this;
    }

    public Builder segments(Collection<String> values) {
      segments = Set.copyOf(values);
      return this;
    }

    public Builder personas(Collection<String> values) {
      personas = Set.copyOf(values);
      return this;
    }

    public Builder valueTiers(Collection<String> values) {
      valueTiers = Set.copyOf(values);
      return this;
    }

    public Builder period(DayRange value) {
      period = value;
      return this;
    }

    public ScoreFilter build() {
      return new ScoreFilter(surveyIds, questionId, channels, stages, touchpoints, segments, personas, valueTiers,
          period);
    }
  }
}
