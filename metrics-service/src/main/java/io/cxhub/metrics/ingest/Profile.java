package io.cxhub.metrics.ingest;

/**
 * Who a respondent is, as persona-service knows them: the segment, the persona and the value
 * tier (RFM: {@code champions}, {@code loyal}, {@code at_risk}…). All three are slicing
 * dimensions of the scores, as they were when the response was recorded.
 */
public record Profile(String segment, String persona, String valueTier) {

  public static final String UNASSIGNED_VALUE = "unassigned";

  /** An anonymous respondent: no customer, so neither segment, persona nor value tier. */
  public static final Profile NONE = new Profile("", "", "");

  /** A customer persona-service could not resolve (down, unknown customer, none set). */
  public static final Profile UNASSIGNED = new Profile(UNASSIGNED_VALUE, UNASSIGNED_VALUE, UNASSIGNED_VALUE);

  public Profile {
    segment = segment == null ? "" : segment;
    persona = persona == null ? "" : persona;
    valueTier = valueTier == null ? "" : valueTier;
  }

  /** A known customer's profile; what is missing of it is {@code unassigned}. */
  public static Profile of(String segment, String persona, String valueTier) {
    return new Profile(orUnassigned(segment), orUnassigned(persona), orUnassigned(valueTier));
  }

  private static String orUnassigned(String value) {
    return value == null || value.isEmpty() ? UNASSIGNED_VALUE : value;
  }
}
