package io.cxhub.metrics.score;

import io.cxhub.metrics.nps.DayRange;
import java.util.Set;

/**
 * Which answers a score counts. An empty set or question id means "any".
 *
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
    DayRange period) {

  public ScoreFilter {
    surveyIds = Set.copyOf(surveyIds);
    questionId = questionId == null ? "" : questionId;
    channels = Set.copyOf(channels);
    stages = Set.copyOf(stages);
    touchpoints = Set.copyOf(touchpoints);
    segments = Set.copyOf(segments);
    personas = Set.copyOf(personas);
    period = period == null ? DayRange.ALL : period;
  }

  public static ScoreFilter all() {
    return new ScoreFilter(Set.of(), "", Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), DayRange.ALL);
  }

  public ScoreFilter withPeriod(DayRange other) {
    return new ScoreFilter(surveyIds, questionId, channels, stages, touchpoints, segments, personas, other);
  }

  boolean accepts(ScoreBuckets.ScoreBucket b) {
    return (surveyIds.isEmpty() || surveyIds.contains(b.surveyId()))
        && (questionId.isEmpty() || questionId.equals(b.questionId()))
        && (channels.isEmpty() || channels.contains(b.channel()))
        && (stages.isEmpty() || stages.contains(b.stage()))
        && (touchpoints.isEmpty() || touchpoints.contains(b.touchpoint()))
        && (segments.isEmpty() || segments.contains(b.segment()))
        && (personas.isEmpty() || personas.contains(b.persona()))
        && period.contains(b.day());
  }
}
