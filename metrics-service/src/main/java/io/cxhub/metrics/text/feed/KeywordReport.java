package io.cxhub.metrics.text.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Top keywords of a period with their lift versus the previous period of the same length,
 * and emerging terms: a term is emerging when its rate per comment rose and a two-proportion
 * z-test (pooled) rejects "same rate in both periods" at the 1% level (one-sided), with at
 * least {@link #MIN_EMERGING} mentions now.
 */
public final class KeywordReport {

  static final int MIN_EMERGING = 3;
  static final double ALPHA = 0.01;
  private static final NormalDistribution NORMAL = new NormalDistribution();

  public record Term(String key, String display, boolean phrase, long count, long previousCount,
      double lift, double pValue, boolean emerging) {}

  private KeywordReport() {}

  /**
   * @param now counts of this period; {@code comments} its number of comments
   * @param before counts of the previous period; {@code previousComments} its comments
   */
  public static List<Term> of(Map<String, TextCubes.KeywordCount> now, long comments,
      Map<String, TextCubes.KeywordCount> before, long previousComments, int limit, boolean emergingOnly) {
    var terms = new ArrayList<Term>();
    for (var e : now.entrySet()) {
      long x1 = e.getValue().count();
      long x0 = before.containsKey(e.getKey()) ? before.get(e.getKey()).count() : 0;
      double r1 = comments == 0 ? 0 : (double) x1 / comments;
      double r0 = previousComments == 0 ? 0 : (double) x0 / previousComments;
      // lift with add-one smoothing so that a new term has a finite lift
      double lift = ((x1 + 1.0) / (comments + 1.0)) / ((x0 + 1.0) / (previousComments + 1.0));
      double p = pValue(x1, comments, x0, previousComments);
      boolean emerging = x1 >= MIN_EMERGING && r1 > r0 && p < ALPHA;
      if (emergingOnly && !emerging) {
        continue;
      }
      terms.add(new Term(e.getKey(), e.getValue().display(), e.getValue().phrase(), x1, x0, lift, p, emerging));
    }
    Comparator<Term> order = emergingOnly
        ? Comparator.comparingDouble(Term::pValue).thenComparing(Comparator.comparingLong(Term::count).reversed())
        : Comparator.comparingLong(Term::count).reversed().thenComparing(Term::key);
    terms.sort(order);
    return terms.size() > limit ? terms.subList(0, limit) : terms;
  }

  /** One-sided p-value of "the rate rose" by the pooled two-proportion z-test. */
  static double pValue(long x1, long n1, long x0, long n0) {
    if (n1 == 0 || n0 == 0) {
      return 1;
    }
    double p1 = (double) Math.min(x1, n1) / n1;
    double p0 = (double) Math.min(x0, n0) / n0;
    double pooled = (double) (Math.min(x1, n1) + Math.min(x0, n0)) / (n1 + n0);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n0));
    if (se == 0) {
      return 1;
    }
    return 1 - NORMAL.cumulativeProbability((p1 - p0) / se);
  }
}
