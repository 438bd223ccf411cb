package io.cxhub.persona.discovery;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * k-means++ (commons-math3) with k chosen by the mean silhouette: every k from 2 to
 * {@code maxK} is tried on a sample (at most {@value #SAMPLE} points, the silhouette being
 * quadratic), the best k clusters the whole population. Seeded: the same data gives the same
 * clusters.
 */
public final class KMeansSelection {

  static final int SAMPLE = 3000;
  static final int MAX_ITERATIONS = 100;

  /** @param labels the cluster of each point, 0 to k − 1, clusters ordered by size (largest first) */
  public record Result(int k, double silhouette, double[][] centroids, int[] labels) {}

  private KMeansSelection() {}

  /** @param points standardized vectors, at least 2 × 2 of them */
  public static Result cluster(double[][] points, int maxK, long seed) {
    int n = points.length;
    var sample = sample(points, SAMPLE, seed);
    int bestK = 2;
    double bestSilhouette = Double.NEGATIVE_INFINITY;
    for (int k = 2; k <= maxK && k < sample.length; k++) {
      var labels = labels(sample, kmeans(sample, k, seed));
      double s = silhouette(sample, labels, k);
      if (s > bestSilhouette + 1e-9) {
        bestSilhouette = s;
        bestK = k;
      }
    }
    var centroids = kmeans(points, Math.min(bestK, n), seed);
    var labels = labels(points, centroids);
    return ordered(centroids, labels, bestSilhouette);
  }

  static double[][] kmeans(double[][] points, int k, long seed) {
    var random = new JDKRandomGenerator();
    random.setSeed(seed);
    var clusterer = new KMeansPlusPlusClusterer<Point>(k, MAX_ITERATIONS, new EuclideanDistance(), random,
        KMeansPlusPlusClusterer.EmptyClusterStrategy.FARTHEST_POINT);
    var input = new ArrayList<Point>(points.length);
    for (var p : points) {
      input.add(new Point(p));
    }
    List<CentroidCluster<Point>> clusters = clusterer.cluster(input);
    var centroids = new double[clusters.size()][];
    for (int i = 0; i < clusters.size(); i++) {
      centroids[i] = clusters.get(i).getCenter().getPoint();
    }
    return centroids;
  }

  static int[] labels(double[][] points, double[][] centroids) {
    var labels = new int[points.length];
    for (int i = 0; i < points.length; i++) {
      labels[i] = nearest(points[i], centroids);
    }
    return labels;
  }

  static int nearest(double[] p, double[][] centroids) {
    int best = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      double d = squared(p, centroids[c]);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best;
  }

  /** Mean silhouette: for each point (b − a) / max(a, b), a its mean distance within its cluster, b to the nearest other. */
  static double silhouette(double[][] points, int[] labels, int k) {
    int n = points.length;
    var sizes = new int[k];
    for (int l : labels) {
      sizes[l]++;
    }
    double total = 0;
    var sums = new double[k];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(sums, 0);
      for (int j = 0; j < n; j++) {
        if (i != j) {
          sums[labels[j]] += Math.sqrt(squared(points[i], points[j]));
        }
      }
      int own = labels[i];
      if (sizes[own] <= 1) {
        continue; // a singleton's silhouette is 0
      }
      double a = sums[own] / (sizes[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && sizes[c] > 0) {
          b = Math.min(b, sums[c] / sizes[c]);
        }
      }
      if (Double.isFinite(b)) {
        total += (b - a) / Math.max(a, b);
      }
    }
    return total / n;
  }

  static double squared(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - b[j];
      s += d * d;
    }
    return s;
  }

  private static double[][] sample(double[][] points, int max, long seed) {
    if (points.length <= max) {
      return points;
    }
    var random = new java.util.Random(seed);
    var copy = points.clone();
    for (int i = 0; i < max; i++) {
      int j = i + random.nextInt(copy.length - i);
      var t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return java.util.Arrays.copyOf(copy, max);
  }

  private static Result ordered(double[][] centroids, int[] labels, double silhouette) {
    int k = centroids.length;
    var sizes = new int[k];
    for (int l : labels) {
      sizes[l]++;
    }
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Integer.compare(sizes[y], sizes[x]));
    var rank = new int[k];
    var sorted = new double[k][];
    for (int r = 0; r < k; r++) {
      rank[order[r]] = r;
      sorted[r] = centroids[order[r]];
    }
    var relabelled = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      relabelled[i] = rank[labels[i]];
    }
    return new Result(k, silhouette, sorted, relabelled);
  }

  private record Point(double[] point) implements Clusterable {
    @Override
    public double[] getPoint() {
      return point;
    }
  }
}
