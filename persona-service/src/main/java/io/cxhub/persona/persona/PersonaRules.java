package io.cxhub.persona.persona;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.Violations;
import java.util.List;

/**
 * What makes a {@link PersonaProfile} acceptable. Every problem is reported at once, each
 * under the path of its field in the request ({@code persona.demographics.age_min}).
 */
final class PersonaRules {

  static final int NAME_MAX = 120;
  static final int DESCRIPTION_MAX = 4000;
  static final int LABEL_MAX = 200;
  static final int FREE_TEXT_MAX = 1000;
  static final int LIST_MAX = 50;
  static final int AGE_MAX = 120;

  private PersonaRules() {}

  static void check(PersonaProfile p) {
    var v = new Violations();
    v.requireText("persona.name", p.name(), NAME_MAX);
    v.maxLength("persona.description", p.description(), DESCRIPTION_MAX);

    var d = p.demographics();
    checkAge(v, "persona.demographics.age_min", d.ageMin());
    checkAge(v, "persona.demographics.age_max", d.ageMax());
    if (d.ageMax() != 0 && d.ageMin() > d.ageMax()) {
      v.add("persona.demographics.age_min", "must not be above age_max");
    }
    entries(v, "persona.demographics.genders", d.genders());
    v.maxLength("persona.demographics.income_band", d.incomeBand(), LABEL_MAX);
    entries(v, "persona.demographics.locations", d.locations());
    v.maxLength("persona.demographics.occupation", d.occupation(), LABEL_MAX);

    var s = p.psychographics();
    entries(v, "persona.psychographics.values", s.values());
    entries(v, "persona.psychographics.opinions", s.opinions());
    entries(v, "persona.psychographics.aspirations", s.aspirations());
    entries(v, "persona.psychographics.interests", s.interests());

    var t = p.transactional();
    amount(v, "persona.transactional.purchases_per_year", t.purchasesPerYear());
    amount(v, "persona.transactional.average_order_value", t.averageOrderValue());
    amount(v, "persona.transactional.lifetime_value", t.lifetimeValue());
    entries(v, "persona.transactional.preferred_products", t.preferredProducts());
    entries(v, "persona.transactional.service_states", t.serviceStates());

    var b = p.behavioral();
    var channels = b.preferredChannels();
    v.check(channels.size() <= LIST_MAX, "persona.behavioral.preferred_channels",
        "must have at most " + LIST_MAX + " entries");
    for (int i = 0; i < channels.size(); i++) {
      v.check(channels.get(i) != null && channels.get(i) != Channel.UNSPECIFIED,
          "persona.behavioral.preferred_channels[" + i + "]", "must be a known channel, not CHANNEL_UNSPECIFIED");
    }
    v.maxLength("persona.behavioral.web_engagement", b.webEngagement(), FREE_TEXT_MAX);
    v.maxLength("persona.behavioral.social_media_profile", b.socialMediaProfile(), FREE_TEXT_MAX);
    entries(v, "persona.behavioral.devices", b.devices());

    entries(v, "persona.goals", p.goals());
    entries(v, "persona.needs", p.needs());
    entries(v, "persona.frustrations", p.frustrations());
    entries(v, "persona.motivations", p.motivations());
    v.throwIfAny();
  }

  private static void checkAge(Violations v, String field, int age) {
    v.check(age >= 0 && age <= AGE_MAX, field, "must be between 0 and " + AGE_MAX);
  }

  private static void amount(Violations v, String field, double value) {
    v.check(Double.isFinite(value) && value >= 0, field, "must be a finite number, 0 or more");
  }

  /** A free-label list: at most {@link #LIST_MAX} entries, each non-blank and short. */
  private static void entries(Violations v, String field, List<String> values) {
    v.check(values.size() <= LIST_MAX, field, "must have at most " + LIST_MAX + " entries");
    for (int i = 0; i < values.size(); i++) {
      v.requireText(field + "[" + i + "]", values.get(i), LABEL_MAX);
    }
  }
}
