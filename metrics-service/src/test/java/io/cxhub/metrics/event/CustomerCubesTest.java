package io.cxhub.metrics.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.metrics.rollup.Cell;
import io.cxhub.metrics.rollup.CellIncrement;
import io.cxhub.metrics.rollup.CubeId;
import io.cxhub.metrics.rollup.InMemoryCubes;
import io.cxhub.metrics.rollup.Period;
import io.cxhub.metrics.rollup.Tally;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerCubesTest {

  private static final String TENANT = "acme";
  private final InMemoryCubes cubes = new InMemoryCubes();
  private final CustomerCubes holding = new CustomerCubes(cubes);

  private void count(String customerId, String channel, long orders) {
    var id = new CubeId(TENANT, EventCubes.customerFamily(customerId), Period.month(LocalDate.of(2026, 3, 1)));
    cubes.applyOnce(TENANT, "app-" + customerId + channel, List.of(new CellIncrement(id,
        Cell.of(Map.of(EventCubes.DIM_CUSTOMER, customerId, "channel", channel)),
        Tally.builder().add("orders", orders).build())));
  }

  private long total(String family, String customerId) {
    return cubes.read(TENANT, cubes.list(TENANT).stream().filter(i -> i.family().equals(family)).toList()).stream()
        .flatMap(c -> c.cells().values().stream())
        .filter(c -> customerId == null || c.cell().get(EventCubes.DIM_CUSTOMER).equals(customerId))
        .mapToLong(c -> c.tally().counter("orders")).sum();
  }

  @Test
  void theSubjectsCellsKeepTheirCountsUnderTheToken() {
    count("c-20", "EMAIL", 2);
    count("c-20", "PHONE", 1);
    String family = EventCubes.customerFamily("c-20");
    long before = total(family, null);

    var subject = new SubjectHolding.Subject("c-20", Set.of());
    assertThat(holding.export(TENANT, subject)).hasSize(2).allMatch(json -> json.contains("\"c-20\""));

    assertThat(holding.erase(TENANT, subject, "erased-x")).isEqualTo(1);

    assertThat(total(family, "c-20")).isZero();
    assertThat(total(family, "erased-x")).isEqualTo(3);
    assertThat(total(family, null)).isEqualTo(before);
    assertThat(holding.export(TENANT, subject)).isEmpty();
    // again: nothing left to change
    assertThat(holding.erase(TENANT, subject, "erased-y")).isZero();
  }

  @Test
  void otherCustomersOfTheSameCubeAreLeftAlone() {
    count("c-20", "EMAIL", 2);
    // a customer in the same shard as c-20, if any, else another cube altogether
    String neighbour = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "n-" + i)
        .filter(id -> EventCubes.customerFamily(id).equals(EventCubes.customerFamily("c-20"))).findFirst()
        .orElseThrow();
    count(neighbour, "EMAIL", 5);

    holding.erase(TENANT, new SubjectHolding.Subject("c-20", Set.of()), "erased-x");

    assertThat(total(EventCubes.customerFamily(neighbour), neighbour)).isEqualTo(5);
  }
}
