package io.cxhub.metrics.nps;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.Violations;
import java.util.TreeSet;

/**
 * NPS of a survey question over a period, summed from the pre-aggregated buckets (never from
 * raw responses). Without a question id, the survey's only NPS question is used; with
 * several the caller must choose; with none the result is empty (n = 0).
 */
public final class GetNps {

  private final NpsCounts counts;

  public GetNps(NpsCounts counts) {
    this.counts = counts;
  }

  public NpsReport get(String tenantId, NpsQuery query) {
    var violations = new Violations();
    if (query.surveyId() == null || query.surveyId().isEmpty()) {
      violations.add("survey_id", "is required");
    }
    DayRange period = DayRange.parse(query.startDate(), query.endDate(), "period", violations);
    violations.throwIfAny();

    var buckets = counts.npsBuckets(tenantId, query.surveyId(), period);
    String questionId = query.questionId() == null ? "" : query.questionId();
    if (questionId.isEmpty()) {
      var questions = new TreeSet<String>();
      buckets.forEach(b -> questions.add(b.questionId()));
      if (questions.isEmpty()) {
        return new NpsReport(query.surveyId(), "", NetPromoterScore.NONE);
      }
      if (questions.size() > 1) {
        throw InvalidInputException.of("question_id",
            "is required: the survey has several NPS questions " + questions);
      }
      questionId = questions.first();
    }
    var total = NetPromoterScore.NONE;
    for (var bucket : buckets) {
      if (bucket.questionId().equals(questionId)) {
        total = total.plus(bucket.counts());
      }
    }
    return new NpsReport(query.surveyId(), questionId, total);
  }
}
