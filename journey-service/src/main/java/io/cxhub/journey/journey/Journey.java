package io.cxhub.journey.journey;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.text.NameKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored customer journey map of one tenant: its stages in the order the customer goes
 * through them (the position of a stage is its index + 1), each with its touchpoints.
 * Stage ids are unique within the journey, and so are touchpoint ids (across all stages),
 * so that a survey can name a stage or touchpoint by journey id and local id.
 */
public record Journey(
    String tenantId,
    String id,
    String name,
    String description,
    List<Stage> stages,
    Instant createTime,
    Instant updateTime) {

  public Journey {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(id, "id");
    name = Texts.clean(name);
    description = Texts.clean(description);
    stages = Texts.copy(stages);
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(updateTime, "updateTime");
  }

  /** The folded name that orders journeys in a list (case, accents and spacing ignored). */
  public String nameKey() {
    return NameKey.of(name);
  }

  /** A stage of a journey, with a resolved id. */
  public record Stage(String id, String name, String description, List<Touchpoint> touchpoints) {

    public Stage {
      Objects.requireNonNull(id, "id");
      name = Texts.clean(name);
      description = Texts.clean(description);
      touchpoints = Texts.copy(touchpoints);
    }
  }

  /** A point of contact between customer and company, with a resolved id. */
  public record Touchpoint(String id, String name, Channel channel, String description) {

    public Touchpoint {
      Objects.requireNonNull(id, "id");
      name = Texts.clean(name);
      channel = channel == null ? Channel.UNSPECIFIED : channel;
      description = Texts.clean(description);
    }
  }
}
