package io.cxhub.persona.customer;

/** Filters of a customer listing; an empty value does not filter. */
public record CustomerFilter(String segment, String personaId, String country) {

  public static final CustomerFilter NONE = new CustomerFilter("", "", "");

  public CustomerFilter {
    segment = CustomerProfile.text(segment);
    personaId = CustomerProfile.text(personaId);
    country = CustomerProfile.text(country);
  }
}
