package io.cxhub.persona.customer;

import io.cxhub.kit.error.Violations;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a customer acceptable. Every problem is reported, each under the path of its
 * field in the request after a prefix ({@code customers[3].} in a batch).
 */
final class CustomerRules {

  static final int ID_MAX = 128;
  static final int SEGMENT_MAX = 64;
  static final int EMAIL_MAX = 254;
  static final int LABEL_MAX = 200;
  static final int LIST_MAX = 50;
  static final int EXTERNAL_IDS_MAX = 20;
  static final int SYSTEM_MAX = 64;
  static final int FIRST_BIRTH_YEAR = 1900;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private CustomerRules() {}

  static void check(Violations v, String prefix, String customerId, CustomerProfile p, Instant now) {
    v.requireText(prefix + "customer_id", customerId, ID_MAX);
    v.maxLength(prefix + "segment", p.segment(), SEGMENT_MAX);
    v.maxLength(prefix + "persona_id", p.personaId(), ID_MAX);
    v.maxLength(prefix + "email", p.email(), EMAIL_MAX);
    v.matches(prefix + "email", p.email(), EMAIL, "an e-mail address such as ada@example.com");
    v.maxLength(prefix + "display_name", p.displayName(), LABEL_MAX);

    var d = p.demographics();
    int thisYear = now.atZone(ZoneOffset.UTC).getYear();
    v.check(d.birthYear() == 0 || (d.birthYear() >= FIRST_BIRTH_YEAR && d.birthYear() <= thisYear),
        prefix + "demographics.birth_year", "must be 0 (unknown) or between " + FIRST_BIRTH_YEAR + " and " + thisYear);
    v.maxLength(prefix + "demographics.gender", d.gender(), LABEL_MAX);
    v.maxLength(prefix + "demographics.income_band", d.incomeBand(), LABEL_MAX);
    v.matches(prefix + "demographics.country", d.country(), COUNTRY, "an ISO 3166-1 alpha-2 code such as FR");
    v.maxLength(prefix + "demographics.city", d.city(), LABEL_MAX);
    v.maxLength(prefix + "demographics.occupation", d.occupation(), LABEL_MAX);

    var s = p.psychographics();
    entries(v, prefix + "psychographics.values", s.values());
    entries(v, prefix + "psychographics.interests", s.interests());
    entries(v, prefix + "psychographics.aspirations", s.aspirations());

    var t = p.transactional();
    v.check(t.orderCount() >= 0, prefix + "transactional.order_count", "must be 0 or more");
    v.check(Double.isFinite(t.totalSpent()) && t.totalSpent() >= 0, prefix + "transactional.total_spent",
        "must be a finite amount, 0 or more");
    v.check(t.totalSpent() == 0 || t.orderCount() > 0, prefix + "transactional.total_spent",
        "must be 0 when order_count is 0");
    v.matches(prefix + "transactional.currency", t.currency(), CURRENCY, "an ISO 4217 code such as EUR");
    v.check(t.totalSpent() == 0 || !t.currency().isEmpty(), prefix + "transactional.currency",
        "is required when total_spent is not 0");
    v.check(t.firstOrderTime() == null || t.lastOrderTime() == null || !t.lastOrderTime().isBefore(t.firstOrderTime()),
        prefix + "transactional.last_order_time", "must not be before first_order_time");
    v.check(t.lastOrderTime() == null || !t.lastOrderTime().isAfter(now.plusSeconds(300)),
        prefix + "transactional.last_order_time", "must not be in the future");

    var b = p.behavioral();
    v.check(b.webSessions() >= 0, prefix + "behavioral.web_sessions", "must be 0 or more");
    entries(v, prefix + "behavioral.devices", b.devices());

    v.check(p.externalIds().size() <= EXTERNAL_IDS_MAX, prefix + "external_ids",
        "must have at most " + EXTERNAL_IDS_MAX + " entries");
    p.externalIds().forEach((system, id) -> {
      v.requireText(prefix + "external_ids", system, SYSTEM_MAX);
      v.requireText(prefix + "external_ids[" + system + "]", id, ID_MAX);
    });
  }

  private static void entries(Violations v, String field, List<String> values) {
    v.check(values.size() <= LIST_MAX, field, "must have at most " + LIST_MAX + " entries");
    for (int i = 0; i < values.size(); i++) {
      v.requireText(field + "[" + i + "]", values.get(i), LABEL_MAX);
    }
  }
}
