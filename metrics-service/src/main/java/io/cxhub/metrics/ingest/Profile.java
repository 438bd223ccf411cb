package io.cxhub.metrics.ingest;

/**
 * Who a respondent is, as persona-service knows them: the segment and the persona. Both are
 * slicing dimensions of the scores.
 */
public record Profile(String segment, String persona) {

  public static final String UNASSIGNED_VALUE = "unassigned";

  /** An anonymous respondent: no customer, so neither segment nor persona. */
  public static final Profile NONE = new Profile("", "");

  /** A customer persona-service could not resolve (down, unknown customer, none set). */
  public static final Profile UNASSIGNED = new Profile(UNASSIGNED_VALUE, UNASSIGNED_VALUE);

  public Profile {
    segment = segment == null ? "" : segment;
    persona = persona == null ? "" : persona;
  }

  /** A known customer's profile; what is missing of it is {@code unassigned}. */
  public static Profile of(String segment, String persona) {
    return new Profile(
        segment == null || segment.isEmpty() ? UNASSIGNED_VALUE : segment,
        persona == null || persona.isEmpty() ? UNASSIGNED_VALUE : persona);
  }
}
