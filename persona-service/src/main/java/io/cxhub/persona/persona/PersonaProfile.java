package io.cxhub.persona.persona;

import java.util.List;

/**
 * Everything a client says about a persona: what it is asked to create, and the content
 * of a stored {@link Persona}. Texts are stripped of surrounding whitespace; missing
 * attribute families are empty, never null. Validity is checked by {@link PersonaRules}.
 */
public record PersonaProfile(
    String name,
    String description,
    Demographics demographics,
    Psychographics psychographics,
    Transactional transactional,
    Behavioral behavioral,
    List<String> goals,
    List<String> needs,
    List<String> frustrations,
    List<String> motivations) {

  public PersonaProfile {
    name = Texts.clean(name);
    description = Texts.clean(description);
    demographics = demographics == null ? Demographics.EMPTY : demographics;
    psychographics = psychographics == null ? Psychographics.EMPTY : psychographics;
    transactional = transactional == null ? Transactional.EMPTY : transactional;
    behavioral = behavioral == null ? Behavioral.EMPTY : behavioral;
    goals = Texts.clean(goals);
    needs = Texts.clean(needs);
    frustrations = Texts.clean(frustrations);
    motivations = Texts.clean(motivations);
  }
}
