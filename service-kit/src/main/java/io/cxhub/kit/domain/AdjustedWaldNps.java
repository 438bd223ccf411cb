package io.cxhub.kit.domain;

/**
 * The adjusted-Wald 95% interval of a Net Promoter Score as MeasuringU publishes it (Lewis
 * &amp; Sauro, "Confidence intervals for Net Promoter Scores", 2021, after Rocks 2016): add
 * {@value #N_ADDED} to the number of answers and {@value #PROMOTERS_ADDED} to the promoters
 * and to the detractors, then
 * <pre>
 *   n' = n + 3,  p' = (P + 3/4) / n',  d' = (D + 3/4) / n'
 *   NPS' = p' − d',  Var = (p' + d' − NPS'²) / n'
 *   interval = 100 · (NPS' ± z·√Var),  z = 1.959964 (two-sided 95%)
 * </pre>
 * The interval is centred on NPS', not on the observed score, and clipped to [−100, +100].
 * The one copy of the formula: metrics-service's scores and comparisons and journey-service's
 * stage and touchpoint statistics use it, so an NPS interval is the same wherever it is read.
 *
 * @param adjustedNps NPS' in points
 * @param variance variance of NPS' in points²
 * @param low lower bound in points
 * @param high upper bound in points
 */
public record AdjustedWaldNps(double adjustedNps, double variance, double low, double high) {

  /** Added to the number of answers. */
  public static final double N_ADDED = 3;
  /** Added to the promoters. */
  public static final double PROMOTERS_ADDED = 0.75;
  /** Added to the detractors. */
  public static final double DETRACTORS_ADDED = 0.75;
  /** Standard normal quantile of 0.975. */
  public static final double Z95 = 1.959963984540054;
  /** The method's name as the metric definitions state it. */
  public static final String METHOD = "adjusted-wald (MeasuringU: n+3, promoters+3/4, detractors+3/4)";

  /**
   * @param promoters answers 9-10
   * @param detractors answers 0-6
   * @param n all answers (promoters, passives and detractors); 0 gives the whole range
   */
  public static AdjustedWaldNps of(long promoters, long detractors, long n) {
    if (promoters < 0 || detractors < 0 || promoters + detractors > n) {
      throw new IllegalArgumentException("counts do not add up: promoters " + promoters
          + ", detractors " + detractors + ", n " + n);
    }
    double nAdj = n + N_ADDED;
    double p = (promoters + PROMOTERS_ADDED) / nAdj;
    double d = (detractors + DETRACTORS_ADDED) / nAdj;
    double nps = p - d;
    double variance = (p + d - nps * nps) / nAdj;
    if (n == 0) {
      return new AdjustedWaldNps(0, 1e4 * variance, -100, 100);
    }
    double half = Z95 * Math.sqrt(variance);
    return new AdjustedWaldNps(100 * nps, 1e4 * variance,
        Math.max(-100, 100 * (nps - half)), Math.min(100, 100 * (nps + half)));
  }

  /** Half the width of the interval, in points. */
  public double halfWidth() {
    return (high - low) / 2;
  }
}
