package io.cxhub.metrics.kpi;

import static io.cxhub.metrics.event.EventCubes.*;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.event.DurationBins;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.rollup.Cube;
import io.cxhub.metrics.rollup.CubeId;
import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.Period;
import io.cxhub.metrics.rollup.PeriodPlan;
import io.cxhub.metrics.rollup.Tally;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.score.Granularity;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operational and loyalty KPIs summed from the event cubes (layout in
 * {@link io.cxhub.metrics.event.EventCubes}): the read fetches the day and month cubes that
 * cover the period, by id, and never touches raw events.
 */
public final class QueryKpis {

  /** Longest range read with day cubes throughout (grouping by day or week). */
  static final int MAX_DAILY_DAYS = 366;

  private static final Comparator<List<String>> KEY_ORDER = Comparator.comparing(k -> String.join("\u0000", k));

  private final Cubes cubes;
  private final TenantZones zones;
  private final Clock clock;

  public QueryKpis(Cubes cubes, TenantZones zones, Clock clock) {
    this.cubes = cubes;
    this.zones = zones;
    this.clock = clock;
  }

  public KpiResults.Report query(String tenantId, KpiQuery query) {
    if (query.groupBy().size() != query.groupBy().stream().distinct().count()) {
      throw InvalidInputException.of("group_by", "names a dimension twice");
    }
    ZoneId zone = zones.zone(tenantId);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    DayRange asked = query.filter().period();
    LocalDate from = asked.start() != null ? asked.start() : firstMonth(tenantId).orElse(today);
    LocalDate to = asked.end() != null ? asked.end() : today;
    if (to.isBefore(from)) {
      throw InvalidInputException.of("filter.period.start_date", "must not be after the end of the period (" + to + ")");
    }
    boolean daily = query.byPeriod() && query.granularity() != Granularity.MONTH;
    if (daily && ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAILY_DAYS) {
      throw InvalidInputException.of("filter.period",
          "covers more than " + MAX_DAILY_DAYS + " days; group by month, or ask for a shorter period");
    }
    List<Period> periods = PeriodPlan.cover(from, to, daily);
    var read = new Read(query, from, to);
    if (query.wants(KpiFamily.SUPPORT)) {
      read(tenantId, SUPPORT, periods).forEach(read::support);
    }
    if (query.wants(KpiFamily.COMMERCE)) {
      read(tenantId, COMMERCE, periods).forEach(read::commerce);
    }
    if (query.wants(KpiFamily.FUNNEL)) {
      read(tenantId, FUNNEL, periods).forEach(read::funnel);
    }
    if (query.wants(KpiFamily.LOYALTY)) {
      for (String family : customerFamilies()) {
        read(tenantId, family, periods).forEach(read::customers);
      }
    }
    return read.report(zone, KpiDefinitions.of(query));
  }

  private java.util.Optional<LocalDate> firstMonth(String tenantId) {
    var months = cubes.months(tenantId);
    return months.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(months.first().period().start());
  }

  private List<Cube> read(String tenantId, String family, List<Period> periods) {
    if (periods.isEmpty()) {
      return List.of();
    }
    var ids = new ArrayList<CubeId>(periods.size());
    periods.forEach(p -> ids.add(new CubeId(tenantId, family, p)));
    return cubes.read(tenantId, ids);
  }

  /** The sums of one read, by group. */
  private static final class Read {
    private final KpiQuery query;
    private final LocalDate from;
    private final LocalDate to;
    private final Map<List<String>, Tally> support = new TreeMap<>(KEY_ORDER);
    private final Map<List<String>, Tally> commerce = new TreeMap<>(KEY_ORDER);
    private Tally supportTotal = Tally.EMPTY;
    private Tally commerceTotal = Tally.EMPTY;
    /** group key → currency → revenue in micros (the currency is a dimension of order cells). */
    private final Map<List<String>, Map<String, Long>> revenue = new TreeMap<>(KEY_ORDER);
    private final Map<String, Long> revenueTotal = new TreeMap<>();
    /** group key → funnel → step (order, name) → tally. */
    private final Map<List<String>, Map<String, Map<StepKey, Tally>>> funnels = new TreeMap<>(KEY_ORDER);
    /** window start → customer → epoch day → orders. */
    private final Map<LocalDate, Map<String, Map<Integer, Long>>> customers = new TreeMap<>();

    Read(KpiQuery query, LocalDate from, LocalDate to) {
      this.query = query;
      this.from = from;
      this.to = to;
    }

    void support(Cube cube) {
      cube.cells().values().forEach(c -> {
        if (query.filter().accepts(c.cell())) {
          support.merge(key(cube, c.cell()), c.tally(), Tally::plus);
          supportTotal = supportTotal.plus(c.tally());
        }
      });
    }

    void commerce(Cube cube) {
      cube.cells().values().forEach(c -> {
        if (query.filter().accepts(c.cell())) {
          var key = key(cube, c.cell());
          commerce.merge(key, c.tally(), Tally::plus);
          commerceTotal = commerceTotal.plus(c.tally());
          String currency = c.cell().get(DIM_CURRENCY);
          long micros = c.tally().counter(REVENUE_MICROS);
          if (!currency.isEmpty() && micros != 0) {
            revenue.computeIfAbsent(key, k -> new TreeMap<>()).merge(currency, micros, Long::sum);
            revenueTotal.merge(currency, micros, Long::sum);
          }
        }
      });
    }

    void funnel(Cube cube) {
      cube.cells().values().forEach(c -> {
        if (query.filter().acceptsFunnel(c.cell())) {
          var step = new StepKey(Integer.parseInt(c.cell().get(DIM_STEP_ORDER)), c.cell().get(DIM_STEP));
          funnels.computeIfAbsent(key(cube, c.cell()), k -> new TreeMap<>())
              .computeIfAbsent(c.cell().get(DIM_FUNNEL), k -> new TreeMap<>())
              .merge(step, c.tally(), Tally::plus);
        }
      });
    }

    void customers(Cube cube) {
      LocalDate window = query.byPeriod() ? query.granularity().periodStart(cube.id().period().start()) : from;
      var byCustomer = customers.computeIfAbsent(window, k -> new HashMap<>());
      cube.cells().values().forEach(c -> {
        var days = byCustomer.computeIfAbsent(c.cell().get(DIM_CUSTOMER), k -> new TreeMap<>());
        c.tally().histogram(ORDER_DAYS).forEach((day, n) -> days.merge(day, n, Long::sum));
      });
    }

    private List<String> key(Cube cube, io.cxhub.metrics.rollup.Cell cell) {
      var key = new ArrayList<String>(query.groupBy().size());
      for (KpiDimension dim : query.groupBy()) {
        key.add(dim == KpiDimension.PERIOD
            ? query.granularity().periodStart(cube.id().period().start()).toString()
            : cell.get(dim.cellDimension()));
      }
      return key;
    }

    KpiResults.Report report(ZoneId zone, List<io.cxhub.metrics.score.MetricDefinition> definitions) {
      var keys = new TreeMap<List<String>, Boolean>(KEY_ORDER);
      support.keySet().forEach(k -> keys.put(k, true));
      commerce.keySet().forEach(k -> keys.put(k, true));
      var cells = new ArrayList<KpiResults.Cell>();
      if (!query.groupBy().isEmpty()) {
        keys.keySet().forEach(k -> cells.add(cell(labels(k), support.getOrDefault(k, Tally.EMPTY),
            commerce.getOrDefault(k, Tally.EMPTY), revenue.getOrDefault(k, Map.of()))));
      }
      var total = cell(Map.of(), supportTotal, commerceTotal, revenueTotal);
      var steps = new ArrayList<KpiResults.FunnelStep>();
      funnels.forEach((key, byFunnel) -> byFunnel.forEach((funnel, bySteps) -> {
        long firstViews = bySteps.values().iterator().next().counter(VIEWED);
        bySteps.forEach((step, tally) -> {
          long viewed = tally.counter(VIEWED);
          long completed = tally.counter(COMPLETED);
          steps.add(new KpiResults.FunnelStep(labels(key), funnel, step.name(), step.order(), viewed, completed,
              Proportion.of(completed, viewed), firstViews == 0 ? 0 : 100.0 * completed / firstViews));
        });
      }));
      return new KpiResults.Report(zone, from, to, definitions, cells, total, steps, loyalty());
    }

    private KpiResults.Cell cell(Map<KpiDimension, String> key, Tally s, Tally c, Map<String, Long> revenue) {
      KpiResults.Support supportKpis = null;
      if (query.wants(KpiFamily.SUPPORT)) {
        long resolved = s.counter(RESOLVED);
        supportKpis = new KpiResults.Support(s.counter(CONTACTS), resolved,
            Proportion.of(s.counter(RESOLVED_FIRST_CONTACT), resolved),
            DurationStats.of(s.counter(AHT_N), s.counter(AHT_SUM), s.histogram(AHT)),
            DurationStats.of(s.counter(FRT_N), s.counter(FRT_SUM), s.histogram(FRT)),
            resolved == 0 ? 0 : (double) s.counter(CONTACTS_OF_RESOLVED) / resolved);
      }
      KpiResults.Commerce commerceKpis = null;
      if (query.wants(KpiFamily.COMMERCE)) {
        long visits = c.counter(VISITS);
        long orders = c.counter(ORDERS);
        commerceKpis = new KpiResults.Commerce(visits, orders, new TreeMap<>(revenue),
            visits == 0 ? 0 : (double) orders / visits);
      }
      return new KpiResults.Cell(key, supportKpis, commerceKpis);
    }

    private Map<KpiDimension, String> labels(List<String> key) {
      var labels = new LinkedHashMap<KpiDimension, String>();
      for (int i = 0; i < key.size(); i++) {
        labels.put(query.groupBy().get(i), key.get(i));
      }
      return labels;
    }

    private List<KpiResults.Loyalty> loyalty() {
      var result = new ArrayList<KpiResults.Loyalty>();
      if (!query.wants(KpiFamily.LOYALTY)) {
        return result;
      }
      // every window is reported, with or without orders
      if (query.byPeriod()) {
        for (LocalDate p = query.granularity().periodStart(from); !p.isAfter(to); p = periodEnd(p).plusDays(1)) {
          customers.putIfAbsent(p, Map.of());
        }
      } else {
        customers.putIfAbsent(from, Map.of());
      }
      customers.forEach((start, byCustomer) -> {
        LocalDate windowFrom = start.isBefore(from) ? from : start;
        LocalDate windowTo = query.byPeriod() ? periodEnd(start) : to;
        if (windowTo.isAfter(to)) {
          windowTo = to;
        }
        long ordering = 0;
        long repeat = 0;
        long gaps = 0;
        long gapDays = 0;
        var gapBins = new TreeMap<Integer, Long>();
        for (var days : byCustomer.values()) {
          long orders = days.values().stream().mapToLong(Long::longValue).sum();
          if (orders == 0) {
            continue;
          }
          ordering++;
          if (orders >= 2) {
            repeat++;
            Integer previous = null;
            for (var entry : days.entrySet()) {
              if (previous != null) {
                int gap = entry.getKey() - previous;
                gaps++;
                gapDays += gap;
                gapBins.merge(DurationBins.bin(gap), 1L, Long::sum);
              }
              // orders on the same day are 0 days apart
              if (entry.getValue() > 1) {
                gaps += entry.getValue() - 1;
                gapBins.merge(DurationBins.bin(0), entry.getValue() - 1, Long::sum);
              }
              previous = entry.getKey();
            }
          }
        }
        var cycle = new KpiResults.PurchaseCycle(gaps, gaps == 0 ? 0 : (double) gapDays / gaps,
            gaps == 0 ? 0 : DurationBins.percentiles(gapBins).median(), repeat);
        result.add(new KpiResults.Loyalty(windowFrom, windowTo, Proportion.of(repeat, ordering), cycle));
      });
      return result;
    }

    private LocalDate periodEnd(LocalDate start) {
      return switch (query.granularity()) {
        case DAY -> start;
        case WEEK -> start.plusDays(6);
        case MONTH -> start.plusMonths(1).minusDays(1);
      };
    }
  }

  /** A funnel step, ordered by position then name. */
  private record StepKey(int order, String name) implements Comparable<StepKey> {
    @Override
    public int compareTo(StepKey other) {
      int byOrder = Integer.compare(order, other.order);
      return byOrder != 0 ? byOrder : name.compareTo(other.name);
    }
  }
}
