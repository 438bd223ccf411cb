package io.cxhub.journey.action.grpc;

import io.cxhub.journey.action.ActionStatus;
import io.cxhub.journey.action.Impact;
import io.cxhub.journey.action.ImprovementAction;
import io.cxhub.journey.action.ImprovementAction.Comparison;
import io.cxhub.journey.action.ImprovementAction.MeasurementPlan;
import io.cxhub.journey.action.ImprovementAction.Plan;
import io.cxhub.journey.action.ImprovementAction.Target;
import io.cxhub.journey.insight.Difference;
import io.cxhub.journey.insight.ScoreKind;
import io.cxhub.journey.insight.grpc.InsightProtoMapper;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.proto.journey.v1.ActionIndicator;
import io.cxhub.proto.journey.v1.ActionTarget;
import io.cxhub.proto.journey.v1.ComparisonKind;
import io.cxhub.proto.journey.v1.ImpactMeasurement;
import io.cxhub.proto.journey.v1.ImpactVerdict;
import io.cxhub.proto.journey.v1.Interval;
import io.cxhub.proto.journey.v1.WindowScore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Translates between {@code cx.journey.v1.ImprovementAction} and the domain. */
final class ActionProtoMapper {

  private ActionProtoMapper() {}

  static Plan toPlan(io.cxhub.proto.journey.v1.ImprovementAction a) {
    var t = a.getTarget();
    var m = a.getMeasurement();
    LocalDate ship = null;
    if (!a.getShipDate().isBlank()) {
      try {
        ship = LocalDate.parse(a.getShipDate().strip());
      } catch (DateTimeParseException e) {
        throw InvalidInputException.of("action.ship_date", "must be a date YYYY-MM-DD");
      }
    }
    var comparison = switch (m.getComparison()) {
      case COMPARISON_KIND_CONTROL_TOUCHPOINT -> Comparison.CONTROL_TOUCHPOINT;
      case COMPARISON_KIND_NONE -> Comparison.NONE;
      default -> Comparison.REST_OF_JOURNEY;
    };
    var plan = new MeasurementPlan(
        m.getWindowDays() == 0 ? MeasurementPlan.DEFAULT_WINDOW : m.getWindowDays(),
        m.getSettlingDaysSet() || m.getSettlingDays() != 0 ? m.getSettlingDays() : MeasurementPlan.DEFAULT_SETTLING,
        comparison, m.getControlTouchpointId());
    ScoreKind indicator = switch (a.getTargetIndicator()) {
      case ACTION_INDICATOR_NPS -> ScoreKind.NPS;
      case ACTION_INDICATOR_CSAT -> ScoreKind.CSAT;
      case ACTION_INDICATOR_CES -> ScoreKind.CES;
      default -> null;
    };
    return new Plan(a.getTitle(), a.getHypothesis(), a.getOwnerTeam(),
        new Target(t.getFrictionId(), t.getStageId(), t.getTouchpointId(), t.getSegment()), indicator,
        a.hasTargetValue() ? a.getTargetValue() : null, ship, plan);
  }

  static ActionStatus toStatus(io.cxhub.proto.journey.v1.ActionStatus status) {
    return status == io.cxhub.proto.journey.v1.ActionStatus.ACTION_STATUS_UNSPECIFIED
        || status == io.cxhub.proto.journey.v1.ActionStatus.UNRECOGNIZED
        ? null : ActionStatus.valueOf(status.name().replace("ACTION_STATUS_", ""));
  }

  static io.cxhub.proto.journey.v1.ImprovementAction toProto(ImprovementAction a) {
    var p = a.plan();
    var m = p.measurement();
    var b = io.cxhub.proto.journey.v1.ImprovementAction.newBuilder()
        .setActionId(a.id()).setJourneyId(a.journeyId()).setTitle(p.title()).setHypothesis(p.hypothesis())
        .setOwnerTeam(p.ownerTeam())
        .setTarget(ActionTarget.newBuilder().setFrictionId(p.target().frictionId()).setStageId(p.target().stageId())
            .setTouchpointId(p.target().touchpointId()).setSegment(p.target().segment()))
        .setStatus(io.cxhub.proto.journey.v1.ActionStatus.valueOf("ACTION_STATUS_" + a.status().name()))
        .setTargetIndicator(p.indicator() == null ? ActionIndicator.ACTION_INDICATOR_UNSPECIFIED
            : ActionIndicator.valueOf("ACTION_INDICATOR_" + p.indicator().name()))
        .setShipDate(p.shipDate() == null ? "" : p.shipDate().toString())
        .setMeasurement(io.cxhub.proto.journey.v1.MeasurementPlan.newBuilder().setWindowDays(m.windowDays())
            .setSettlingDays(m.settlingDays()).setSettlingDaysSet(true)
            .setComparison(ComparisonKind.valueOf("COMPARISON_KIND_" + m.comparison().name()))
            .setControlTouchpointId(m.controlTouchpointId()))
        .setEtag(a.etag())
        .setCreateTime(ProtoTimestamps.toProto(a.stamp().createTime()))
        .setUpdateTime(ProtoTimestamps.toProto(a.stamp().updateTime()));
    if (p.targetValue() != null) {
      b.setTargetValue(p.targetValue());
    }
    if (a.impact() != null) {
      b.setImpact(toProto(a.impact()));
    }
    return b.build();
  }

  private static ImpactMeasurement toProto(Impact i) {
    var b = ImpactMeasurement.newBuilder()
        .setMeasureTime(ProtoTimestamps.toProto(i.measureTime()))
        .setBefore(window(i.before())).setAfter(window(i.after()))
        .setDifference(round(i.difference().value())).setDifferenceInterval(interval(i.difference()))
        .setPValue(i.difference().pValue()).setSignificant(i.difference().significant())
        .setVerdict(ImpactVerdict.valueOf("IMPACT_VERDICT_" + i.verdict().name()))
        .setRequiredNPerWindow(i.requiredNPerWindow() == Long.MAX_VALUE ? 0 : i.requiredNPerWindow())
        .setMethod(i.method()).setTargetReached(i.targetReached());
    if (i.comparisonBefore() != null) {
      b.setComparisonBefore(window(i.comparisonBefore())).setComparisonAfter(window(i.comparisonAfter()));
    }
    if (i.did() != null) {
      b.setDid(round(i.did().value())).setDidInterval(interval(i.did())).setDidPValue(i.did().pValue())
          .setDidSignificant(i.did().significant());
    }
    return b.build();
  }

  private static WindowScore window(Impact.Window w) {
    var e = w.estimate();
    return WindowScore.newBuilder().setWindow(InsightProtoMapper.range(w.days())).setN(e.n()).setValue(round(e.value()))
        .setInterval(Interval.newBuilder().setLow(round(e.low())).setHigh(round(e.high()))).build();
  }

  private static Interval interval(Difference d) {
    return Interval.newBuilder().setLow(round(d.low())).setHigh(round(d.high())).build();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
