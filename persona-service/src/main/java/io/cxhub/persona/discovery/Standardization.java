package io.cxhub.persona.discovery;

import java.util.Arrays;
import java.util.List;

/**
 * Per-feature mean and standard deviation of a population: z = (x − mean) / sd, a missing
 * value (NaN) becoming 0 (the mean). A feature with no spread has sd 1 (it never separates).
 */
public record Standardization(double[] means, double[] sds) {

  public static Standardization of(List<double[]> raw, int size) {
    var means = new double[size];
    var sds = new double[size];
    for (int j = 0; j < size; j++) {
      double sum = 0;
      long n = 0;
      for (var x : raw) {
        if (!Double.isNaN(x[j])) {
          sum += x[j];
          n++;
        }
      }
      double mean = n == 0 ? 0 : sum / n;
      double squares = 0;
      for (var x : raw) {
        if (!Double.isNaN(x[j])) {
          squares += (x[j] - mean) * (x[j] - mean);
        }
      }
      double sd = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
      means[j] = mean;
      sds[j] = sd > 1e-9 ? sd : 1;
    }
    return new Standardization(means, sds);
  }

  public double[] apply(double[] x) {
    var z = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      z[j] = Double.isNaN(x[j]) ? 0 : (x[j] - means[j]) / sds[j];
    }
    return z;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Standardization s && Arrays.equals(means, s.means) && Arrays.equals(sds, s.sds);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(means) + Arrays.hashCode(sds);
  }

  @Override
  public String toString() {
    return "Standardization" + Arrays.toString(means) + Arrays.toString(sds);
  }
}
