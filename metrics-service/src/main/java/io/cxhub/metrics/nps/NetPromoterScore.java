package io.cxhub.metrics.nps;

import io.cxhub.kit.domain.NpsCategory;

/**
 * Net Promoter Score from the counts behind it: {@code 100 * (promoters - detractors) / n}
 * with {@code n = promoters + passives + detractors}, in [-100, +100]; 0 when n is 0.
 */
public record NetPromoterScore(long promoters, long passives, long detractors) {

  public static final NetPromoterScore NONE = new NetPromoterScore(0, 0, 0);

  public NetPromoterScore {
    if (promoters < 0 || passives < 0 || detractors < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }

  /** The score of a list of answers, each 0 to 10. */
  public static NetPromoterScore ofScores(int... scores) {
    long p = 0;
    long pa = 0;
    long d = 0;
    for (int score : scores) {
      switch (NpsCategory.of(score)) {
        case PROMOTER -> p++;
        case PASSIVE -> pa++;
        case DETRACTOR -> d++;
      }
    }
    return new NetPromoterScore(p, pa, d);
  }

  public long n() {
    return promoters + passives + detractors;
  }

  public double score() {
    long n = n();
    return n == 0 ? 0.0 : 100.0 * (promoters - detractors) / n;
  }

  public NetPromoterScore plus(NetPromoterScore other) {
    return new NetPromoterScore(
        promoters + other.promoters, passives + other.passives, detractors + other.detractors);
  }
}
