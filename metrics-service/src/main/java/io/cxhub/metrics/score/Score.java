package io.cxhub.metrics.score;

/**
 * One indicator over one set of answers, never without its sample size.
 *
 * @param value NPS in points, or the favourable share in percent (CSAT top-2-box, CES easy);
 *     0 when n is 0
 * @param interval 95% interval of {@code value} (adjusted-Wald for NPS, Wilson otherwise)
 * @param marginOfError half the interval's width, in points
 * @param lowSample n &lt; 30 or margin of error above 10 points: too small to conclude
 * @param favourable promoters (NPS), top-2-box (CSAT) or easy (CES) answers
 * @param unfavourable detractors for NPS; for CSAT and CES the answers that are not favourable
 * @param mean the mean answer (NaN when n is 0)
 * @param meanInterval 95% Student t interval of the mean; null when n &lt; 2
 */
public record Score(
    ScoreKind kind,
    Distribution distribution,
    long n,
    double value,
    Interval interval,
    double marginOfError,
    boolean lowSample,
    long favourable,
    long unfavourable,
    double mean,
    Interval meanInterval,
    Statistics.AdjustedNps adjustedNps) {

  public static final int MIN_SAMPLE = 30;
  public static final double MAX_MARGIN_POINTS = 10.0;

  /** Scores a distribution under the kind's current definition. */
  public static Score of(ScoreKind kind, Distribution d) {
    long n = d.count();
    long favourable = d.countBetween(kind.favourableFrom(d.scaleMin(), d.scaleMax()), d.scaleMax());
    double mean = n == 0 ? Double.NaN : (double) d.sum() / n;
    Interval meanInterval = Statistics.tInterval(n, d.sum(), d.sumSq());
    if (kind == ScoreKind.NPS) {
      long detractors = d.countBetween(0, 6);
      var adjusted = Statistics.adjustedWaldNps(favourable, detractors, n);
      double value = n == 0 ? 0 : 100.0 * (favourable - detractors) / n;
      double margin = adjusted.interval().halfWidth();
      return new Score(kind, d, n, value, adjusted.interval(), margin, low(n, margin), favourable, detractors,
          mean, meanInterval, adjusted);
    }
    Interval wilson = Statistics.wilson(favourable, n);
    double value = n == 0 ? 0 : 100.0 * favourable / n;
    double margin = wilson.halfWidth();
    return new Score(kind, d, n, value, wilson, margin, low(n, margin), favourable, n - favourable,
        mean, meanInterval, null);
  }

  private static boolean low(long n, double margin) {
    return n < MIN_SAMPLE || margin > MAX_MARGIN_POINTS;
  }

  /** NPS passives (7-8); 0 for the other kinds. */
  public long passives() {
    return kind == ScoreKind.NPS ? n - favourable - unfavourable : 0;
  }

  public MetricDefinition definition() {
    return kind.definition();
  }
}
