package io.cxhub.journey.insight.grpc;

import io.cxhub.journey.insight.DayRange;
import io.cxhub.journey.insight.Difference;
import io.cxhub.journey.insight.Estimate;
import io.cxhub.journey.insight.FrictionView;
import io.cxhub.journey.insight.JourneyTablesView;
import io.cxhub.journey.insight.KeyDrivers;
import io.cxhub.journey.insight.KpiStat;
import io.cxhub.journey.insight.LiveJourneyView;
import io.cxhub.journey.insight.LiveJourneyView.PlaceNumbers;
import io.cxhub.journey.insight.ScoreKind;
import io.cxhub.journey.insight.ScoreStat;
import io.cxhub.journey.insight.Slice;
import io.cxhub.journey.journey.grpc.JourneyProtoMapper;
import io.cxhub.kit.grpc.ProtoChannels;
import com.google.type.Money;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.journey.v1.Availability;
import io.cxhub.proto.journey.v1.Change;
import io.cxhub.proto.journey.v1.DriverQuadrant;
import io.cxhub.proto.journey.v1.EmotionPoint;
import io.cxhub.proto.journey.v1.FrictionEvidence;
import io.cxhub.proto.journey.v1.FrictionKind;
import io.cxhub.proto.journey.v1.FrictionPoint;
import io.cxhub.proto.journey.v1.FrictionReport;
import io.cxhub.proto.journey.v1.FrictionTheme;
import io.cxhub.proto.journey.v1.FrictionTrend;
import io.cxhub.proto.journey.v1.FunnelDropOff;
import io.cxhub.proto.journey.v1.Interval;
import io.cxhub.proto.journey.v1.IrritantRow;
import io.cxhub.proto.journey.v1.JourneySlice;
import io.cxhub.proto.journey.v1.KeyDriver;
import io.cxhub.proto.journey.v1.KeyDriverAnalysis;
import io.cxhub.proto.journey.v1.KpiIndicator;
import io.cxhub.proto.journey.v1.LiveJourney;
import io.cxhub.proto.journey.v1.LiveStage;
import io.cxhub.proto.journey.v1.LiveTouchpoint;
import io.cxhub.proto.journey.v1.LoyaltyRow;
import io.cxhub.proto.journey.v1.ScoreIndicator;
import io.cxhub.proto.journey.v1.TextHighlight;
import io.cxhub.proto.journey.v1.ThemeVerbatim;
import io.cxhub.proto.journey.v1.Verbatim;
import java.time.LocalDate;

/** Translates the insight views into {@code cx.journey.v1} messages, and slices from requests. */
public final class InsightProtoMapper {

  private InsightProtoMapper() {}

  /** The slice a request asks for (field path {@code slice.period…} in violations). */
  public static Slice toSlice(JourneySlice slice, LocalDate today) {
    var period = DayRange.parse("slice.period", slice.getPeriod().getStartDate(), slice.getPeriod().getEndDate(), today);
    return new Slice(period, slice.getChannelsList().stream().map(ProtoChannels::toDomain).toList(),
        slice.getSegmentsList(), slice.getPersonasList());
  }

  public static DateRange range(DayRange range) {
    return DateRange.newBuilder().setStartDate(range.start().toString()).setEndDate(range.end().toString()).build();
  }

  static Interval interval(double low, double high) {
    return Interval.newBuilder().setLow(round(low)).setHigh(round(high)).build();
  }

  static double round(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? 0 : Math.round(value * 100) / 100.0;
  }

  static Change change(Estimate previous, Difference d) {
    return Change.newBuilder().setPreviousValue(round(previous.value())).setPreviousN(previous.n())
        .setDifference(round(d.value())).setDifferenceInterval(interval(d.low(), d.high()))
        .setPValue(Math.round(d.pValue() * 1e6) / 1e6).setSignificant(d.significant()).build();
  }

  static ScoreIndicator score(ScoreStat s) {
    var e = s.estimate();
    var b = ScoreIndicator.newBuilder().setN(e.n()).setValue(round(e.value())).setInterval(interval(e.low(), e.high()))
        .setLowSample(e.lowSample()).setFavourable(s.tally().favourable()).setUnfavourable(s.tally().unfavourable())
        .setMean(round(s.tally().mean())).setScaleMin(s.tally().scaleMin()).setScaleMax(s.tally().scaleMax());
    if (s.change() != null) {
      b.setChange(change(s.previous(), s.change()));
    }
    return b.build();
  }

  static KpiIndicator kpi(KpiStat k) {
    var e = k.estimate();
    var b = KpiIndicator.newBuilder().setBinding(JourneyProtoMapper.toProto(k.binding())).setElementId(k.elementId())
        .setN(e.n()).setValue(round(e.value())).setLowSample(e.lowSample());
    if (!e.isEmpty() && !Double.isNaN(e.low())) {
      b.setInterval(interval(e.low(), e.high()));
    }
    if (!Double.isNaN(k.medianSeconds())) {
      b.setMedianSeconds(round(k.medianSeconds()));
    }
    if (k.change() != null) {
      b.setChange(change(k.previous(), k.change()));
    }
    return b.build();
  }

  private static void scores(PlaceNumbers numbers, java.util.function.Consumer<ScoreIndicator> nps,
      java.util.function.Consumer<ScoreIndicator> csat, java.util.function.Consumer<ScoreIndicator> ces) {
    if (numbers.score(ScoreKind.NPS) != null) {
      nps.accept(score(numbers.score(ScoreKind.NPS)));
    }
    if (numbers.score(ScoreKind.CSAT) != null) {
      csat.accept(score(numbers.score(ScoreKind.CSAT)));
    }
    if (numbers.score(ScoreKind.CES) != null) {
      ces.accept(score(numbers.score(ScoreKind.CES)));
    }
  }

  public static LiveJourney toProto(LiveJourneyView view) {
    var b = LiveJourney.newBuilder()
        .setJourney(JourneyProtoMapper.toProto(view.journey()))
        .setPeriod(range(view.slice().period()))
        .setPreviousPeriod(range(view.slice().period().previous()))
        .setAvailability(view.available() ? Availability.AVAILABILITY_OK : Availability.AVAILABILITY_METRICS_UNAVAILABLE)
        .addAllNotes(view.notes());
    scores(new PlaceNumbers(view.total(), java.util.List.of()), b::setNps, b::setCsat, b::setCes);
    for (var s : view.stages()) {
      var stage = LiveStage.newBuilder().setStageId(s.stage().id()).setName(s.stage().name()).setPosition(s.position())
          .setVolume(s.numbers().volume());
      scores(s.numbers(), stage::setNps, stage::setCsat, stage::setCes);
      s.numbers().kpis().forEach(k -> stage.addKpis(kpi(k)));
      var emotion = EmotionPoint.newBuilder()
          .setExpected(JourneyProtoMapper.toProto(s.stage().hypothesis().expectedEmotion()));
      double expected = s.stage().hypothesis().expectedEmotion().normalized();
      if (!Double.isNaN(expected)) {
        emotion.setExpectedLevel(expected);
      }
      var m = s.satisfaction();
      emotion.setN(m.n()).setLowSample(m.lowSample());
      if (!m.isEmpty()) {
        emotion.setMeasuredValue(round(m.value())).setMeasuredInterval(interval(m.low(), m.high()));
        if (!Double.isNaN(expected)) {
          emotion.setGap(round(m.value() - expected));
        }
      }
      stage.setEmotion(emotion);
      for (var t : s.touchpoints()) {
        var tp = LiveTouchpoint.newBuilder().setTouchpointId(t.touchpoint().id()).setName(t.touchpoint().name())
            .setChannel(ProtoChannels.toProto(t.touchpoint().channel())).setVolume(t.numbers().volume());
        scores(t.numbers(), tp::setNps, tp::setCsat, tp::setCes);
        t.numbers().kpis().forEach(k -> tp.addKpis(kpi(k)));
        stage.addTouchpoints(tp);
      }
      b.addStages(stage);
    }
    return b.build();
  }

  static Money money(double amount, String currency) {
    long cents = Math.round(amount * 100);
    return Money.newBuilder().setCurrencyCode(currency).setUnits(cents / 100).setNanos((int) (cents % 100) * 10_000_000).build();
  }

  static FrictionTheme theme(FrictionView.Theme t) {
    var b = FrictionTheme.newBuilder().setThemeId(t.themeId()).setLabelFr(t.labelFr()).setLabelEn(t.labelEn())
        .setVolume(t.volume()).setNegative(t.negative()).setNegativeShare(Math.round(t.negativeShare() * 1000) / 1000.0);
    if (!Double.isNaN(t.npsImpact())) {
      b.setNpsImpact(round(t.npsImpact())).setNpsImpactInterval(interval(t.npsImpactLow(), t.npsImpactHigh()));
    }
    for (var v : t.samples()) {
      var vb = ThemeVerbatim.newBuilder().setResponseId(v.responseId()).setSurveyId(v.surveyId()).setText(v.text());
      v.highlights().forEach(h -> vb.addHighlights(TextHighlight.newBuilder().setStart(h.start()).setEnd(h.end())
          .setText(h.text())));
      b.addSamples(vb);
    }
    return b.build();
  }

  public static FrictionReport toProto(FrictionView view) {
    var b = FrictionReport.newBuilder()
        .setPeriod(range(view.slice().period()))
        .setPreviousPeriod(range(view.slice().period().previous()))
        .setAvailability(view.available() ? Availability.AVAILABILITY_OK : Availability.AVAILABILITY_METRICS_UNAVAILABLE)
        .setJourneyNps(view.journeyNps() == null ? ScoreIndicator.getDefaultInstance() : score(view.journeyNps()))
        .setMedianStageNps(round(view.medianStageNps()))
        .setMedianTouchpointNps(round(view.medianTouchpointNps()))
        .addAllNotes(view.notes());
    for (var f : view.points()) {
      var e = f.evidence();
      var evidence = FrictionEvidence.newBuilder().setNps(score(e.nps())).setRestOfJourney(score(e.rest()))
          .setGap(round(e.gap().value())).setGapInterval(interval(e.gap().low(), e.gap().high()))
          .setPValue(e.gap().pValue()).setTrend(FrictionTrend.valueOf("FRICTION_TREND_" + e.trend().name()))
          .addAllThemes(e.themes().stream().map(FrictionView.Theme::themeId).toList());
      e.themes().forEach(t -> evidence.addTopThemes(theme(t)));
      e.verbatims().forEach(v -> evidence.addVerbatims(Verbatim.newBuilder().setResponseId(v.responseId())
          .setSurveyId(v.surveyId()).setScore(v.score()).setText(v.text())));
      b.addFrictionPoints(FrictionPoint.newBuilder().setRank(f.rank())
          .setKind(f.place().kind() == FrictionView.Kind.STAGE ? FrictionKind.FRICTION_KIND_STAGE : FrictionKind.FRICTION_KIND_TOUCHPOINT)
          .setStageId(f.place().stageId()).setTouchpointId(f.place().touchpointId()).setName(f.place().name())
          .setFrictionId(f.place().frictionId()).setImpact(round(f.impact().value()))
          .setImpactInterval(interval(f.impact().low(), f.impact().high()))
          .setCustomersAffected(f.customersAffected()).setEvidence(evidence));
      var revenue = f.revenueAtRisk();
      if (revenue != null) {
        var point = b.getFrictionPointsBuilder(b.getFrictionPointsCount() - 1)
            .setIdentifiedCustomers(revenue.identifiedCustomers()).setValuedCustomers(revenue.valuedCustomers());
        if (revenue.valuedCustomers() > 0) {
          point.setRevenueAtRisk(money(revenue.amount(), revenue.currency()));
        }
      }
    }
    for (var d : view.dropOffs()) {
      b.addFunnelDropOffs(FunnelDropOff.newBuilder().setRank(d.rank()).setFunnelId(d.funnelId()).setStep(d.step())
          .setStepOrder(d.stepOrder()).setViewed(d.conversion().n()).setConversion(round(d.conversion().value()))
          .setConversionInterval(interval(d.conversion().low(), d.conversion().high())).setReference(round(d.reference()))
          .setReferenceKind(d.referenceKind()).setPValue(d.pValue()).setLostCompletions(round(d.lostCompletions())));
    }
    return b.build();
  }

  public static io.cxhub.proto.journey.v1.JourneyTables toProto(JourneyTablesView view) {
    var b = io.cxhub.proto.journey.v1.JourneyTables.newBuilder().setPeriod(range(view.slice().period()))
        .setAvailability(view.available() ? Availability.AVAILABILITY_OK : Availability.AVAILABILITY_METRICS_UNAVAILABLE)
        .addAllNotes(view.notes());
    view.irritants().forEach(r -> b.addIrritants(IrritantRow.newBuilder().setStageId(r.stageId())
        .setStageName(r.stageName()).setIrritant(r.irritant()).setFrictionId(r.frictionId()).setImpact(round(r.impact()))
        .setActionId(r.actionId()).setActionTitle(r.actionTitle()).setActionStatus(r.actionStatus())
        .setMeasuredImpact(r.measuredImpact())));
    view.loyalty().forEach(r -> b.addLoyalty(LoyaltyRow.newBuilder().setStageId(r.stageId()).setStageName(r.stageName())
        .setIndicator(r.indicator()).setValue(r.value()).setRecommendedAction(r.recommendedAction())));
    return b.build();
  }

  public static KeyDriverAnalysis toProto(String surveyId, KeyDrivers.Analysis a) {
    var b = KeyDriverAnalysis.newBuilder().setSurveyId(surveyId).setOverallQuestionId(a.overallQuestionId())
        .setN(a.n()).setRSquared(Math.round(a.rSquared() * 10000) / 10000.0).setMethod(KeyDrivers.METHOD)
        .addAllNotes(a.notes());
    a.drivers().forEach(d -> b.addDrivers(KeyDriver.newBuilder().setQuestionId(d.questionId())
        .setImportance(round(d.importance())).setRawWeight(Math.round(d.rawWeight() * 10000) / 10000.0)
        .setCorrelation(Math.round(d.correlation() * 10000) / 10000.0).setPerformance(round(d.performance()))
        .setQuadrant(DriverQuadrant.valueOf("DRIVER_QUADRANT_" + d.quadrant().name()))));
    return b.build();
  }
}
