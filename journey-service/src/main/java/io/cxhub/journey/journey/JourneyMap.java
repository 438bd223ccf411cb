package io.cxhub.journey.journey;

import io.cxhub.journey.journey.Journey.MomentOfTruth;
import io.cxhub.journey.journey.Journey.Opportunity;
import io.cxhub.journey.journey.Journey.Stage;
import java.util.List;

/**
 * The editable content of a journey map. As a client sends it, stage, touchpoint,
 * element and opportunity ids may be empty (derived from names); once stored, every id is
 * resolved. Checked by {@link JourneyRules}.
 */
public record JourneyMap(
    String name,
    String description,
    String ownerTeam,
    List<Stage> stages,
    List<MomentOfTruth> momentsOfTruth,
    List<Opportunity> opportunities) {

  public JourneyMap {
    name = Texts.clean(name);
    description = Texts.clean(description);
    ownerTeam = Texts.clean(ownerTeam);
    stages = Texts.copy(stages);
    momentsOfTruth = Texts.copy(momentsOfTruth);
    opportunities = Texts.copy(opportunities);
  }

  /** A map with stages only. */
  public JourneyMap(String name, String description, List<Stage> stages) {
    this(name, description, "", stages, List.of(), List.of());
  }
}
