package io.cxhub.persona.value;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.cxhub.persona.customer.CustomerValue;
import io.cxhub.persona.customer.ValueTier;

/**
 * RFM scoring by quintiles within one tenant, named tiers and a customer-lifetime-value
 * estimate. Pure: the same purchase histories and time give the same values.
 *
 * <p><b>Quintile score</b> of a value x among the n customers with orders: {@code 1 +
 * floor(5 × (number of customers strictly worse than x) / n)}, so ties share a score and
 * the best fifth scores 5. Worse means fewer orders (F), less spent (M), more days since the
 * last order (R).
 *
 * <p><b>CLV</b> = spent so far + expected future spend over {@value #HORIZON_YEARS} years:
 * {@code averageBasket × ordersPerYear × HORIZON × pActive}, where {@code ordersPerYear =
 * orders / max(tenure in years, 0.25)} (tenure from the first order to now) and
 * {@code pActive = min(1, typical gap / days since the last order)}, typical gap being
 * {@code tenure days / orders} (365 for a single order). A customer silent for twice their
 * usual gap counts half.
 */
public final class RfmValuation {

  public static final int HORIZON_YEARS = 3;

  private RfmValuation() {}

  /** One customer's purchase history (baseline plus recorded orders). */
  public record History(String customerId, long orders, double spent, Instant firstOrder, Instant lastOrder) {}

  /** Per-tier figures. */
  public record TierSummary(ValueTier tier, int customers, double revenue, double averageClv) {}

  /** The outcome for a tenant: each customer's value and the tier figures. */
  public record Result(Map<String, CustomerValue> values, List<TierSummary> tiers) {}

  public static Result compute(List<History> histories, Instant now) {
    var buyers = histories.stream().filter(h -> h.orders() > 0 && h.lastOrder() != null).toList();
    int n = buyers.size();
    double[] days = buyers.stream().mapToDouble(h -> daysBetween(h.lastOrder(), now)).sorted().toArray();
    double[] freq = buyers.stream().mapToDouble(History::orders).sorted().toArray();
    double[] money = buyers.stream().mapToDouble(History::spent).sorted().toArray();
    var values = new LinkedHashMap<String, CustomerValue>();
    for (var h : histories) {
      if (h.orders() <= 0 || h.lastOrder() == null) {
        values.put(h.customerId(), new CustomerValue(-1, Math.max(h.orders(), 0), h.spent(), 0, 0, 0,
            ValueTier.NO_ORDERS, h.spent(), now));
        continue;
      }
      long recency = daysBetween(h.lastOrder(), now);
      int r = 1 + (int) Math.floor(5.0 * countAbove(days, recency) / n);
      int f = 1 + (int) Math.floor(5.0 * countBelow(freq, h.orders()) / n);
      int m = 1 + (int) Math.floor(5.0 * countBelow(money, h.spent()) / n);
      values.put(h.customerId(), new CustomerValue(recency, h.orders(), h.spent(), Math.min(r, 5), Math.min(f, 5),
          Math.min(m, 5), ValueTier.of(Math.min(r, 5), Math.min(f, 5), Math.min(m, 5)), clv(h, now), now));
    }
    return new Result(values, summarize(values));
  }

  static double clv(History h, Instant now) {
    Instant first = h.firstOrder() == null ? h.lastOrder() : h.firstOrder();
    double tenureDays = Math.max(0, Duration.between(first, now).toSeconds() / 86_400.0);
    double tenureYears = Math.max(tenureDays / 365.0, 0.25);
    double ordersPerYear = h.orders() / tenureYears;
    double basket = h.spent() / h.orders();
    double typicalGap = h.orders() > 1 ? Math.max(tenureDays / h.orders(), 1) : 365;
    double since = Math.max(daysBetween(h.lastOrder(), now), 1);
    double pActive = Math.min(1, typicalGap / since);
    return round2(h.spent() + basket * ordersPerYear * HORIZON_YEARS * pActive);
  }

  private static List<TierSummary> summarize(Map<String, CustomerValue> values) {
    var count = new EnumMap<ValueTier, Integer>(ValueTier.class);
    var revenue = new EnumMap<ValueTier, Double>(ValueTier.class);
    var clv = new EnumMap<ValueTier, Double>(ValueTier.class);
    values.values().forEach(v -> {
      count.merge(v.tier(), 1, Integer::sum);
      revenue.merge(v.tier(), v.monetary(), Double::sum);
      clv.merge(v.tier(), v.clv(), Double::sum);
    });
    var result = new ArrayList<TierSummary>();
    for (var tier : ValueTier.values()) {
      int c = count.getOrDefault(tier, 0);
      result.add(new TierSummary(tier, c, round2(revenue.getOrDefault(tier, 0.0)),
          c == 0 ? 0 : round2(clv.get(tier) / c)));
    }
    return result;
  }

  private static long daysBetween(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toDays());
  }

  /** How many sorted values are strictly below x. */
  private static int countBelow(double[] sorted, double x) {
    int i = Arrays.binarySearch(sorted, x);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && sorted[i - 1] == x) {
      i--;
    }
    return i;
  }

  /** How many sorted values are strictly above x. */
  private static int countAbove(double[] sorted, double x) {
    int i = Arrays.binarySearch(sorted, x);
    if (i < 0) {
      return sorted.length - (-i - 1);
    }
    while (i < sorted.length - 1 && sorted[i + 1] == x) {
      i++;
    }
    return sorted.length - 1 - i;
  }

  private static double round2(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
