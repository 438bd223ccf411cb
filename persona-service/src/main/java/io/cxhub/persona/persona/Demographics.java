package io.cxhub.persona.persona;

import java.util.List;

/**
 * Who the persona is. Ages are a range in years; 0 means "not set" at either end.
 * Texts are stripped of surrounding whitespace, lists are never null.
 */
public record Demographics(
    int ageMin,
    int ageMax,
    List<String> genders,
    String incomeBand,
    List<String> locations,
    String occupation) {

  public static final Demographics EMPTY = new Demographics(0, 0, List.of(), "", List.of(), "");

  public Demographics {
    genders = Texts.clean(genders);
    incomeBand = Texts.clean(incomeBand);
    locations = Texts.clean(locations);
    occupation = Texts.clean(occupation);
  }
}
