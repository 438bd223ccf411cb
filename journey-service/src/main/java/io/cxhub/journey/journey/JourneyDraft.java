package io.cxhub.journey.journey;

import io.cxhub.kit.domain.Channel;
import java.util.List;

/**
 * A journey map as a client asks to create it: stage and touchpoint ids may be empty, to
 * be derived from names. Checked by {@link JourneyRules}, turned into a {@link Journey} by
 * {@link JourneyCatalog#create}.
 */
public record JourneyDraft(String name, String description, List<StageDraft> stages) {

  public JourneyDraft {
    name = Texts.clean(name);
    description = Texts.clean(description);
    stages = Texts.copy(stages);
  }

  /** A stage as submitted; {@code stageId} empty means "derive it from the name". */
  public record StageDraft(String stageId, String name, String description, List<TouchpointDraft> touchpoints) {

    public StageDraft {
      stageId = Texts.id(stageId);
      name = Texts.clean(name);
      description = Texts.clean(description);
      touchpoints = Texts.copy(touchpoints);
    }
  }

  /** A touchpoint as submitted; {@code touchpointId} empty means "derive it from the name". */
  public record TouchpointDraft(String touchpointId, String name, Channel channel, String description) {

    public TouchpointDraft {
      touchpointId = Texts.id(touchpointId);
      name = Texts.clean(name);
      channel = channel == null ? Channel.UNSPECIFIED : channel;
      description = Texts.clean(description);
    }
  }
}
