package io.cxhub.journey.insight;

import io.cxhub.journey.insight.Feedback.ResponseSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Key-driver analysis by Johnson's relative weights (Johnson 2000, "A heuristic method for
 * estimating the relative weight of predictor variables in multiple regression"): the
 * aspects' correlation matrix R = VΛVᵀ is turned into orthogonal predictors
 * Z = X·VΛ^{-1/2}Vᵀ, the overall score is regressed on Z (β = Λ_½⁻¹·r_xy with
 * Λ_½ = VΛ^{1/2}Vᵀ), and aspect j's raw weight is Σ_k Λ_½[j,k]²·β_k². The raw weights sum
 * to the model's R²; importance is each one's share of R². Eigen-decomposition and
 * correlations from Apache Commons Math.
 *
 * <p>Answers come per response from a bounded sample of the survey's most recent responses
 * (the cubes hold no joint answers); see docs/journeys.md for why.
 */
public final class KeyDrivers {

  public static final String METHOD = "Johnson's relative weights (2000) on the Pearson correlations of complete "
      + "responses: each aspect's share of the R² of the linear regression of the overall score on every aspect; "
      + "performance = mean answer normalized to 0-100; quadrants split at the mean importance and the mean performance";
  static final int MIN_RESPONSES = 30;

  private final Feedback feedback;

  public KeyDrivers(Feedback feedback) {
    this.feedback = Objects.requireNonNull(feedback);
  }

  /** The analysis of a survey's recent responses over the period. */
  public Analysis analyse(String tenantId, String surveyId, String overallQuestionId, DayRange period, int sampleSize) {
    var sample = feedback.sample(tenantId, surveyId, period, sampleSize);
    return analyse(sample, overallQuestionId);
  }

  /** Quadrant of the importance × performance matrix. */
  public enum Quadrant { STRENGTH, PRIORITY, MAINTAIN, SECONDARY }

  /** One aspect's importance (% of R²), raw weight, correlation and performance (0-100). */
  public record Driver(String questionId, double importance, double rawWeight, double correlation, double performance,
      Quadrant quadrant) {}

  /** The analysis. */
  public record Analysis(String overallQuestionId, long n, double rSquared, List<Driver> drivers, List<String> notes) {}

  static Analysis analyse(ResponseSample sample, String requestedOverall) {
    var notes = new ArrayList<String>();
    String overall = requestedOverall == null || requestedOverall.isEmpty()
        ? sample.questionKinds().entrySet().stream().filter(e -> e.getValue().equals("NPS")).map(Map.Entry::getKey)
            .findFirst().orElse("")
        : requestedOverall;
    if (overall.isEmpty() || !sample.questionKinds().containsKey(overall)) {
      throw io.cxhub.kit.error.InvalidInputException.of("overall_question_id",
          "must be a scored question of the survey (its first NPS question when empty)");
    }
    var aspects = new ArrayList<String>();
    sample.questionKinds().forEach((id, kind) -> {
      if (!id.equals(overall) && !kind.equals("NPS")) {
        aspects.add(id);
      }
    });
    aspects.sort(Comparator.naturalOrder());
    if (aspects.isEmpty()) {
      throw new io.cxhub.kit.error.PreconditionFailedException(
          "the survey has no aspect rating (RATING, CSAT or CES question) besides the overall score");
    }
    // complete cases only
    var rows = sample.responses().stream()
        .filter(r -> r.containsKey(overall) && aspects.stream().allMatch(r::containsKey)).toList();
    var kept = new ArrayList<String>();
    for (String a : aspects) {
      if (rows.stream().mapToInt(r -> r.get(a)).distinct().count() > 1) {
        kept.add(a);
      } else {
        notes.add("aspect '" + a + "' left out: every response gave it the same score");
      }
    }
    if (rows.size() < MIN_RESPONSES || kept.isEmpty()) {
      throw new io.cxhub.kit.error.PreconditionFailedException("a key-driver analysis needs at least " + MIN_RESPONSES
          + " complete responses with varying aspect scores; the sample has " + rows.size() + " complete responses");
    }
    if (rows.stream().mapToInt(r -> r.get(overall)).distinct().count() < 2) {
      throw new io.cxhub.kit.error.PreconditionFailedException("every response gave the same overall score");
    }
    int p = kept.size();
    double[][] data = new double[rows.size()][p + 1];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < p; j++) {
        data[i][j] = rows.get(i).get(kept.get(j));
      }
      data[i][p] = rows.get(i).get(overall);
    }
    RealMatrix corr = new PearsonsCorrelation(data).getCorrelationMatrix();
    RealMatrix rxx = corr.getSubMatrix(0, p - 1, 0, p - 1);
    RealVector rxy = new ArrayRealVector(p);
    for (int j = 0; j < p; j++) {
      rxy.setEntry(j, corr.getEntry(j, p));
    }
    var eigen = new EigenDecomposition(rxx);
    RealMatrix v = eigen.getV();
    double[] values = eigen.getRealEigenvalues();
    RealMatrix sqrtL = new Array2DRowRealMatrix(p, p);
    RealMatrix invSqrtL = new Array2DRowRealMatrix(p, p);
    for (int k = 0; k < p; k++) {
      double value = Math.max(values[k], 1e-12);
      sqrtL.setEntry(k, k, Math.sqrt(value));
      invSqrtL.setEntry(k, k, 1 / Math.sqrt(value));
    }
    RealMatrix lambda = v.multiply(sqrtL).multiply(v.transpose());
    RealMatrix lambdaInverse = v.multiply(invSqrtL).multiply(v.transpose());
    RealVector beta = lambdaInverse.operate(rxy);
    double r2 = beta.dotProduct(beta);
    var raw = new double[p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        raw[j] += Math.pow(lambda.getEntry(j, k), 2) * Math.pow(beta.getEntry(k), 2);
      }
    }
    var performances = new double[p];
    for (int j = 0; j < p; j++) {
      int[] scale = sample.scales().getOrDefault(kept.get(j), new int[] {1, 5});
      double mean = 0;
      for (double[] row : data) {
        mean += row[j];
      }
      mean /= data.length;
      performances[j] = scale[1] == scale[0] ? 100 : 100 * (mean - scale[0]) / (scale[1] - scale[0]);
    }
    double meanImportance = 100.0 / p;
    double meanPerformance = java.util.Arrays.stream(performances).average().orElse(0);
    var drivers = new ArrayList<Driver>();
    for (int j = 0; j < p; j++) {
      double importance = r2 == 0 ? 0 : 100 * raw[j] / r2;
      boolean important = importance >= meanImportance;
      boolean performing = performances[j] >= meanPerformance;
      var quadrant = important ? (performing ? Quadrant.STRENGTH : Quadrant.PRIORITY)
          : (performing ? Quadrant.MAINTAIN : Quadrant.SECONDARY);
      drivers.add(new Driver(kept.get(j), importance, raw[j], corr.getEntry(j, p), performances[j], quadrant));
    }
    drivers.sort(Comparator.comparingDouble(d -> -d.importance()));
    if (rows.size() < 200) {
      notes.add("fewer than 200 complete responses: importances are indicative (their sampling error is large)");
    }
    return new Analysis(overall, rows.size(), r2, drivers, notes);
  }
}
