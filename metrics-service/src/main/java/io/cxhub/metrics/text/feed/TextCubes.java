package io.cxhub.metrics.text.feed;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Pre-aggregated counts of the analysed comments per tenant and day and month, so that theme
 * and keyword reads never scan the comments: for each theme (and {@link #ALL} for every
 * comment) cells keyed by sentiment × survey × stage × touchpoint × channel × segment ×
 * persona, holding the number of comments and the NPS and CSAT counts of their responses;
 * and per period the count of each keyword.
 */
public interface TextCubes {

  String ALL = "_all";

  /** Counts of one cell. */
  record Cell(long comments, long npsAnswers, long promoters, long detractors, long csatAnswers, long csatSatisfied) {
    public static final Cell ZERO = new Cell(0, 0, 0, 0, 0, 0);

    public Cell plus(Cell o) {
      return new Cell(comments + o.comments, npsAnswers + o.npsAnswers, promoters + o.promoters,
          detractors + o.detractors, csatAnswers + o.csatAnswers, csatSatisfied + o.csatSatisfied);
    }

    public Cell minus(Cell o) {
      return new Cell(comments - o.comments, npsAnswers - o.npsAnswers, promoters - o.promoters,
          detractors - o.detractors, csatAnswers - o.csatAnswers, csatSatisfied - o.csatSatisfied);
    }
  }

  /** The dimensions of a cell. */
  record CellKey(String sentiment, String surveyId, String stageId, String touchpointId, String channel,
      String segmentId, String personaId) {}

  /** Adds (or with {@code sign} -1 removes) one analysed comment to the day and month cubes. */
  void add(AnalysedComment analysed, int sign);

  /** Cells of each theme (and {@link #ALL}) over the days, keyed by theme id. */
  Map<String, Map<CellKey, Cell>> themes(String tenantId, List<LocalDate> days);

  /** Keyword counts over the days: key → (count, display). */
  Map<String, KeywordCount> keywords(String tenantId, List<LocalDate> days);

  record KeywordCount(long count, String display, boolean phrase) {}

  /** Removes every cube of the tenant (before a rebuild). */
  void clear(String tenantId);
}
