package io.cxhub.metrics.bucket;

import io.cxhub.metrics.nps.NpsCategory;

/**
 * What one scored answer adds to its bucket: one to the count, the score to the sum, its
 * square to the sum of squares, one to the histogram slot of the score and, for NPS, one to
 * its category. {@code responseId} is the evidence that makes the addition happen at most
 * once per bucket.
 *
 * <p>The scale is stored once, when the bucket is created: a question keeps its scale, and a
 * read never pools answers given on different scales.
 *
 * @param npsCategory null unless the kind is NPS
 */
public record BucketIncrement(
    BucketKey key, String kind, String responseId, int score, int scaleMin, int scaleMax, NpsCategory npsCategory) {

  public static final String NPS = "NPS";

  public static BucketIncrement of(BucketKey key, String kind, String responseId, int score, int scaleMin, int scaleMax) {
    return new BucketIncrement(
        key, kind, responseId, score, scaleMin, scaleMax, NPS.equals(kind) ? NpsCategory.of(score) : null);
  }

  /** An NPS increment (scale 0-10). */
  public static BucketIncrement of(BucketKey key, String kind, String responseId, int score) {
    return of(key, kind, responseId, score, 0, 10);
  }

  public long sumSquares() {
    return (long) score * score;
  }

  public int promoters() {
    return npsCategory == NpsCategory.PROMOTER ? 1 : 0;
  }

  public int passives() {
    return npsCategory == NpsCategory.PASSIVE ? 1 : 0;
  }

  public int detractors() {
    return npsCategory == NpsCategory.DETRACTOR ? 1 : 0;
  }
}
