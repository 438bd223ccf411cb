package io.cxhub.persona.persona;

import io.cxhub.kit.domain.Channel;
import java.util.List;

/** Ready-made persona profiles for tests. */
final class PersonaFixtures {

  private PersonaFixtures() {}

  static PersonaProfile named(String name) {
    return new PersonaProfile(name, "", null, null, null, null, null, null, null, null);
  }

  /** A profile with every attribute family filled in. */
  static PersonaProfile busyParent() {
    return new PersonaProfile(
        "Busy urban parent",
        "Two children, works full time, shops online in the evening.",
        new Demographics(30, 45, List.of("female", "male"), "40-60k EUR", List.of("Lyon", "Paris"), "office worker"),
        new Psychographics(List.of("family first"), List.of("delivery should be free"),
            List.of("more free time"), List.of("cooking", "running")),
        new Transactional(24, 62.5, 4800, List.of("groceries", "toys"), List.of("subscription active")),
        new Behavioral(List.of(Channel.EMAIL, Channel.IN_APP), "evening mobile sessions",
            "Instagram, rarely posts", List.of("smartphone", "tablet")),
        List.of("save time on groceries"),
        List.of("reliable delivery slots"),
        List.of("missed deliveries", "long support waits"),
        List.of("convenience", "price"));
  }

  static PersonaProfile withDemographics(Demographics demographics) {
    return new PersonaProfile("Anyone", "", demographics, null, null, null, null, null, null, null);
  }

  static PersonaProfile withGoals(List<String> goals) {
    return new PersonaProfile("Anyone", "", null, null, null, null, goals, null, null, null);
  }

  static PersonaProfile withChannels(List<Channel> channels) {
    return new PersonaProfile("Anyone", "", null, null, null,
        new Behavioral(channels, "", "", List.of()), null, null, null, null);
  }

  static Demographics ages(int min, int max) {
    return new Demographics(min, max, List.of(), "", List.of(), "");
  }
}
