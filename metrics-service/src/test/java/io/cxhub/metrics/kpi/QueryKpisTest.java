package io.cxhub.metrics.kpi;

import static io.cxhub.metrics.event.EventFixtures.contact;
import static io.cxhub.metrics.event.EventFixtures.firstResponse;
import static io.cxhub.metrics.event.EventFixtures.order;
import static io.cxhub.metrics.event.EventFixtures.resolved;
import static io.cxhub.metrics.event.EventFixtures.step;
import static io.cxhub.metrics.event.EventFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.event.BusinessEvent;
import io.cxhub.metrics.nps.DayRange;
import io.cxhub.metrics.rollup.Period;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.score.Granularity;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueryKpisTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);
  private static final long EUR_10_50 = 10_500_000;

  private final ContributedCubes cubes = new ContributedCubes();
  private final QueryKpis kpis = new QueryKpis(cubes, TenantZones.UTC, CLOCK);

  private static Instant march(int day) {
    return Instant.parse(String.format("2026-03-%02dT10:00:00Z", day));
  }

  private static KpiQuery query(LocalDate from, LocalDate to, List<KpiDimension> groupBy, Granularity granularity,
      KpiFamily... families) {
    return new KpiQuery(KpiFilter.ALL.withPeriod(new DayRange(from, to)), groupBy, granularity, Set.of(families));
  }

  private static KpiQuery march(KpiFamily family, KpiDimension... groupBy) {
    return query(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), List.of(groupBy), Granularity.MONTH, family);
  }

  /**
   * Ten resolutions: handling 60 s × i, contact count 1 for i ≤ 8, then 2 and 3; odd i on the
   * SUPPORT channel (team n1), even i by EMAIL (team n2). Four first responses 30 to 120 s.
   */
  private void supportMarch() {
    var events = new ArrayList<BusinessEvent>();
    for (int i = 1; i <= 10; i++) {
      boolean odd = i % 2 == 1;
      events.add(resolved("r" + i, march(i), odd ? Channel.SUPPORT : Channel.EMAIL, odd ? "n1" : "n2",
          i <= 8 ? 1 : i - 7, 60L * i));
    }
    for (int i = 1; i <= 4; i++) {
      events.add(firstResponse("f" + i, march(i), 30L * i, Channel.SUPPORT));
    }
    events.add(contact("c1", march(1), Channel.SUPPORT, "n1"));
    events.add(contact("c2", march(2), Channel.SUPPORT, "n1"));
    events.add(contact("c3", march(3), Channel.EMAIL, "n2"));
    cubes.add("acme", ZoneOffset.UTC, events);
  }

  @Nested
  class Support {

    @Test
    void fcrIsTheShareOfResolutionsAtTheFirstContactWithItsWilsonInterval() {
      supportMarch();

      var support = kpis.query("acme", march(KpiFamily.SUPPORT)).total().support();

      // 8 of 10: Wilson (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n) = [49.02, 94.33]
      assertThat(support.resolved()).isEqualTo(10);
      assertThat(support.fcr().n()).isEqualTo(10);
      assertThat(support.fcr().count()).isEqualTo(8);
      assertThat(support.fcr().value()).isEqualTo(80.0);
      assertThat(support.fcr().interval().low()).isCloseTo(49.02, within(0.01));
      assertThat(support.fcr().interval().high()).isCloseTo(94.33, within(0.01));
      assertThat(support.fcr().lowSample()).isTrue();
      assertThat(support.contactsPerResolution()).isCloseTo(1.3, within(1e-9));
      assertThat(support.contacts()).isEqualTo(3);
    }

    @Test
    void ahtHasAnExactMeanAndMedianAndP90WithinOnePercent() {
      supportMarch();

      var aht = kpis.query("acme", march(KpiFamily.SUPPORT)).total().support().aht();

      // 60, 120, …, 600 s: mean 330; nearest rank: median the 5th (300), p90 the 9th (540)
      assertThat(aht.n()).isEqualTo(10);
      assertThat(aht.mean()).isEqualTo(330.0);
      assertThat(aht.median()).isCloseTo(300, Percentage.withPercentage(1));
      assertThat(aht.p90()).isCloseTo(540, Percentage.withPercentage(1));
    }

    @Test
    void frtBelow256SecondsIsExact() {
      supportMarch();

      var frt = kpis.query("acme", march(KpiFamily.SUPPORT)).total().support().frt();

      // 30, 60, 90, 120 s: median the 2nd, p90 the 4th
      assertThat(frt.n()).isEqualTo(4);
      assertThat(frt.mean()).isEqualTo(75.0);
      assertThat(frt.median()).isEqualTo(60.0);
      assertThat(frt.p90()).isEqualTo(120.0);
    }

    @Test
    void groupsByChannelAndTeamAndFilters() {
      supportMarch();

      var report = kpis.query("acme", march(KpiFamily.SUPPORT, KpiDimension.CHANNEL, KpiDimension.TEAM));

      // the first responses name no team: they are a group of their own, with an empty team
      assertThat(report.cells()).extracting(KpiResults.Cell::key).containsExactly(
          Map.of(KpiDimension.CHANNEL, "EMAIL", KpiDimension.TEAM, "n2"),
          Map.of(KpiDimension.CHANNEL, "SUPPORT", KpiDimension.TEAM, ""),
          Map.of(KpiDimension.CHANNEL, "SUPPORT", KpiDimension.TEAM, "n1"));
      // EMAIL: i = 2, 4, 6, 8, 10 → 4 of 5 at the first contact; SUPPORT: 1, 3, 5, 7, 9 → 4 of 5
      assertThat(report.cells()).extracting(cell -> cell.support().fcr().count() + "/" + cell.support().fcr().n())
          .containsExactly("4/5", "0/0", "4/5");
      assertThat(report.cells().get(0).support().aht().mean()).isEqualTo(360.0);
      assertThat(report.cells().get(1).support().frt().n()).isEqualTo(4);

      var filter = KpiFilter.builder().period(new DayRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)))
          .channels(Set.of("EMAIL")).build();
      var email = kpis.query("acme", new KpiQuery(filter, List.of(), Granularity.MONTH, Set.of(KpiFamily.SUPPORT)));
      assertThat(email.total().support().resolved()).isEqualTo(5);
      assertThat(email.cells()).isEmpty();
    }

    @Test
    void daysAreTheTenantsLocalDays() {
      var paris = new QueryKpis(cubes, tenant -> ZoneId.of("Europe/Paris"), CLOCK);
      // 22:30 UTC on 31 March is 00:30 on 1 April in Paris
      cubes.add("acme", ZoneId.of("Europe/Paris"),
          List.of(resolved("late", Instant.parse("2026-03-31T22:30:00Z"), Channel.SUPPORT, "n1", 1, 60L)));

      var april = paris.query("acme", query(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), List.of(),
          Granularity.MONTH, KpiFamily.SUPPORT));

      assertThat(april.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
      assertThat(april.total().support().resolved()).isEqualTo(1);
    }
  }

  @Nested
  class Funnels {

    @Test
    void conversionPerStepAndFromTheFirstStep() {
      var events = new ArrayList<BusinessEvent>();
      int[][] counts = {{100, 60}, {60, 45}}; // views, completions of cart (1) and payment (2)
      String[] steps = {"cart", "payment"};
      for (int s = 0; s < 2; s++) {
        for (int i = 0; i < counts[s][0]; i++) {
          events.add(step("v" + s + "-" + i, march(3), false, "checkout", steps[s], s + 1));
        }
        for (int i = 0; i < counts[s][1]; i++) {
          events.add(step("d" + s + "-" + i, march(4), true, "checkout", steps[s], s + 1));
        }
      }
      cubes.add("acme", ZoneOffset.UTC, events);

      var steps2 = kpis.query("acme", march(KpiFamily.FUNNEL)).funnelSteps();

      assertThat(steps2).extracting(KpiResults.FunnelStep::step).containsExactly("cart", "payment");
      var cart = steps2.get(0);
      var payment = steps2.get(1);
      assertThat(cart.conversion().value()).isEqualTo(60.0);
      assertThat(cart.conversion().n()).isEqualTo(100);
      assertThat(payment.conversion().value()).isEqualTo(75.0);
      assertThat(payment.fromFirstStep()).isEqualTo(45.0);
      // Wilson 45 of 60 = 75%: [62.8, 84.2]
      assertThat(payment.conversion().interval().low()).isCloseTo(62.76, within(0.01));
      assertThat(payment.conversion().interval().high()).isCloseTo(84.23, within(0.01));
    }
  }

  @Nested
  class Loyalty {

    /**
     * c1 orders on 2, 12 and 22 March; c2 twice on 5 March; c3 on 10 March; c4 on 20 February
     * and 15 March; c5 on 31 March and 2 April (in USD). Sixteen visits in March.
     */
    private void orders() {
      var events = new ArrayList<BusinessEvent>(List.of(
          order("o1", march(2), "c1", "EUR", EUR_10_50),
          order("o2", march(12), "c1", "EUR", EUR_10_50),
          order("o3", march(22), "c1", "EUR", EUR_10_50),
          order("o4", march(5), "c2", "EUR", EUR_10_50),
          order("o5", march(5).plusSeconds(3600), "c2", "EUR", EUR_10_50),
          order("o6", march(10), "c3", "EUR", EUR_10_50),
          order("o7", Instant.parse("2026-02-20T10:00:00Z"), "c4", "EUR", EUR_10_50),
          order("o8", march(15), "c4", "EUR", EUR_10_50),
          order("o9", march(31), "c5", "USD", 20_250_000),
          order("o10", Instant.parse("2026-04-02T10:00:00Z"), "c5", "USD", 20_250_000)));
      for (int i = 1; i <= 16; i++) {
        events.add(visit("v" + i, march(i), Channel.WEB_WIDGET));
      }
      cubes.add("acme", ZoneOffset.UTC, events);
    }

    @Test
    void repurchaseRateCountsCustomersWithTwoOrdersInTheWindow() {
      orders();

      var march = kpis.query("acme", march(KpiFamily.LOYALTY)).loyalty();

      // ordering in March: c1..c5 (5); twice or more in March: c1, c2 (c4 and c5 have one order in March)
      assertThat(march).hasSize(1);
      assertThat(march.get(0).from()).isEqualTo(LocalDate.of(2026, 3, 1));
      assertThat(march.get(0).to()).isEqualTo(LocalDate.of(2026, 3, 31));
      assertThat(march.get(0).repurchase().n()).isEqualTo(5);
      assertThat(march.get(0).repurchase().count()).isEqualTo(2);
      assertThat(march.get(0).repurchase().value()).isEqualTo(40.0);
    }

    @Test
    void purchaseCycleIsTheMeanGapBetweenConsecutiveOrdersInTheWindow() {
      orders();

      var cycle = kpis.query("acme", march(KpiFamily.LOYALTY)).loyalty().get(0).purchaseCycle();

      // c1: 10 and 10 days; c2: 0 days (same day)
      assertThat(cycle.n()).isEqualTo(3);
      assertThat(cycle.customers()).isEqualTo(2);
      assertThat(cycle.meanDays()).isCloseTo(20.0 / 3, within(1e-9));
      assertThat(cycle.medianDays()).isEqualTo(10.0);
    }

    @Test
    void aWiderWindowSeesTheOrdersAcrossMonths() {
      orders();

      var whole = kpis.query("acme", query(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30), List.of(),
          Granularity.MONTH, KpiFamily.LOYALTY)).loyalty();
      var byMonth = kpis.query("acme", query(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30),
          List.of(KpiDimension.PERIOD), Granularity.MONTH, KpiFamily.LOYALTY)).loyalty();

      // February to April: c1, c2, c4, c5 ordered twice or more, c3 once: 4 of 5; gaps 10, 10, 0, 23, 2
      assertThat(whole.get(0).repurchase().count()).isEqualTo(4);
      assertThat(whole.get(0).purchaseCycle().n()).isEqualTo(5);
      assertThat(whole.get(0).purchaseCycle().meanDays()).isEqualTo(9.0);
      assertThat(byMonth).extracting(l -> l.repurchase().count() + "/" + l.repurchase().n())
          .containsExactly("0/1", "2/5", "0/1");
      assertThat(byMonth).extracting(KpiResults.Loyalty::from)
          .containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
    }

    @Test
    void aPartOfAMonthIsReadFromDayCubes() {
      orders();

      var report = kpis.query("acme", query(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 20), List.of(),
          Granularity.MONTH, KpiFamily.LOYALTY));

      // c3 (10th), c1 (12th), c4 (15th): three customers, one order each
      assertThat(report.loyalty().get(0).repurchase().n()).isEqualTo(3);
      assertThat(report.loyalty().get(0).repurchase().count()).isZero();
      assertThat(cubes.reads()).allSatisfy(ids -> assertThat(ids)
          .allSatisfy(id -> assertThat(id.period().grain()).isEqualTo(Period.Grain.DAY)));
    }

    @Test
    void commerceSumsOrdersAndRevenuePerCurrencyExactly() {
      orders();

      var commerce = kpis.query("acme", march(KpiFamily.COMMERCE)).total().commerce();

      assertThat(commerce.visits()).isEqualTo(16);
      assertThat(commerce.orders()).isEqualTo(8);
      assertThat(commerce.revenueMicros()).containsExactly(Map.entry("EUR", 7 * EUR_10_50), Map.entry("USD", 20_250_000L));
      assertThat(commerce.ordersPerVisit()).isEqualTo(0.5);
    }
  }

  @Nested
  class Reads {

    @Test
    void aTenantNeverSeesAnotherTenantsEvents() {
      supportMarch();

      var other = kpis.query("other", march(KpiFamily.SUPPORT));

      assertThat(other.total().support().resolved()).isZero();
      assertThat(other.total().support().fcr().n()).isZero();
      assertThat(cubes.reads()).allSatisfy(ids -> assertThat(ids).allSatisfy(id -> assertThat(id.tenantId()).isEqualTo("other")));
    }

    @Test
    void aWholeMonthIsOneCubePerFamily() {
      supportMarch();

      kpis.query("acme", march(KpiFamily.SUPPORT));

      assertThat(cubes.reads()).hasSize(1);
      assertThat(cubes.reads().get(0)).extracting(id -> id.id()).containsExactly("acme:support:M2026-03");
    }

    @Test
    void groupsByWeekFromDayCubes() {
      supportMarch();

      var report = kpis.query("acme", query(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
          List.of(KpiDimension.PERIOD), Granularity.WEEK, KpiFamily.SUPPORT));

      // 1 March 2026 is a Sunday: its ISO week starts on 23 February
      assertThat(report.cells()).extracting(c -> c.key().get(KpiDimension.PERIOD))
          .containsExactly("2026-02-23", "2026-03-02", "2026-03-09");
      assertThat(report.cells()).extracting(c -> c.support().resolved()).containsExactly(1L, 7L, 2L);
    }

    @Test
    void refusesDailyReadsOverMoreThanAYear() {
      var error = catchThrowableOfType(InvalidInputException.class, () -> kpis.query("acme",
          query(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30), List.of(KpiDimension.PERIOD), Granularity.DAY)));

      assertThat(error.violations()).extracting(FieldViolation::field).containsExactly("filter.period");
    }

    @Test
    void refusesAStartAfterTheOpenEndToday() {
      var error = catchThrowableOfType(InvalidInputException.class, () -> kpis.query("acme",
          query(LocalDate.of(2026, 6, 1), null, List.of(), Granularity.MONTH)));

      assertThat(error.violations()).extracting(FieldViolation::field).containsExactly("filter.period.start_date");
    }

    @Test
    void anOpenStartBeginsAtTheFirstMonthWithData() {
      supportMarch();

      var report = kpis.query("acme", new KpiQuery(KpiFilter.ALL, List.of(), Granularity.MONTH, Set.of(KpiFamily.SUPPORT)));

      assertThat(report.from()).isEqualTo(LocalDate.of(2026, 3, 1));
      assertThat(report.to()).isEqualTo(LocalDate.of(2026, 5, 1));
      assertThat(report.total().support().resolved()).isEqualTo(10);
      assertThat(report.definitions()).extracting(d -> d.id()).containsExactly("fcr", "aht", "frt", "contacts_per_resolution");
    }
  }
}
