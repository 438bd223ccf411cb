package io.cxhub.persona.insight;

import java.util.List;

/** The editable text of a persona's or segment's card. */
public record CardNarrative(List<String> goals, List<String> needs, List<String> frustrations,
    List<String> motivations) {

  public static final CardNarrative EMPTY = new CardNarrative(List.of(), List.of(), List.of(), List.of());

  public CardNarrative {
    goals = clean(goals);
    needs = clean(needs);
    frustrations = clean(frustrations);
    motivations = clean(motivations);
  }

  private static List<String> clean(List<String> values) {
    return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v.strip()).toList();
  }
}
