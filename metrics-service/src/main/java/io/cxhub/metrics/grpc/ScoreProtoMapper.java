package io.cxhub.metrics.grpc;

import io.cxhub.kit.error.Violations;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.score.Comparison;
import io.cxhub.metrics.score.Dimension;
import io.cxhub.metrics.score.Granularity;
import io.cxhub.metrics.score.Interval;
import io.cxhub.metrics.score.MetricDefinition;
import io.cxhub.metrics.score.Score;
import io.cxhub.metrics.score.ScoreFilter;
import io.cxhub.metrics.score.ScoreKind;
import io.cxhub.metrics.score.ScoreQuery;
import io.cxhub.metrics.score.ScoreTable;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.metrics.v1.CompareScoresResponse;
import io.cxhub.proto.metrics.v1.ComparedMeasure;
import io.cxhub.proto.metrics.v1.ConfidenceInterval;
import io.cxhub.proto.metrics.v1.DimensionValue;
import io.cxhub.proto.metrics.v1.HistogramBin;
import io.cxhub.proto.metrics.v1.PeriodGranularity;
import io.cxhub.proto.metrics.v1.QueryScoresRequest;
import io.cxhub.proto.metrics.v1.QueryScoresResponse;
import io.cxhub.proto.metrics.v1.ScoreCell;
import io.cxhub.proto.metrics.v1.ScoreDimension;
import io.cxhub.proto.metrics.v1.ScoreMetric;
import io.cxhub.proto.metrics.v1.ScoreValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** cx.metrics.v1 score messages to and from the domain (the filter mapping is shared with metric alerts). */
public final class ScoreProtoMapper {

  private ScoreProtoMapper() {}

  static ScoreKind kind(ScoreMetric metric, Violations violations) {
    return switch (metric) {
      case SCORE_METRIC_NPS -> ScoreKind.NPS;
      case SCORE_METRIC_CSAT -> ScoreKind.CSAT;
      case SCORE_METRIC_CES -> ScoreKind.CES;
      default -> {
        violations.add("metric", "is required: SCORE_METRIC_NPS, SCORE_METRIC_CSAT or SCORE_METRIC_CES");
        yield null;
      }
    };
  }

  static ScoreQuery toQuery(QueryScoresRequest request) {
    var violations = new Violations();
    ScoreKind kind = kind(request.getMetric(), violations);
    ScoreFilter filter = toFilter(request.getFilter(), "filter", violations);
    var groupBy = new ArrayList<Dimension>();
    for (int i = 0; i < request.getGroupByCount(); i++) {
      var dim = dimension(request.getGroupBy(i));
      if (dim == null) {
        violations.add("group_by[" + i + "]", "must be a known dimension");
      } else {
        groupBy.add(dim);
      }
    }
    violations.throwIfAny();
    return new ScoreQuery(kind, filter, groupBy, granularity(request.getGranularity()), request.getTimeZone());
  }

  /** The domain filter; a bad period is reported under {@code <field>.period}. */
  public static ScoreFilter toFilter(io.cxhub.proto.metrics.v1.ScoreFilter f, String field, Violations violations) {
    var channels = new HashSet<String>();
    f.getChannelsList().forEach(c -> channels.add(MetricsProtoMapper.channel(c)));
    DayRange period = DayRange.parse(f.getPeriod().getStartDate(), f.getPeriod().getEndDate(), field + ".period", violations);
    return ScoreFilter.builder().surveyIds(f.getSurveyIdsList()).questionId(f.getQuestionId()).channels(channels)
        .stages(f.getStagesList()).touchpoints(f.getTouchpointsList()).segments(f.getSegmentsList())
        .personas(f.getPersonasList()).valueTiers(f.getValueTiersList()).period(period).build();
  }

  static Comparison.Measure measure(ComparedMeasure measure) {
    return measure == ComparedMeasure.COMPARED_MEASURE_MEAN ? Comparison.Measure.MEAN : Comparison.Measure.HEADLINE;
  }

  private static Dimension dimension(ScoreDimension d) {
    return switch (d) {
      case SCORE_DIMENSION_PERIOD -> Dimension.PERIOD;
      case SCORE_DIMENSION_CHANNEL -> Dimension.CHANNEL;
      case SCORE_DIMENSION_SURVEY -> Dimension.SURVEY;
      case SCORE_DIMENSION_QUESTION -> Dimension.QUESTION;
      case SCORE_DIMENSION_STAGE -> Dimension.STAGE;
      case SCORE_DIMENSION_TOUCHPOINT -> Dimension.TOUCHPOINT;
      case SCORE_DIMENSION_SEGMENT -> Dimension.SEGMENT;
      case SCORE_DIMENSION_PERSONA -> Dimension.PERSONA;
      case SCORE_DIMENSION_VALUE_TIER -> Dimension.VALUE_TIER;
      default -> null;
    };
  }

  private static ScoreDimension toProto(Dimension d) {
    return ScoreDimension.valueOf("SCORE_DIMENSION_" + d.name());
  }

  private static Granularity granularity(PeriodGranularity g) {
    return switch (g) {
      case PERIOD_GRANULARITY_DAY -> Granularity.DAY;
      case PERIOD_GRANULARITY_WEEK -> Granularity.WEEK;
      default -> Granularity.MONTH;
    };
  }

  static QueryScoresResponse toProto(ScoreTable table) {
    var response = QueryScoresResponse.newBuilder().setDefinition(toProto(table.definition()));
    table.cells().forEach(cell -> {
      var proto = ScoreCell.newBuilder().setScore(toProto(cell.score()));
      cell.key().forEach((dim, value) ->
          proto.addKey(DimensionValue.newBuilder().setDimension(toProto(dim)).setValue(value)));
      response.addCells(proto);
    });
    table.totals().forEach(total -> response.addTotals(toProto(total)));
    return response.build();
  }

  static CompareScoresResponse toProto(Comparison c) {
    var response = CompareScoresResponse.newBuilder()
        .setDefinition(toProto(c.a().definition()))
        .setA(toProto(c.a()))
        .setB(toProto(c.b()))
        .setDifference(c.difference())
        .setPValue(c.pValue())
        .setSignificant(c.significant())
        .setTest(c.test());
    if (c.interval() != null) {
      response.setDifferenceInterval(toProto(c.interval()));
    }
    if (c.bPeriod() != null) {
      var period = DateRange.newBuilder();
      if (c.bPeriod().start() != null) {
        period.setStartDate(c.bPeriod().start().toString());
      }
      if (c.bPeriod().end() != null) {
        period.setEndDate(c.bPeriod().end().toString());
      }
      response.setBPeriod(period);
    }
    return response.build();
  }

  static io.cxhub.proto.metrics.v1.MetricDefinition toProto(MetricDefinition d) {
    return io.cxhub.proto.metrics.v1.MetricDefinition.newBuilder()
        .setId(d.id()).setVersion(d.version()).setText(d.text())
        .setIntervalMethod(d.intervalMethod()).putAllIntervalConstants(d.intervalConstants()).build();
  }

  static ScoreValue toProto(Score s) {
    var value = ScoreValue.newBuilder()
        .setN(s.n())
        .setValue(s.value())
        .setInterval(toProto(s.interval()))
        .setMarginOfError(s.marginOfError())
        .setLowSample(s.lowSample())
        .setFavourable(s.favourable())
        .setPassives(s.passives())
        .setUnfavourable(s.unfavourable())
        .setMean(s.n() == 0 ? 0 : s.mean())
        .setScaleMin(s.distribution().scaleMin())
        .setScaleMax(s.distribution().scaleMax());
    if (s.meanInterval() != null) {
      value.setMeanInterval(toProto(s.meanInterval()));
    }
    s.distribution().histogram().forEach((score, count) ->
        value.addDistribution(HistogramBin.newBuilder().setScore(score).setCount(count)));
    return value.build();
  }

  private static ConfidenceInterval toProto(Interval i) {
    return ConfidenceInterval.newBuilder().setLow(i.low()).setHigh(i.high()).build();
  }

}
