package io.cxhub.metrics.score;

import io.cxhub.kit.domain.AdjustedWaldNps;
import java.util.Map;

/**
 * The survey indicators with a score, each with the definition in force. A new definition
 * gets a new version; the text says what a reader needs to reproduce the figure.
 */
public enum ScoreKind {
  NPS(new MetricDefinition("nps", 2,
      "Net Promoter Score of 0-10 answers: promoters 9-10, passives 7-8, detractors 0-6; "
          + "NPS = %promoters - %detractors, from -100 to +100. n counts answers only: a response "
          + "that skipped the question is not in the denominator. 95% interval: adjusted-Wald "
          + "as published by MeasuringU (Lewis & Sauro 2021, after Rocks 2016): 3 added to n, "
          + "3/4 added to promoters and to detractors, variance of the difference of the two "
          + "adjusted proportions, z = 1.959964; the interval is centred on the adjusted score. "
          + "Low sample: n < 30 or margin of error above 10 points. "
          + "Days are the tenant's local days (UTC unless its time zone is set).",
      AdjustedWaldNps.METHOD,
      Map.of("n_added", AdjustedWaldNps.N_ADDED, "promoters_added", AdjustedWaldNps.PROMOTERS_ADDED,
          "detractors_added", AdjustedWaldNps.DETRACTORS_ADDED, "z", AdjustedWaldNps.Z95))),
  CSAT(new MetricDefinition("csat", 1,
      "Customer satisfaction: the share of top-2-box answers (4-5 on a 1-5 scale; in general "
          + "the two highest points of the question's scale), in percent, with a 95% Wilson "
          + "interval; also the mean answer with a 95% Student t interval. Skipped answers are "
          + "not counted. Answers on different scales are never pooled: each scale is its own "
          + "cell. Low sample: n < 30 or the percentage's margin of error above 10 points. "
          + "Days are the tenant's local days (UTC unless its time zone is set).",
      "wilson", Map.of("z", AdjustedWaldNps.Z95))),
  CES(new MetricDefinition("ces", 1,
      "Customer effort score: the share of 'easy' answers (5-7 on a 1-7 scale, 4-5 on a 1-5 "
          + "scale; on any other scale the two highest points), in percent, with a 95% Wilson "
          + "interval; also the mean answer with a 95% Student t interval. Higher means less "
          + "effort. Skipped answers are not counted. Answers on different scales are never "
          + "pooled: each scale is its own cell. Low sample: n < 30 or the percentage's margin "
          + "of error above 10 points. Days are the tenant's local days (UTC unless its time zone is set).",
      "wilson", Map.of("z", AdjustedWaldNps.Z95)));

  private final MetricDefinition definition;

  ScoreKind(MetricDefinition definition) {
    this.definition = definition;
  }

  public MetricDefinition definition() {
    return definition;
  }

  /**
   * The lowest score counted as favourable (promoter, top-2-box, easy) on a scale whose
   * highest point is {@code scaleMax}.
   */
  public int favourableFrom(int scaleMin, int scaleMax) {
    return switch (this) {
      case NPS -> 9;
      case CSAT -> scaleMax - 1;
      case CES -> scaleMax - scaleMin == 6 ? scaleMax - 2 : scaleMax - 1;
    };
  }

  /** The scale assumed for buckets written before the scale was stored. */
  public int defaultScaleMin() {
    return this == NPS ? 0 : 1;
  }

  public int defaultScaleMax() {
    return switch (this) {
      case NPS -> 10;
      case CSAT -> 5;
      case CES -> 7;
    };
  }
}
