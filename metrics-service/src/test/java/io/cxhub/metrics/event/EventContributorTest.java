package io.cxhub.metrics.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.domain.Channel;
import io.cxhub.metrics.ingest.Profile;
import io.cxhub.metrics.rollup.CellIncrement;
import io.cxhub.metrics.rollup.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventContributorTest {

  private final EventContributor contributor = new EventContributor();

  @Test
  void countsAnEventInTheDayAndMonthCubesOfItsLocalDay() {
    // 23:30 UTC on 31 March is 1 April in Paris (UTC+2 in summer time)
    var at = Instant.parse("2026-03-31T23:30:00Z");

    var increments = contributor.contributions("acme", ZoneId.of("Europe/Paris"),
        EventFixtures.contact("e1", at, Channel.SUPPORT, "n1"));

    assertThat(increments).extracting(i -> i.cube().period())
        .containsExactly(Period.day(LocalDate.of(2026, 4, 1)), Period.month(LocalDate.of(2026, 4, 1)));
    assertThat(increments).allSatisfy(i -> {
      assertThat(i.cube().family()).isEqualTo(EventCubes.SUPPORT);
      assertThat(i.cell().get(EventCubes.DIM_CHANNEL)).isEqualTo("SUPPORT");
      assertThat(i.cell().get(EventCubes.DIM_TEAM)).isEqualTo("n1");
      assertThat(i.tally().counter(EventCubes.CONTACTS)).isEqualTo(1);
    });
  }

  @Test
  void theCustomersProfileSlicesSupportCommerceAndFunnelCellsButNotTheCustomerCells() {
    var at = Instant.parse("2026-03-02T10:00:00Z");
    var profile = Profile.of("smb", "p-busy", "champions");

    var resolution = contributor.contributions("acme", ZoneOffset.UTC,
        EventFixtures.resolved("e1", at, Channel.SUPPORT, "n1", 1, 60L).withProfile(profile));
    var order = contributor.contributions("acme", ZoneOffset.UTC,
        EventFixtures.order("o1", at, "c-1", "EUR", 1_000_000).withProfile(profile));
    var anonymous = contributor.contributions("acme", ZoneOffset.UTC,
        EventFixtures.resolved("e2", at, Channel.SUPPORT, "n1", 1, 60L));

    assertThat(resolution).allSatisfy(i -> assertThat(i.cell().dims())
        .containsEntry(EventCubes.DIM_SEGMENT, "smb").containsEntry(EventCubes.DIM_PERSONA, "p-busy")
        .containsEntry(EventCubes.DIM_VALUE_TIER, "champions"));
    assertThat(order).filteredOn(i -> i.cube().family().equals(EventCubes.COMMERCE))
        .hasSize(2).allSatisfy(i -> assertThat(i.cell().get(EventCubes.DIM_VALUE_TIER)).isEqualTo("champions"));
    // loyalty counts a customer's orders across slices: one cell per customer, whatever their tier
    assertThat(order).filteredOn(i -> i.cube().family().startsWith(EventCubes.CUSTOMERS))
        .hasSize(2).allSatisfy(i -> assertThat(i.cell().dims()).containsOnlyKeys(EventCubes.DIM_CUSTOMER));
    // without a customer the cell is the one events had before profiles were kept
    assertThat(anonymous.get(0).cell().dims())
        .doesNotContainKeys(EventCubes.DIM_SEGMENT, EventCubes.DIM_PERSONA, EventCubes.DIM_VALUE_TIER);
  }

  @Test
  void aResolutionAtTheFirstContactCountsForFcrAndItsHandlingTimeForAht() {
    var first = contributor.contributions("acme", ZoneOffset.UTC,
        EventFixtures.resolved("e1", Instant.parse("2026-03-02T10:00:00Z"), Channel.SUPPORT, "n1", 1, 300L)).get(0);
    var third = contributor.contributions("acme", ZoneOffset.UTC,
        EventFixtures.resolved("e2", Instant.parse("2026-03-02T10:00:00Z"), Channel.SUPPORT, "n1", 3, null)).get(0);

    assertThat(first.tally().counters()).containsEntry(EventCubes.RESOLVED, 1L)
        .containsEntry(EventCubes.RESOLVED_FIRST_CONTACT, 1L).containsEntry(EventCubes.AHT_SUM, 300L);
    assertThat(first.tally().histogram(EventCubes.AHT)).containsEntry(300, 1L);
    assertThat(third.tally().counters()).containsEntry(EventCubes.RESOLVED, 1L)
        .containsEntry(EventCubes.CONTACTS_OF_RESOLVED, 3L)
        .doesNotContainKeys(EventCubes.RESOLVED_FIRST_CONTACT, EventCubes.AHT_N);
  }

  @Test
  void firstResponseTimeIsMeasuredFromTheOpening() {
    var increment = contributor.contributions("acme", ZoneOffset.UTC,
        EventFixtures.firstResponse("e1", Instant.parse("2026-03-02T10:00:00Z"), 5400, Channel.EMAIL)).get(0);

    assertThat(increment.tally().counter(EventCubes.FRT_SUM)).isEqualTo(5400);
    assertThat(increment.tally().histogram(EventCubes.FRT)).containsOnlyKeys(DurationBins.bin(5400));
  }

  @Test
  void anOrderCountsInCommercePerCurrencyAndInItsCustomersCube() {
    var at = Instant.parse("2026-03-02T10:00:00Z");

    var increments = contributor.contributions("acme", ZoneOffset.UTC, EventFixtures.order("o1", at, "c-42", "EUR", 19_990_000));

    var commerce = increments.stream().filter(i -> i.cube().family().equals(EventCubes.COMMERCE)).toList();
    var customer = increments.stream().filter(i -> i.cube().family().startsWith(EventCubes.CUSTOMERS)).toList();
    assertThat(commerce).hasSize(2).allSatisfy(i -> {
      assertThat(i.cell().get(EventCubes.DIM_CURRENCY)).isEqualTo("EUR");
      assertThat(i.tally().counter(EventCubes.REVENUE_MICROS)).isEqualTo(19_990_000);
    });
    assertThat(customer).hasSize(2).allSatisfy(i -> {
      assertThat(i.cube().family()).isEqualTo(EventCubes.customerFamily("c-42"));
      assertThat(i.cell().get(EventCubes.DIM_CUSTOMER)).isEqualTo("c-42");
      assertThat(i.tally().histogram(EventCubes.ORDER_DAYS))
          .containsExactly(java.util.Map.entry((int) LocalDate.of(2026, 3, 2).toEpochDay(), 1L));
    });
  }

  @Test
  void isDeterministicSoThatARecountGetsTheSameIncrements() {
    var event = EventFixtures.step("s1", Instant.parse("2026-03-02T10:00:00Z"), true, "checkout", "payment", 2);

    assertThat(contributor.contributions("acme", ZoneOffset.UTC, event))
        .isEqualTo(contributor.contributions("acme", ZoneOffset.UTC, event))
        .extracting(CellIncrement::cell)
        .allSatisfy(cell -> assertThat(cell.get(EventCubes.DIM_STEP_ORDER)).isEqualTo("2"));
  }

  @Test
  void durationBinsKeepMedianAndP90WithinOnePercent() {
    var bins = new java.util.TreeMap<Integer, Long>();
    for (long s = 1; s <= 100_000; s += 7) {
      bins.merge(DurationBins.bin(s), 1L, Long::sum);
    }
    var percentiles = DurationBins.percentiles(bins);
    // exact nearest-rank values of 1, 8, 15, … (14,286 values)
    long n = 14_286;
    long exactMedian = 1 + 7 * ((long) Math.ceil(0.5 * n) - 1);
    long exactP90 = 1 + 7 * ((long) Math.ceil(0.9 * n) - 1);

    assertThat(percentiles.n()).isEqualTo(n);
    assertThat((double) percentiles.median()).isCloseTo(exactMedian, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat((double) percentiles.p90()).isCloseTo(exactP90, org.assertj.core.data.Percentage.withPercentage(1));
  }
}
