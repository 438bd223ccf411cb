package io.cxhub.persona.segment;

import io.cxhub.kit.domain.Channel;
import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.CustomerValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The attributes a segment rule may name, each of one kind. A number attribute may be
 * unknown for a customer (NaN: no order yet, no birth year), and then no comparison or range
 * on it matches (nor does its negation by {@code ne}: "unknown" is not "different").
 */
public final class SegmentAttributes {

  public enum Kind { NUMBER, TEXT, LIST, FLAG }

  /** An attribute: its kind and how to read it from a customer at an instant. */
  public record Attribute(String name, Kind kind, BiFunction<Customer, Instant, Object> read) {

    double number(Customer c, Instant now) {
      return (Double) read.apply(c, now);
    }

    String text(Customer c, Instant now) {
      return (String) read.apply(c, now);
    }

    @SuppressWarnings("unchecked")
    List<String> list(Customer c, Instant now) {
      return (List<String>) read.apply(c, now);
    }

    boolean flag(Customer c, Instant now) {
      return (Boolean) read.apply(c, now);
    }
  }

  private static final String CONTACTS_PREFIX = "contacts.";
  private static final Map<String, Attribute> FIXED = new LinkedHashMap<>();

  static {
    number("orders", c -> (double) c.orders());
    number("spent", Customer::spent);
    number("average_basket", c -> c.orders() == 0 ? Double.NaN : c.spent() / c.orders());
    FIXED.put("recency_days", new Attribute("recency_days", Kind.NUMBER, (c, now) -> {
      var last = c.lastOrder();
      return last == null ? Double.NaN : (double) Math.max(0, ChronoUnit.DAYS.between(last, now));
    }));
    number("clv", c -> c.valueIfComputed().map(CustomerValue::clv).orElse(Double.NaN));
    number("r_score", c -> c.valueIfComputed().map(v -> (double) v.r()).orElse(Double.NaN));
    number("f_score", c -> c.valueIfComputed().map(v -> (double) v.f()).orElse(Double.NaN));
    number("m_score", c -> c.valueIfComputed().map(v -> (double) v.m()).orElse(Double.NaN));
    number("contacts", c -> (double) c.activity().contacts());
    number("web_sessions", c -> (double) c.profile().behavioral().webSessions());
    number("birth_year", c -> birthYear(c));
    FIXED.put("age", new Attribute("age", Kind.NUMBER, (c, now) -> {
      double year = birthYear(c);
      return Double.isNaN(year) ? Double.NaN : now.atZone(ZoneOffset.UTC).getYear() - year;
    }));
    text("country", c -> c.profile().demographics().country());
    text("city", c -> c.profile().demographics().city());
    text("gender", c -> c.profile().demographics().gender());
    text("income_band", c -> c.profile().demographics().incomeBand());
    text("occupation", c -> c.profile().demographics().occupation());
    text("currency", c -> c.profile().transactional().currency());
    text("preferred_channel", SegmentAttributes::preferredChannel);
    text("value_tier", c -> c.valueIfComputed().map(v -> v.tier().label()).orElse(""));
    text("persona_id", Customer::personaId);
    text("segment", Customer::segment);
    list("values", c -> c.profile().psychographics().values());
    list("interests", c -> c.profile().psychographics().interests());
    list("aspirations", c -> c.profile().psychographics().aspirations());
    list("devices", c -> c.profile().behavioral().devices());
    flag("consent.email", c -> c.profile().consent().email());
    flag("consent.sms", c -> c.profile().consent().sms());
    flag("consent.phone", c -> c.profile().consent().phone());
    flag("consent.profiling", c -> c.profile().consent().profiling());
  }

  private SegmentAttributes() {}

  /** The attribute of this name: a fixed one, or {@code contacts.<CHANNEL>}. */
  public static Optional<Attribute> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    var fixed = FIXED.get(name);
    if (fixed != null) {
      return Optional.of(fixed);
    }
    if (name.startsWith(CONTACTS_PREFIX)) {
      String channel = name.substring(CONTACTS_PREFIX.length());
      var known = Channel.fromName(channel);
      if (known != Channel.UNSPECIFIED && known.name().equals(channel)) {
        return Optional.of(new Attribute(name, Kind.NUMBER,
            (c, now) -> (double) c.activity().contactsByChannel().getOrDefault(channel, 0L)));
      }
    }
    return Optional.empty();
  }

  /** The names a rule may use, for messages. */
  public static String names() {
    return String.join(", ", FIXED.keySet()) + ", contacts.<CHANNEL>";
  }

  /** The stated preferred channel, else the one most contacted on; empty when neither. */
  static String preferredChannel(Customer c) {
    var stated = c.profile().behavioral().preferredChannel();
    return stated != Channel.UNSPECIFIED ? stated.name() : c.activity().preferredChannel();
  }

  private static double birthYear(Customer c) {
    int year = c.profile().demographics().birthYear();
    return year == 0 ? Double.NaN : year;
  }

  private static void number(String name, Function<Customer, Double> read) {
    FIXED.put(name, new Attribute(name, Kind.NUMBER, (c, now) -> read.apply(c)));
  }

  private static void text(String name, Function<Customer, String> read) {
    FIXED.put(name, new Attribute(name, Kind.TEXT, (c, now) -> read.apply(c)));
  }

  private static void list(String name, Function<Customer, List<String>> read) {
    FIXED.put(name, new Attribute(name, Kind.LIST, (c, now) -> read.apply(c)));
  }

  private static void flag(String name, Function<Customer, Boolean> read) {
    FIXED.put(name, new Attribute(name, Kind.FLAG, (c, now) -> read.apply(c)));
  }
}
