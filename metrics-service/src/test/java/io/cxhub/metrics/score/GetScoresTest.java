package io.cxhub.metrics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.InMemoryScores;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.nps.DayRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GetScoresTest {

  private final InMemoryScores scores = new InMemoryScores();
  private final GetScores getScores = new GetScores(scores.buckets, TenantZones.UTC);

  private void answer(String survey, String day, String channel, String stage, String segment, int score) {
    scores.nps("t1", survey, day, channel, stage, segment, score);
  }

  private ScoreQuery query(ScoreFilter filter, Granularity granularity, Dimension... groupBy) {
    return new ScoreQuery(ScoreKind.NPS, filter, List.of(groupBy), granularity, "");
  }

  @Test
  void groupsByIsoWeekStartingMonday() {
    answer("s", "2025-03-09", "EMAIL", "", "", 10); // a Sunday: week of Monday 03-03
    answer("s", "2025-03-10", "EMAIL", "", "", 0); // Monday: week of 03-10
    answer("s", "2025-03-16", "EMAIL", "", "", 9); // Sunday: week of 03-10

    var table = getScores.query("t1", query(ScoreFilter.all(), Granularity.WEEK, Dimension.PERIOD));

    assertThat(table.cells()).extracting(c -> c.key().get(Dimension.PERIOD)).containsExactly("2025-03-03", "2025-03-10");
    assertThat(table.cells().get(1).score().n()).isEqualTo(2);
    assertThat(table.cells().get(1).score().value()).isZero();
  }

  @Test
  void filtersOnEveryDimensionAndGroupsByStageAndSegment() {
    answer("s", "2025-03-01", "EMAIL", "onboarding", "smb", 10);
    answer("s", "2025-03-01", "EMAIL", "onboarding", "smb", 9);
    answer("s", "2025-03-01", "QR", "onboarding", "smb", 0);
    answer("s", "2025-03-01", "EMAIL", "support", "enterprise", 0);
    answer("other", "2025-03-01", "EMAIL", "onboarding", "smb", 0);
    answer("s", "2025-04-01", "EMAIL", "onboarding", "smb", 0);

    var filter = ScoreFilter.builder().surveyIds(Set.of("s")).channels(Set.of("EMAIL"))
        .period(new DayRange(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"))).build();
    var table = getScores.query("t1", query(filter, null, Dimension.STAGE, Dimension.SEGMENT));

    assertThat(table.cells()).hasSize(2);
    assertThat(table.cells().get(0).key()).isEqualTo(Map.of(Dimension.STAGE, "onboarding", Dimension.SEGMENT, "smb"));
    assertThat(table.cells().get(0).score().value()).isEqualTo(100.0);
    assertThat(table.cells().get(1).score().value()).isEqualTo(-100.0);
    assertThat(table.totals()).singleElement().satisfies(t -> assertThat(t.n()).isEqualTo(3));
  }

  @Test
  void cellsSumToTheTotal() {
    for (int i = 0; i < 40; i++) {
      answer("s", "2025-03-0" + (1 + i % 9), i % 3 == 0 ? "QR" : "EMAIL", "", i % 2 == 0 ? "a" : "b", i % 11);
    }
    var table = getScores.query("t1", query(ScoreFilter.all(), Granularity.DAY,
        Dimension.PERIOD, Dimension.CHANNEL, Dimension.SEGMENT));
    long cells = table.cells().stream().mapToLong(c -> c.score().n()).sum();
    assertThat(cells).isEqualTo(40).isEqualTo(table.totals().get(0).n());
  }

  @Test
  void anEmptySliceStillStatesItsDefinitionAndN() {
    var table = getScores.query("t1", query(ScoreFilter.all(), null));
    assertThat(table.definition().id()).isEqualTo("nps");
    assertThat(table.totals()).singleElement().satisfies(t -> assertThat(t.n()).isZero());
  }

  @Test
  void periodsAreTheTenantsLocalDaysAndMonths() {
    var paris = new InMemoryScores(java.time.Clock.systemUTC(), t -> java.time.ZoneId.of("Europe/Paris"));
    var parisScores = new GetScores(paris.buckets, t -> java.time.ZoneId.of("Europe/Paris"));
    paris.npsAt("t1", "s", java.time.Instant.parse("2025-03-31T21:30:00Z"), 10); // 23:30 in Paris: March
    paris.npsAt("t1", "s", java.time.Instant.parse("2025-03-31T22:30:00Z"), 0); // 00:30 in Paris: April

    var byMonth = parisScores.query("t1", query(ScoreFilter.all(), Granularity.MONTH, Dimension.PERIOD));
    var byDay = parisScores.query("t1", new ScoreQuery(ScoreKind.NPS, ScoreFilter.all(), List.of(Dimension.PERIOD),
        Granularity.DAY, "Europe/Paris"));

    assertThat(byMonth.cells()).extracting(c -> c.key().get(Dimension.PERIOD) + "=" + c.score().value())
        .containsExactly("2025-03-01=100.0", "2025-04-01=-100.0");
    assertThat(byDay.cells()).extracting(c -> c.key().get(Dimension.PERIOD))
        .containsExactly("2025-03-31", "2025-04-01");
    assertThatThrownBy(() -> parisScores.query("t1",
        new ScoreQuery(ScoreKind.NPS, ScoreFilter.all(), List.of(), null, "UTC")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Europe/Paris");
  }

  @Test
  void refusesOtherTimeZonesThanTheTenantsAndRepeatedDimensions() {
    assertThatThrownBy(() -> getScores.query("t1",
        new ScoreQuery(ScoreKind.NPS, ScoreFilter.all(), List.of(), null, "America/New_York")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(getScores.query("t1", new ScoreQuery(ScoreKind.NPS, ScoreFilter.all(), List.of(), null, "Etc/UTC"))
        .cells()).isEmpty();
    assertThatThrownBy(() -> getScores.query("t1", query(ScoreFilter.all(), null, Dimension.CHANNEL, Dimension.CHANNEL)))
        .isInstanceOf(InvalidInputException.class);
  }
}
