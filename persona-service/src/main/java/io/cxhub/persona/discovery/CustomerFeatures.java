package io.cxhub.persona.discovery;

import io.cxhub.persona.customer.Customer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The features personas are discovered on: behavioural and transactional figures (counts and
 * amounts on a log scale, so that a few large customers do not stretch the space) and the
 * experience (NPS category, ease). A feature a customer lacks (no order yet, never answered)
 * is NaN and is imputed with the population mean when standardized.
 */
public final class CustomerFeatures {

  /** The features, in vector order, with the words used to describe a persona. */
  public enum Feature {
    ORDERS("orders", "orders"),
    SPENT("spent", "amount spent"),
    BASKET("average_basket", "average basket"),
    RECENCY("recency_days", "days since the last order"),
    CONTACTS("contacts", "contacts with the company"),
    WEB_SESSIONS("web_sessions", "web sessions"),
    NPS("nps_category", "likelihood to recommend (NPS category)"),
    EASE("ease", "ease of dealing with the company (CES)");

    private final String key;
    private final String words;

    Feature(String key, String words) {
      this.key = key;
      this.words = words;
    }

    public String key() {
      return key;
    }

    public String words() {
      return words;
    }

    /** True for features stored on a log scale (log(1 + x)). */
    boolean logScale() {
      return this != NPS && this != EASE;
    }
  }

  public static final List<Feature> FEATURES = List.of(Feature.values());
  public static final int SIZE = FEATURES.size();

  private CustomerFeatures() {}

  /** The raw vector of a customer (log scales applied), NaN where unknown. */
  public static double[] of(Customer c, Experience e, Instant now) {
    var v = new double[SIZE];
    long orders = c.orders();
    v[Feature.ORDERS.ordinal()] = Math.log1p(orders);
    v[Feature.SPENT.ordinal()] = Math.log1p(c.spent());
    v[Feature.BASKET.ordinal()] = orders == 0 ? Double.NaN : Math.log1p(c.spent() / orders);
    var last = c.lastOrder();
    v[Feature.RECENCY.ordinal()] = last == null ? Double.NaN : Math.log1p(Math.max(0, ChronoUnit.DAYS.between(last, now)));
    v[Feature.CONTACTS.ordinal()] = Math.log1p(c.activity().contacts());
    v[Feature.WEB_SESSIONS.ordinal()] = Math.log1p(c.profile().behavioral().webSessions());
    v[Feature.NPS.ordinal()] = e == null ? Double.NaN : e.npsCategory();
    v[Feature.EASE.ordinal()] = e == null || e.effort() < 0 ? Double.NaN : e.effort();
    return v;
  }

  /** A raw value back on its natural scale (for words). */
  public static double natural(Feature f, double raw) {
    return f.logScale() ? Math.expm1(raw) : raw;
  }
}
