package io.cxhub.journey.journey;

import io.cxhub.kit.text.NameKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A stored customer journey map of one tenant: its {@link JourneyMap content} (stages in
 * the order the customer goes through them, touchpoints, hypothesis, blueprint, moments of
 * truth, opportunities), its state and its version. Stage ids are unique within the
 * journey, and so are touchpoint ids (across all stages) and blueprint element ids, so
 * that a survey, a metric or an action can name them by journey id and local id.
 *
 * <p>{@code version} grows by one with every change; its text is the journey's etag.
 */
public record Journey(
    String tenantId,
    String id,
    JourneyMap map,
    JourneyState state,
    long version,
    Instant createTime,
    Instant updateTime) {

  public Journey {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(map, "map");
    state = state == null ? JourneyState.ACTIVE : state;
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(updateTime, "updateTime");
  }

  public String name() {
    return map.name();
  }

  public String description() {
    return map.description();
  }

  public List<Stage> stages() {
    return map.stages();
  }

  /** The folded name that orders journeys in a list (case, accents and spacing ignored). */
  public String nameKey() {
    return NameKey.of(map.name());
  }

  /** The opaque version tag clients send back to update safely. */
  public String etag() {
    return Long.toString(version);
  }

  public Optional<Stage> stage(String stageId) {
    return stages().stream().filter(s -> s.id().equals(stageId)).findFirst();
  }

  /** The stage a touchpoint belongs to. */
  public Optional<Stage> stageOfTouchpoint(String touchpointId) {
    return stages().stream()
        .filter(s -> s.touchpoints().stream().anyMatch(t -> t.id().equals(touchpointId)))
        .findFirst();
  }

  public Optional<Touchpoint> touchpoint(String touchpointId) {
    return stages().stream().flatMap(s -> s.touchpoints().stream())
        .filter(t -> t.id().equals(touchpointId)).findFirst();
  }

  public Stream<BlueprintElement> elements() {
    return stages().stream().flatMap(s -> s.blueprint().stream());
  }

  Journey with(JourneyMap newMap, JourneyState newState, Instant now) {
    return new Journey(tenantId, id, newMap, newState, version + 1, createTime, now);
  }

  /** A stage: its touchpoints, the designer's hypothesis and its service blueprint. */
  public record Stage(
      String id, String name, String description, List<Touchpoint> touchpoints,
      Hypothesis hypothesis, List<BlueprintElement> blueprint) {

    public Stage {
      id = Texts.id(id);
      name = Texts.clean(name);
      description = Texts.clean(description);
      touchpoints = Texts.copy(touchpoints);
      hypothesis = hypothesis == null ? Hypothesis.NONE : hypothesis;
      blueprint = Texts.copy(blueprint);
    }

    /** A stage with touchpoints only (no hypothesis, no blueprint). */
    public Stage(String id, String name, String description, List<Touchpoint> touchpoints) {
      this(id, name, description, touchpoints, Hypothesis.NONE, List.of());
    }

    Stage withIds(String newId, List<Touchpoint> newTouchpoints, List<BlueprintElement> newBlueprint) {
      return new Stage(newId, name, description, newTouchpoints, hypothesis, newBlueprint);
    }
  }

  /** What the designer believes the customer wants, does, thinks and feels at a stage. */
  public record Hypothesis(String customerGoal, List<String> customerActions, List<String> thoughts, Emotion expectedEmotion) {

    public static final Hypothesis NONE = new Hypothesis("", List.of(), List.of(), Emotion.UNSPECIFIED);

    public Hypothesis {
      customerGoal = Texts.clean(customerGoal);
      customerActions = Texts.cleanAll(customerActions);
      thoughts = Texts.cleanAll(thoughts);
      expectedEmotion = expectedEmotion == null ? Emotion.UNSPECIFIED : expectedEmotion;
    }
  }

  /** A point of contact between customer and company. */
  public record Touchpoint(String id, String name, io.cxhub.kit.domain.Channel channel, String description, String ownerTeam) {

    public Touchpoint {
      id = Texts.id(id);
      name = Texts.clean(name);
      channel = channel == null ? io.cxhub.kit.domain.Channel.UNSPECIFIED : channel;
      description = Texts.clean(description);
      ownerTeam = Texts.clean(ownerTeam);
    }

    public Touchpoint(String id, String name, io.cxhub.kit.domain.Channel channel, String description) {
      this(id, name, channel, description, "");
    }

    Touchpoint withId(String newId) {
      return new Touchpoint(newId, name, channel, description, ownerTeam);
    }
  }

  /** A live indicator bound to a blueprint element. */
  public record IndicatorBinding(IndicatorKind kind, String team, String funnelId, String step) {

    public IndicatorBinding {
      kind = kind == null ? IndicatorKind.UNSPECIFIED : kind;
      team = Texts.clean(team);
      funnelId = Texts.clean(funnelId);
      step = Texts.clean(step);
    }

    public static IndicatorBinding score(IndicatorKind kind) {
      return new IndicatorBinding(kind, "", "", "");
    }

    public static IndicatorBinding team(IndicatorKind kind, String team) {
      return new IndicatorBinding(kind, team, "", "");
    }

    public static IndicatorBinding funnelStep(String funnelId, String step) {
      return new IndicatorBinding(IndicatorKind.FUNNEL_STEP_CONVERSION, "", funnelId, step);
    }
  }

  /** A moment that decides whether the customer stays. */
  public record MomentOfTruth(String stageId, String touchpointId, String title, String description) {

    public MomentOfTruth {
      stageId = Texts.id(stageId);
      touchpointId = Texts.id(touchpointId);
      title = Texts.clean(title);
      description = Texts.clean(description);
    }
  }

  /** An improvement idea noted on the map. */
  public record Opportunity(String id, String stageId, String touchpointId, String title, String description) {

    public Opportunity {
      id = Texts.id(id);
      stageId = Texts.id(stageId);
      touchpointId = Texts.id(touchpointId);
      title = Texts.clean(title);
      description = Texts.clean(description);
    }

    Opportunity withId(String newId) {
      return new Opportunity(newId, stageId, touchpointId, title, description);
    }
  }
}
