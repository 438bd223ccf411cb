package io.cxhub.persona.customer;

import io.cxhub.kit.domain.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a customer is, as the tenant states it: the slicing labels (segment, persona), the
 * four attribute families, consent and ids in other systems. Build one with
 * {@link #builder()}; absent parts are empty, never null.
 */
public record CustomerProfile(
    String segment,
    String personaId,
    String email,
    String displayName,
    Demographics demographics,
    Psychographics psychographics,
    Transactional transactional,
    Behavioral behavioral,
    Consent consent,
    Map<String, String> externalIds) {

  public CustomerProfile {
    segment = text(segment);
    personaId = text(personaId);
    email = text(email);
    displayName = text(displayName);
    demographics = demographics == null ? Demographics.NONE : demographics;
    psychographics = psychographics == null ? Psychographics.NONE : psychographics;
    transactional = transactional == null ? Transactional.NONE : transactional;
    behavioral = behavioral == null ? Behavioral.NONE : behavioral;
    consent = consent == null ? Consent.NONE : consent;
    externalIds = externalIds == null ? Map.of() : Map.copyOf(externalIds);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().segment(segment).personaId(personaId).email(email).displayName(displayName)
        .demographics(demographics).psychographics(psychographics).transactional(transactional)
        .behavioral(behavioral).consent(consent).externalIds(externalIds);
  }

  static String text(String value) {
    return value == null ? "" : value;
  }

  static List<String> list(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  /** @param birthYear 0 when unknown */
  public record Demographics(int birthYear, String gender, String incomeBand, String country, String city,
      String occupation) {
    public static final Demographics NONE = new Demographics(0, "", "", "", "", "");

    public Demographics {
      gender = text(gender);
      incomeBand = text(incomeBand);
      country = text(country);
      city = text(city);
      occupation = text(occupation);
    }
  }

  public record Psychographics(List<String> values, List<String> interests, List<String> aspirations) {
    public static final Psychographics NONE = new Psychographics(List.of(), List.of(), List.of());

    public Psychographics {
      values = list(values);
      interests = list(interests);
      aspirations = list(aspirations);
    }
  }

  /**
   * The stated purchase history (a CRM's baseline); orders recorded later add to it.
   *
   * @param firstOrderTime null when unknown
   * @param lastOrderTime null when unknown
   */
  public record Transactional(int orderCount, double totalSpent, String currency, Instant firstOrderTime,
      Instant lastOrderTime) {
    public static final Transactional NONE = new Transactional(0, 0, "", null, null);

    public Transactional {
      currency = text(currency);
    }
  }

  public record Behavioral(int webSessions, List<String> devices, Channel preferredChannel) {
    public static final Behavioral NONE = new Behavioral(0, List.of(), Channel.UNSPECIFIED);

    public Behavioral {
      devices = list(devices);
      preferredChannel = preferredChannel == null ? Channel.UNSPECIFIED : preferredChannel;
    }
  }

  /** @param profiling use of the customer's data for segments, value and personas */
  public record Consent(boolean email, boolean sms, boolean phone, boolean profiling) {
    public static final Consent NONE = new Consent(false, false, false, false);
  }

  /** Builds a profile; every part not set is empty. */
  public static final class Builder {
    private String segment;
    private String personaId;
    private String email;
    private String displayName;
    private Demographics demographics;
    private Psychographics psychographics;
    private Transactional transactional;
    private Behavioral behavioral;
    private Consent consent;
    private Map<String, String> externalIds;

    private Builder() {}

    public Builder segment(String value) { segment = value; return this; }
    public Builder personaId(String value) { personaId = value; return this; }
    public Builder email(String value) { email = value; return this; }
    public Builder displayName(String value) { displayName = value; return this; }
    public Builder demographics(Demographics value) { demographics = value; return this; }
    public Builder psychographics(Psychographics value) { psychographics = value; return this; }
    public Builder transactional(Transactional value) { transactional = value; return this; }
    public Builder behavioral(Behavioral value) { behavioral = value; return this; }
    public Builder consent(Consent value) { consent = value; return this; }
    public Builder externalIds(Map<String, String> value) { externalIds = value; return this; }

    public CustomerProfile build() {
      return new CustomerProfile(segment, personaId, email, displayName, demographics, psychographics,
          transactional, behavioral, consent, externalIds);
    }
  }
}
