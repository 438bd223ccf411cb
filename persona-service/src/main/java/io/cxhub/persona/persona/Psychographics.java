package io.cxhub.persona.persona;

import java.util.List;

/** What the persona values, believes, aspires to and is interested in. */
public record Psychographics(
    List<String> values, List<String> opinions, List<String> aspirations, List<String> interests) {

  public static final Psychographics EMPTY = new Psychographics(List.of(), List.of(), List.of(), List.of());

  public Psychographics {
    values = Texts.clean(values);
    opinions = Texts.clean(opinions);
    aspirations = Texts.clean(aspirations);
    interests = Texts.clean(interests);
  }
}
