package io.cxhub.journey.action;

import io.cxhub.journey.insight.ScoreKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An improvement action on a journey: what it is ({@link Plan}), where it is in its
 * lifecycle, and its latest measured {@link Impact} (null before measuring).
 */
public record ImprovementAction(
    String tenantId, String id, String journeyId, Plan plan, ActionStatus status, Impact impact, Stamp stamp) {

  public ImprovementAction {
    Objects.requireNonNull(tenantId);
    Objects.requireNonNull(id);
    Objects.requireNonNull(journeyId);
    Objects.requireNonNull(plan);
    status = status == null ? ActionStatus.PROPOSED : status;
    Objects.requireNonNull(stamp);
  }

  public String etag() {
    return Long.toString(stamp.version());
  }

  ImprovementAction with(Plan newPlan, ActionStatus newStatus, Impact newImpact, Instant now) {
    return new ImprovementAction(tenantId, id, journeyId, newPlan, newStatus, newImpact,
        new Stamp(stamp.version() + 1, stamp.createTime(), now));
  }

  /** Version and times. */
  public record Stamp(long version, Instant createTime, Instant updateTime) {}

  /** What the action targets: a friction point, a stage, a touchpoint and/or a segment. */
  public record Target(String frictionId, String stageId, String touchpointId, String segment) {
    public Target {
      frictionId = clean(frictionId);
      stageId = clean(stageId);
      touchpointId = clean(touchpointId);
      segment = clean(segment);
    }
  }

  /** What to compare the target with in the difference-in-differences. */
  public enum Comparison { REST_OF_JOURNEY, CONTROL_TOUCHPOINT, NONE }

  /** How the impact is measured: window lengths, settling days, comparison group. */
  public record MeasurementPlan(int windowDays, int settlingDays, Comparison comparison, String controlTouchpointId) {
    public static final int DEFAULT_WINDOW = 28;
    public static final int DEFAULT_SETTLING = 7;
    public static final MeasurementPlan DEFAULT =
        new MeasurementPlan(DEFAULT_WINDOW, DEFAULT_SETTLING, Comparison.REST_OF_JOURNEY, "");

    public MeasurementPlan {
      comparison = comparison == null ? Comparison.REST_OF_JOURNEY : comparison;
      controlTouchpointId = clean(controlTouchpointId);
    }
  }

  /**
   * The decided content of an action.
   *
   * @param targetValue the value the indicator should reach; null for "any improvement"
   * @param shipDate the (local) day it goes live; null while unknown
   */
  public record Plan(String title, String hypothesis, String ownerTeam, Target target, ScoreKind indicator,
      Double targetValue, LocalDate shipDate, MeasurementPlan measurement) {
    public Plan {
      title = clean(title);
      hypothesis = clean(hypothesis);
      ownerTeam = clean(ownerTeam);
      target = target == null ? new Target("", "", "", "") : target;
      measurement = measurement == null ? MeasurementPlan.DEFAULT : measurement;
    }

    Plan shippedOn(LocalDate day) {
      return new Plan(title, hypothesis, ownerTeam, target, indicator, targetValue, day, measurement);
    }
  }

  static String clean(String value) {
    return value == null ? "" : value.strip();
  }
}
