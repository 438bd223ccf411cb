package io.cxhub.metrics.ingest;

import io.cxhub.metrics.rollup.Cell;
import io.cxhub.metrics.rollup.CellIncrement;
import io.cxhub.metrics.rollup.Contributor;
import io.cxhub.metrics.rollup.CubeId;
import io.cxhub.metrics.rollup.Period;
import io.cxhub.metrics.rollup.Tally;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a response adds to the score cubes: for each scored answer, one to the count, the
 * score to the sum, its square to the sum of squares and one to the histogram slot of the
 * score — in the cube of its survey and kind for its local day, and for its local month.
 *
 * <p>A cell is tenant × survey × question × day/month × channel × stage × touchpoint ×
 * segment × persona × value tier × scale: the survey, kind and period are the cube's, the rest the
 * cell's. The scale is part of the cell, so a read never pools answers given on different
 * scales.
 */
public final class ResponseContributor implements Contributor<RecordedResponse> {

  public static final String FAMILY_PREFIX = "score:";
  public static final String COUNT = "n";
  public static final String SUM = "sum";
  public static final String SUM_SQ = "sumSq";
  public static final String VALUES = "v";

  /** The cube family of a kind's answers to a survey, e.g. {@code score:NPS:srv_1}. */
  public static String family(String kind, String surveyId) {
    return FAMILY_PREFIX + kind + ":" + surveyId;
  }

  @Override
  public List<CellIncrement> contributions(String tenantId, ZoneId zone, RecordedResponse r) {
    LocalDate day = LocalDate.ofInstant(r.submitTime(), zone);
    var increments = new ArrayList<CellIncrement>(r.answers().size() * 2);
    for (ScoredAnswer a : r.answers()) {
      var cell = Cell.of(Map.of(
          "question", a.questionId(),
          "channel", r.channel(),
          "stage", r.stageId(),
          "touchpoint", r.touchpointId(),
          "segment", r.profile().segment(),
          "persona", r.profile().persona(),
          "valueTier", r.profile().valueTier(),
          "scale", a.scaleMin() + "-" + a.scaleMax()));
      var tally = Tally.builder()
          .add(COUNT, 1)
          .add(SUM, a.score())
          .add(SUM_SQ, (long) a.score() * a.score())
          .addToHistogram(VALUES, a.score(), 1)
          .build();
      String family = family(a.kind().name(), r.surveyId());
      increments.add(new CellIncrement(new CubeId(tenantId, family, Period.day(day)), cell, tally));
      increments.add(new CellIncrement(new CubeId(tenantId, family, Period.month(day)), cell, tally));
    }
    return increments;
  }
}
