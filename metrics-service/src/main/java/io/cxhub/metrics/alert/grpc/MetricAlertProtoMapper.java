package io.cxhub.metrics.alert.grpc;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.metrics.alert.AlertCondition;
import io.cxhub.metrics.alert.Episode;
import io.cxhub.metrics.alert.Evaluation;
import io.cxhub.metrics.alert.MetricAlertRule;
import io.cxhub.metrics.alert.Observation;
import io.cxhub.metrics.alert.Outcome;
import io.cxhub.metrics.alert.RuleState;
import io.cxhub.metrics.alert.Severity;
import io.cxhub.metrics.alert.SurveyActions;
import io.cxhub.metrics.grpc.ScoreProtoMapper;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.score.Comparison;
import io.cxhub.metrics.score.Interval;
import io.cxhub.metrics.score.ScoreFilter;
import io.cxhub.metrics.score.ScoreKind;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.metrics.v1.ComparedMeasure;
import io.cxhub.proto.metrics.v1.ConfidenceInterval;
import io.cxhub.proto.metrics.v1.MetricAlertActions;
import io.cxhub.proto.metrics.v1.MetricAlertComparison;
import io.cxhub.proto.metrics.v1.MetricAlertEpisode;
import io.cxhub.proto.metrics.v1.MetricAlertEvaluation;
import io.cxhub.proto.metrics.v1.MetricAlertObservation;
import io.cxhub.proto.metrics.v1.MetricAlertOutcome;
import io.cxhub.proto.metrics.v1.MetricAlertSeverity;
import io.cxhub.proto.metrics.v1.MetricAlertState;
import io.cxhub.proto.metrics.v1.ScoreMetric;
import io.cxhub.proto.metrics.v1.SignificantDropCondition;
import io.cxhub.proto.metrics.v1.ThresholdCondition;
import io.cxhub.proto.metrics.v1.ThresholdDirection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;

/** cx.metrics.v1 metric alert messages to and from the domain. */
final class MetricAlertProtoMapper {

  private MetricAlertProtoMapper() {}

  /**
   * The rule as a client sent it (a draft: the use case fills in defaults and validates).
   * Only what cannot be represented in the domain is reported here (a malformed period).
   */
  static MetricAlertRule toDraft(io.cxhub.proto.metrics.v1.MetricAlertRule r) {
    var violations = new Violations();
    ScoreFilter filter = r.hasFilter() ? ScoreProtoMapper.toFilter(r.getFilter(), "rule.filter", violations) : null;
    violations.throwIfAny();
    AlertCondition condition = switch (r.getConditionCase()) {
      case THRESHOLD -> new AlertCondition.Threshold(direction(r.getThreshold().getDirection()),
          r.getThreshold().getThreshold(), r.getThreshold().getConfident());
      case SIGNIFICANT_DROP -> new AlertCondition.SignificantDrop(r.getSignificantDrop().getAlpha(),
          r.getSignificantDrop().getMinDrop());
      case CONDITION_NOT_SET -> null;
    };
    return new MetricAlertRule(null, null, r.getName(), r.getEnabled(), kind(r.getMetric()), measure(r.getMeasure()),
        filter, condition, r.getWindowDays(), r.getMinSample(), severity(r.getSeverity()), r.getTitleTemplate(),
        Duration.ofMinutes(r.getEvaluationIntervalMinutes()),
        r.hasActions() ? new SurveyActions(r.getActions().getOpenCase(), r.getActions().getSurveyRuleId()) : null,
        null, null, 0, null);
  }

  /** Update-mask paths as field names: JSON clients may send camelCase ({@code windowDays}). */
  static java.util.List<String> paths(com.google.protobuf.FieldMask mask) {
    var paths = new ArrayList<String>();
    for (String p : mask.getPathsList()) {
      for (String part : p.split(",")) {
        String s = part.strip();
        if (!s.isEmpty()) {
          paths.add(s.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
        }
      }
    }
    return paths;
  }

  private static ScoreKind kind(ScoreMetric metric) {
    return switch (metric) {
      case SCORE_METRIC_NPS -> ScoreKind.NPS;
      case SCORE_METRIC_CSAT -> ScoreKind.CSAT;
      case SCORE_METRIC_CES -> ScoreKind.CES;
      default -> null;
    };
  }

  private static ScoreMetric metric(ScoreKind kind) {
    return ScoreMetric.valueOf("SCORE_METRIC_" + kind.name());
  }

  private static Comparison.Measure measure(ComparedMeasure m) {
    return m == ComparedMeasure.COMPARED_MEASURE_MEAN ? Comparison.Measure.MEAN : Comparison.Measure.HEADLINE;
  }

  private static AlertCondition.Direction direction(ThresholdDirection d) {
    return switch (d) {
      case THRESHOLD_DIRECTION_BELOW -> AlertCondition.Direction.BELOW;
      case THRESHOLD_DIRECTION_ABOVE -> AlertCondition.Direction.ABOVE;
      default -> null;
    };
  }

  private static Severity severity(MetricAlertSeverity s) {
    return switch (s) {
      case METRIC_ALERT_SEVERITY_INFO -> Severity.INFO;
      case METRIC_ALERT_SEVERITY_WARNING -> Severity.WARNING;
      case METRIC_ALERT_SEVERITY_CRITICAL -> Severity.CRITICAL;
      default -> null;
    };
  }

  static io.cxhub.proto.metrics.v1.MetricAlertRule toProto(MetricAlertRule r) {
    var f = r.filter();
    var filter = io.cxhub.proto.metrics.v1.ScoreFilter.newBuilder()
        .addAllSurveyIds(f.surveyIds().stream().sorted().toList())
        .setQuestionId(f.questionId())
        .addAllStages(f.stages().stream().sorted().toList())
        .addAllTouchpoints(f.touchpoints().stream().sorted().toList())
        .addAllSegments(f.segments().stream().sorted().toList())
        .addAllPersonas(f.personas().stream().sorted().toList())
        .addAllValueTiers(f.valueTiers().stream().sorted().toList());
    f.channels().stream().sorted().forEach(c -> filter.addChannels(ProtoChannels.toProto(Channel.fromName(c))));
    var actions = MetricAlertActions.newBuilder().setOpenCase(r.actions().openCase());
    if (r.actions().surveyRuleId() != null) {
      actions.setSurveyRuleId(r.actions().surveyRuleId());
    }
    var rule = io.cxhub.proto.metrics.v1.MetricAlertRule.newBuilder()
        .setRuleId(r.ruleId())
        .setName(r.name())
        .setEnabled(r.enabled())
        .setMetric(metric(r.kind()))
        .setMeasure(r.measure() == Comparison.Measure.MEAN
            ? ComparedMeasure.COMPARED_MEASURE_MEAN : ComparedMeasure.COMPARED_MEASURE_HEADLINE)
        .setFilter(filter)
        .setWindowDays(r.windowDays())
        .setMinSample(r.minSample())
        .setSeverity(MetricAlertSeverity.valueOf("METRIC_ALERT_SEVERITY_" + r.severity().name()))
        .setEvaluationIntervalMinutes((int) r.evaluationInterval().toMinutes())
        .setActions(actions)
        .setState(toProto(r.state()))
        .setCreateTime(ProtoTimestamps.toProto(r.createdAt()))
        .setUpdateTime(ProtoTimestamps.toProto(r.updatedAt()));
    if (r.titleTemplate() != null) {
      rule.setTitleTemplate(r.titleTemplate());
    }
    if (r.condition() instanceof AlertCondition.Threshold t) {
      rule.setThreshold(ThresholdCondition.newBuilder()
          .setDirection(t.direction() == AlertCondition.Direction.BELOW
              ? ThresholdDirection.THRESHOLD_DIRECTION_BELOW : ThresholdDirection.THRESHOLD_DIRECTION_ABOVE)
          .setThreshold(t.threshold())
          .setConfident(t.confident()));
    } else if (r.condition() instanceof AlertCondition.SignificantDrop d) {
      rule.setSignificantDrop(SignificantDropCondition.newBuilder().setAlpha(d.alpha()).setMinDrop(d.minDrop()));
    }
    return rule.build();
  }

  private static MetricAlertState toProto(RuleState s) {
    var state = MetricAlertState.newBuilder();
    if (s.lastEvaluatedAt() != null) {
      state.setLastEvaluationTime(ProtoTimestamps.toProto(s.lastEvaluatedAt()));
    }
    if (s.nextEvaluationAt() != null) {
      state.setNextEvaluationTime(ProtoTimestamps.toProto(s.nextEvaluationAt()));
    }
    if (s.lastOutcome() != null) {
      state.setLastOutcome(toProto(s.lastOutcome()));
    }
    if (s.lastObservation() != null) {
      state.setLastObservation(toProto(s.lastObservation()));
    }
    if (s.lastError() != null) {
      state.setLastError(s.lastError());
    }
    if (s.latestEpisode() != null) {
      state.setLatestEpisode(toProto(s.latestEpisode()));
    }
    return state.build();
  }

  static MetricAlertEvaluation toProto(Evaluation e) {
    var evaluation = MetricAlertEvaluation.newBuilder()
        .setRuleId(e.ruleId())
        .setRuleName(e.ruleName())
        .setOutcome(toProto(e.outcome()));
    if (e.observation() != null) {
      evaluation.setObservation(toProto(e.observation()));
    }
    if (e.episode() != null) {
      evaluation.setEpisode(toProto(e.episode()));
    }
    if (e.error() != null) {
      evaluation.setError(e.error());
    }
    return evaluation.build();
  }

  private static MetricAlertOutcome toProto(Outcome o) {
    return MetricAlertOutcome.valueOf("METRIC_ALERT_OUTCOME_" + o.name());
  }

  private static MetricAlertObservation toProto(Observation o) {
    var observation = MetricAlertObservation.newBuilder()
        .setWindow(toProto(o.window()))
        .setN(o.n())
        .setValue(o.value())
        .setLowSample(o.lowSample());
    if (o.interval() != null) {
      observation.setInterval(toProto(o.interval()));
    }
    var p = o.previous();
    if (p != null) {
      var comparison = MetricAlertComparison.newBuilder()
          .setPreviousWindow(toProto(p.window()))
          .setPreviousN(p.n())
          .setPreviousValue(p.value())
          .setDifference(p.difference())
          .setPValue(p.pValue())
          .setTest(p.test());
      if (p.differenceInterval() != null) {
        comparison.setDifferenceInterval(toProto(p.differenceInterval()));
      }
      observation.setComparison(comparison);
    }
    return observation.build();
  }

  private static MetricAlertEpisode toProto(Episode e) {
    var episode = MetricAlertEpisode.newBuilder()
        .setAlertId(e.alertId())
        .setNumber(e.number())
        .setTitle(e.title())
        .setStartTime(ProtoTimestamps.toProto(e.startedAt()))
        .setFailedAttempts(e.failedAttempts());
    if (e.deliveredAt() != null) {
      episode.setDeliverTime(ProtoTimestamps.toProto(e.deliveredAt()));
    }
    if (e.eventId() != null) {
      episode.setEventId(e.eventId());
    }
    if (e.caseId() != null) {
      episode.setCaseId(e.caseId());
    }
    if (e.endedAt() != null) {
      episode.setEndTime(ProtoTimestamps.toProto(e.endedAt()));
    }
    return episode.build();
  }

  private static DateRange toProto(DayRange range) {
    var d = DateRange.newBuilder();
    if (range.start() != null) {
      d.setStartDate(range.start().toString());
    }
    if (range.end() != null) {
      d.setEndDate(range.end().toString());
    }
    return d.build();
  }

  private static ConfidenceInterval toProto(Interval i) {
    return ConfidenceInterval.newBuilder().setLow(i.low()).setHigh(i.high()).build();
  }
}
