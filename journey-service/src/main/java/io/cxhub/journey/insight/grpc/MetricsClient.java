package io.cxhub.journey.insight.grpc;

import io.cxhub.journey.insight.DayRange;
import io.cxhub.journey.insight.FrictionView;
import io.cxhub.journey.insight.Indicators;
import io.cxhub.journey.insight.TextThemes;
import io.cxhub.journey.insight.Readings;
import io.cxhub.journey.insight.Readings.Durations;
import io.cxhub.journey.insight.Readings.FunnelStep;
import io.cxhub.journey.insight.Readings.ScoreCell;
import io.cxhub.journey.insight.Readings.TeamSupport;
import io.cxhub.journey.insight.ScoreKind;
import io.cxhub.journey.insight.Slice;
import io.cxhub.journey.insight.Tally;
import io.cxhub.kit.grpc.Peer;
import io.cxhub.kit.grpc.PeerCallException;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.metrics.v1.KpiDimension;
import io.cxhub.proto.metrics.v1.KpiFamily;
import io.cxhub.proto.metrics.v1.KpiFilter;
import io.cxhub.proto.metrics.v1.KpiServiceGrpc;
import io.cxhub.proto.metrics.v1.ListPlaceThemesRequest;
import io.cxhub.proto.metrics.v1.PlaceTheme;
import io.cxhub.proto.metrics.v1.TextAnalyticsServiceGrpc;
import io.cxhub.proto.metrics.v1.ThemePlace;
import io.cxhub.proto.metrics.v1.QueryKpisRequest;
import io.cxhub.proto.metrics.v1.QueryKpisResponse;
import io.cxhub.proto.metrics.v1.QueryScoresRequest;
import io.cxhub.proto.metrics.v1.QueryScoresResponse;
import io.cxhub.proto.metrics.v1.ScoreDimension;
import io.cxhub.proto.metrics.v1.ScoreFilter;
import io.cxhub.proto.metrics.v1.ScoreMetric;
import io.cxhub.proto.metrics.v1.ScoreServiceGrpc;
import io.cxhub.proto.metrics.v1.ScoreValue;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client of metrics-service's score and KPI reads: owns the stubs, the per-call
 * deadline, the Resilience4j circuit breaker {@code metrics} and a small pool that sends
 * the calls of one read in parallel (per slice: NPS, CSAT and CES by stage × touchpoint,
 * support KPIs by team, funnel steps by stage).
 *
 * <p>Fallback: when the circuit is open or a call fails, times out or is refused, the read
 * fails with {@link IndicatorsUnavailableException}; the use cases turn it into a degraded
 * answer (the map without numbers), never a 5xx.
 */
public final class MetricsClient implements Indicators, TextThemes, AutoCloseable {

  private final Channel channel;
  private final ScoreServiceGrpc.ScoreServiceBlockingStub scores;
  private final KpiServiceGrpc.KpiServiceBlockingStub kpis;
  private final TextAnalyticsServiceGrpc.TextAnalyticsServiceBlockingStub text;
  private final Peer peer;
  private final ExecutorService pool;

  /** @param channel the channel to metrics-service; its owner shuts it down */
  public MetricsClient(Channel channel, CircuitBreaker circuitBreaker, Duration deadline, int parallelism) {
    this.channel = channel;
    this.scores = ScoreServiceGrpc.newBlockingStub(channel);
    this.kpis = KpiServiceGrpc.newBlockingStub(channel);
    this.text = TextAnalyticsServiceGrpc.newBlockingStub(channel);
    this.peer = new Peer("metrics-service", circuitBreaker, deadline);
    var count = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(parallelism, r -> {
      var thread = new Thread(r, "metrics-client-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public List<Readings> read(String tenantId, List<Slice> slices, Need need) {
    if (channel instanceof ManagedChannel managed && managed.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      managed.resetConnectBackoff();
    }
    // the caller's context (request id, cancellation) follows each call into the pool
    var context = Context.current();
    var scoreCalls = new ArrayList<List<Future<QueryScoresResponse>>>();
    var supportCalls = new ArrayList<Future<QueryKpisResponse>>();
    var funnelCalls = new ArrayList<Future<QueryKpisResponse>>();
    for (var slice : slices) {
      var perKind = new ArrayList<Future<QueryScoresResponse>>();
      for (var kind : ScoreKind.values()) {
        if (!need.kinds().contains(kind)) {
          perKind.add(null);
          continue;
        }
        var request = scoreRequest(kind, slice);
        perKind.add(submit(context.wrap(() -> peer.call(tenantId, scores, s -> s.queryScores(request)))));
      }
      scoreCalls.add(perKind);
      var support = kpiRequest(slice, KpiFamily.KPI_FAMILY_SUPPORT, KpiDimension.KPI_DIMENSION_TEAM);
      supportCalls.add(!need.support() ? null
          : submit(context.wrap(() -> peer.call(tenantId, kpis, k -> k.queryKpis(support)))));
      var funnel = kpiRequest(slice, KpiFamily.KPI_FAMILY_FUNNEL, KpiDimension.KPI_DIMENSION_STAGE);
      funnelCalls.add(!need.funnel() ? null
          : submit(context.wrap(() -> peer.call(tenantId, kpis, k -> k.queryKpis(funnel)))));
    }
    var readings = new ArrayList<Readings>();
    for (int i = 0; i < slices.size(); i++) {
      var cells = new EnumMap<ScoreKind, List<ScoreCell>>(ScoreKind.class);
      for (var kind : ScoreKind.values()) {
        var call = scoreCalls.get(i).get(kind.ordinal());
        cells.put(kind, call == null ? List.of() : toCells(await(call)));
      }
      var support = supportCalls.get(i);
      var funnel = funnelCalls.get(i);
      readings.add(new Readings(cells, support == null ? List.of() : toTeams(await(support)),
          funnel == null ? List.of() : toFunnel(await(funnel))));
    }
    return readings;
  }

  @Override
  public List<PlaceThemes> top(String tenantId, DayRange period, List<Place> places, int top, int samples) {
    var request = ListPlaceThemesRequest.newBuilder().setFrom(period.start().toString()).setTo(period.end().toString())
        .setTop(top).setSamples(samples);
    places.forEach(p -> request.addPlaces(ThemePlace.newBuilder().setId(p.id()).addAllStageIds(p.stageIds())
        .addAllTouchpointIds(p.touchpointIds())));
    var answer = await(submit(Context.current().wrap(
        () -> peer.call(tenantId, text, t -> t.listPlaceThemes(request.build())))));
    var found = new ArrayList<PlaceThemes>();
    for (var p : answer.getPlacesList()) {
      found.add(new PlaceThemes(p.getId(), p.getComments(), p.getThemesList().stream().map(MetricsClient::theme).toList()));
    }
    return found;
  }

  static FrictionView.Theme theme(PlaceTheme t) {
    var s = t.getStat();
    var impact = s.getNpsImpact();
    var samples = t.getSamplesList().stream().map(v -> new FrictionView.ThemeSample(v.getResponseId(), v.getSurveyId(),
        v.getText(), v.getHighlightsList().stream()
            .map(h -> new FrictionView.Highlight(h.getStart(), h.getEnd(), h.getText())).toList())).toList();
    return new FrictionView.Theme(s.getThemeId(), s.getLabelFr(), s.getLabelEn(), s.getVolume(), s.getNegative(),
        t.getNegativeShare(), impact.getKnown() ? impact.getDifference() : Double.NaN,
        impact.getKnown() ? impact.getLow() : Double.NaN, impact.getKnown() ? impact.getHigh() : Double.NaN, samples);
  }

  private <T> Future<T> submit(Callable<T> call) {
    return pool.submit(call);
  }

  private <T> T await(Future<T> future) {
    try {
      // every call has its own deadline; this bound only guards against a stuck pool
      return future.get(peer.deadline().toMillis() * 4 + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      var cause = e.getCause();
      if (cause instanceof PeerCallException failure) {
        throw new IndicatorsUnavailableException(failure.getMessage(), failure);
      }
      throw new IndicatorsUnavailableException("metrics-service read failed: " + cause, cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new IndicatorsUnavailableException("metrics-service read timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndicatorsUnavailableException("interrupted", e);
    }
  }

  static QueryScoresRequest scoreRequest(ScoreKind kind, Slice slice) {
    var filter = ScoreFilter.newBuilder()
        .setPeriod(range(slice))
        .addAllSegments(slice.segments())
        .addAllPersonas(slice.personas());
    slice.channels().forEach(c -> filter.addChannels(ProtoChannels.toProto(c)));
    return QueryScoresRequest.newBuilder()
        .setMetric(ScoreMetric.valueOf("SCORE_METRIC_" + kind.name()))
        .setFilter(filter)
        .addGroupBy(ScoreDimension.SCORE_DIMENSION_STAGE)
        .addGroupBy(ScoreDimension.SCORE_DIMENSION_TOUCHPOINT)
        .build();
  }

  static QueryKpisRequest kpiRequest(Slice slice, KpiFamily family, KpiDimension dimension) {
    var filter = KpiFilter.newBuilder().setPeriod(range(slice));
    slice.channels().forEach(c -> filter.addChannels(ProtoChannels.toProto(c)));
    return QueryKpisRequest.newBuilder().setFilter(filter).addGroupBy(dimension).addFamilies(family).build();
  }

  private static DateRange range(Slice slice) {
    return DateRange.newBuilder().setStartDate(slice.period().start().toString())
        .setEndDate(slice.period().end().toString()).build();
  }

  static List<ScoreCell> toCells(QueryScoresResponse response) {
    var cells = new ArrayList<ScoreCell>();
    for (var cell : response.getCellsList()) {
      String stage = cell.getKeyCount() > 0 ? cell.getKey(0).getValue() : "";
      String touchpoint = cell.getKeyCount() > 1 ? cell.getKey(1).getValue() : "";
      var tally = toTally(cell.getScore());
      if (tally != null) {
        cells.add(new ScoreCell(stage, touchpoint, tally));
      }
    }
    return cells;
  }

  static Tally toTally(ScoreValue value) {
    if (value.getN() == 0 || value.getScaleMax() < value.getScaleMin()) {
      return null;
    }
    long[] counts = new long[value.getScaleMax() - value.getScaleMin() + 1];
    for (var bin : value.getDistributionList()) {
      int index = bin.getScore() - value.getScaleMin();
      if (index >= 0 && index < counts.length) {
        counts[index] += bin.getCount();
      }
    }
    return new Tally(value.getScaleMin(), value.getScaleMax(), counts, value.getFavourable(), value.getUnfavourable());
  }

  static List<TeamSupport> toTeams(QueryKpisResponse response) {
    var teams = new ArrayList<TeamSupport>();
    for (var cell : response.getCellsList()) {
      if (!cell.hasSupport()) {
        continue;
      }
      var s = cell.getSupport();
      String team = cell.getKeyCount() > 0 ? cell.getKey(0).getValue() : "";
      teams.add(new TeamSupport(team, s.getFcr().getN(), s.getFcr().getCount(),
          new Durations(s.getAht().getN(), s.getAht().getMeanSeconds(), s.getAht().getMedianSeconds()),
          new Durations(s.getFrt().getN(), s.getFrt().getMeanSeconds(), s.getFrt().getMedianSeconds())));
    }
    return teams;
  }

  static List<FunnelStep> toFunnel(QueryKpisResponse response) {
    return response.getFunnelStepsList().stream().map(f -> new FunnelStep(
        f.getKeyCount() > 0 ? f.getKey(0).getValue() : "", f.getFunnelId(), f.getStep(), f.getStepOrder(),
        f.getViewed(), f.getCompleted())).toList();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
