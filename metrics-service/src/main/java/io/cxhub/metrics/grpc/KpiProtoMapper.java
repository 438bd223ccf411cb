package io.cxhub.metrics.grpc;

import com.google.type.Money;
import io.cxhub.kit.error.Violations;
import io.cxhub.metrics.event.Amount;
import io.cxhub.metrics.kpi.DurationStats;
import io.cxhub.metrics.kpi.KpiDimension;
import io.cxhub.metrics.kpi.KpiFamily;
import io.cxhub.metrics.kpi.KpiFilter;
import io.cxhub.metrics.kpi.KpiQuery;
import io.cxhub.metrics.kpi.KpiResults;
import io.cxhub.metrics.kpi.Proportion;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.score.Granularity;
import io.cxhub.proto.common.v1.DateRange;
import io.cxhub.proto.metrics.v1.CommerceKpis;
import io.cxhub.proto.metrics.v1.ConfidenceInterval;
import io.cxhub.proto.metrics.v1.FunnelStepKpis;
import io.cxhub.proto.metrics.v1.KpiCell;
import io.cxhub.proto.metrics.v1.KpiDefinition;
import io.cxhub.proto.metrics.v1.KpiDimensionValue;
import io.cxhub.proto.metrics.v1.KpiGranularity;
import io.cxhub.proto.metrics.v1.LoyaltyKpis;
import io.cxhub.proto.metrics.v1.PurchaseCycle;
import io.cxhub.proto.metrics.v1.QueryKpisRequest;
import io.cxhub.proto.metrics.v1.QueryKpisResponse;
import io.cxhub.proto.metrics.v1.SupportKpis;
import io.cxhub.metrics.ingest.Profile;
import io.cxhub.proto.persona.v1.ValueTier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** cx.metrics.v1 KPI messages to and from the domain. */
final class KpiProtoMapper {

  /** Longest segment or persona id in a filter, as elsewhere in the metrics contracts. */
  private static final int MAX_ID = 128;

  /**
   * The value tiers a filter may name: persona-service's tiers as slicing values
   * ({@code VALUE_TIER_AT_RISK} → {@code at_risk}, as recorded) and {@code unassigned}.
   */
  static final Set<String> VALUE_TIERS = valueTiers();

  private KpiProtoMapper() {}

  private static Set<String> valueTiers() {
    var tiers = new TreeSet<String>();
    for (ValueTier tier : ValueTier.values()) {
      if (tier != ValueTier.VALUE_TIER_UNSPECIFIED && tier != ValueTier.UNRECOGNIZED) {
        tiers.add(tier.name().substring("VALUE_TIER_".length()).toLowerCase(Locale.ROOT));
      }
    }
    tiers.add(Profile.UNASSIGNED_VALUE);
    return Collections.unmodifiableSet(tiers);
  }

  private static void checkIds(String field, List<String> ids, Violations violations) {
    for (int i = 0; i < ids.size(); i++) {
      violations.requireText(field + "[" + i + "]", ids.get(i), MAX_ID);
    }
  }

  static KpiQuery toQuery(QueryKpisRequest request) {
    var violations = new Violations();
    var f = request.getFilter();
    var channels = new HashSet<String>();
    f.getChannelsList().forEach(c -> channels.add(MetricsProtoMapper.channel(c)));
    DayRange period = DayRange.parse(f.getPeriod().getStartDate(), f.getPeriod().getEndDate(), "filter.period", violations);
    checkIds("filter.segments", f.getSegmentsList(), violations);
    checkIds("filter.personas", f.getPersonasList(), violations);
    for (int i = 0; i < f.getValueTiersCount(); i++) {
      if (!VALUE_TIERS.contains(f.getValueTiers(i))) {
        violations.add("filter.value_tiers[" + i + "]", "must be one of " + VALUE_TIERS + ", not '"
            + f.getValueTiers(i) + "'");
      }
    }
    var filter = KpiFilter.builder().period(period).channels(channels).teams(f.getTeamsList())
        .stages(f.getStagesList()).touchpoints(f.getTouchpointsList()).funnelIds(f.getFunnelIdsList())
        .segments(f.getSegmentsList()).personas(f.getPersonasList()).valueTiers(f.getValueTiersList()).build();
    var groupBy = new ArrayList<KpiDimension>();
    for (int i = 0; i < request.getGroupByCount(); i++) {
      switch (request.getGroupBy(i)) {
        case KPI_DIMENSION_PERIOD -> groupBy.add(KpiDimension.PERIOD);
        case KPI_DIMENSION_CHANNEL -> groupBy.add(KpiDimension.CHANNEL);
        case KPI_DIMENSION_TEAM -> groupBy.add(KpiDimension.TEAM);
        case KPI_DIMENSION_STAGE -> groupBy.add(KpiDimension.STAGE);
        case KPI_DIMENSION_TOUCHPOINT -> groupBy.add(KpiDimension.TOUCHPOINT);
        case KPI_DIMENSION_SEGMENT -> groupBy.add(KpiDimension.SEGMENT);
        case KPI_DIMENSION_PERSONA -> groupBy.add(KpiDimension.PERSONA);
        case KPI_DIMENSION_VALUE_TIER -> groupBy.add(KpiDimension.VALUE_TIER);
        default -> violations.add("group_by[" + i + "]", "must be a known dimension");
      }
    }
    var families = EnumSet.noneOf(KpiFamily.class);
    for (int i = 0; i < request.getFamiliesCount(); i++) {
      switch (request.getFamilies(i)) {
        case KPI_FAMILY_SUPPORT -> families.add(KpiFamily.SUPPORT);
        case KPI_FAMILY_COMMERCE -> families.add(KpiFamily.COMMERCE);
        case KPI_FAMILY_FUNNEL -> families.add(KpiFamily.FUNNEL);
        case KPI_FAMILY_LOYALTY -> families.add(KpiFamily.LOYALTY);
        default -> violations.add("families[" + i + "]", "must be a known KPI family");
      }
    }
    violations.throwIfAny();
    return new KpiQuery(filter, groupBy, granularity(request.getGranularity()), families);
  }

  private static Granularity granularity(KpiGranularity g) {
    return switch (g) {
      case KPI_GRANULARITY_DAY -> Granularity.DAY;
      case KPI_GRANULARITY_WEEK -> Granularity.WEEK;
      default -> Granularity.MONTH;
    };
  }

  static QueryKpisResponse toProto(KpiResults.Report report) {
    var response = QueryKpisResponse.newBuilder()
        .setTimeZone(report.zone().normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : report.zone().getId())
        .setPeriod(DateRange.newBuilder().setStartDate(report.from().toString()).setEndDate(report.to().toString()));
    report.definitions().forEach(d -> response.addDefinitions(
        KpiDefinition.newBuilder().setId(d.id()).setVersion(d.version()).setText(d.text())));
    report.cells().forEach(c -> response.addCells(toProto(c)));
    response.setTotal(toProto(report.total()));
    report.funnelSteps().forEach(s -> {
      var step = FunnelStepKpis.newBuilder()
          .setFunnelId(s.funnelId()).setStep(s.step()).setStepOrder(s.stepOrder())
          .setViewed(s.viewed()).setCompleted(s.completed())
          .setConversion(toProto(s.conversion()))
          .setFromFirstStep(s.fromFirstStep());
      addKey(s.key(), step::addKey);
      response.addFunnelSteps(step);
    });
    report.loyalty().forEach(l -> response.addLoyalty(LoyaltyKpis.newBuilder()
        .setWindow(DateRange.newBuilder().setStartDate(l.from().toString()).setEndDate(l.to().toString()))
        .setRepurchase(toProto(l.repurchase()))
        .setPurchaseCycle(PurchaseCycle.newBuilder()
            .setN(l.purchaseCycle().n())
            .setMeanDays(l.purchaseCycle().meanDays())
            .setMedianDays(l.purchaseCycle().medianDays())
            .setCustomers(l.purchaseCycle().customers()))));
    return response.build();
  }

  private static KpiCell toProto(KpiResults.Cell cell) {
    var proto = KpiCell.newBuilder();
    addKey(cell.key(), proto::addKey);
    if (cell.support() != null) {
      var s = cell.support();
      proto.setSupport(SupportKpis.newBuilder()
          .setContacts(s.contacts())
          .setResolved(s.resolved())
          .setFcr(toProto(s.fcr()))
          .setAht(toProto(s.aht()))
          .setFrt(toProto(s.frt()))
          .setContactsPerResolution(s.contactsPerResolution()));
    }
    if (cell.commerce() != null) {
      var c = cell.commerce();
      var commerce = CommerceKpis.newBuilder().setVisits(c.visits()).setOrders(c.orders())
          .setOrdersPerVisit(c.ordersPerVisit());
      c.revenueMicros().forEach((currency, micros) -> commerce.addRevenue(Money.newBuilder()
          .setCurrencyCode(currency).setUnits(Amount.unitsOf(micros)).setNanos(Amount.nanosOf(micros))));
      proto.setCommerce(commerce);
    }
    return proto.build();
  }

  private static void addKey(Map<KpiDimension, String> key, java.util.function.Consumer<KpiDimensionValue> add) {
    key.forEach((dim, value) -> add.accept(KpiDimensionValue.newBuilder()
        .setDimension(io.cxhub.proto.metrics.v1.KpiDimension.valueOf("KPI_DIMENSION_" + dim.name()))
        .setValue(value).build()));
  }

  private static io.cxhub.proto.metrics.v1.Proportion toProto(Proportion p) {
    return io.cxhub.proto.metrics.v1.Proportion.newBuilder()
        .setN(p.n()).setCount(p.count()).setValue(p.value())
        .setInterval(ConfidenceInterval.newBuilder().setLow(p.interval().low()).setHigh(p.interval().high()))
        .setMarginOfError(p.marginOfError())
        .setLowSample(p.lowSample())
        .build();
  }

  private static io.cxhub.proto.metrics.v1.DurationStats toProto(DurationStats d) {
    return io.cxhub.proto.metrics.v1.DurationStats.newBuilder()
        .setN(d.n()).setMeanSeconds(d.mean()).setMedianSeconds(d.median()).setP90Seconds(d.p90())
        .setLowSample(d.lowSample())
        .build();
  }
}
