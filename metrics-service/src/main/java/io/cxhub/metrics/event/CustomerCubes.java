package io.cxhub.metrics.event;

import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.metrics.rollup.Cell;
import io.cxhub.metrics.rollup.Cube;
import io.cxhub.metrics.rollup.Cubes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * Data-subject requests over the per-customer cubes ({@link EventCubes#customerFamily}): the
 * subject's cells keep their counts under the anonymous token instead of the customer id, so
 * totals over customers do not change. Each cube is rewritten only if unchanged since read
 * (retried a few times against concurrent counting).
 */
public final class CustomerCubes implements SubjectHolding {

  private static final int ATTEMPTS = 5;

  private final Cubes cubes;

  public CustomerCubes(Cubes cubes) {
    this.cubes = cubes;
  }

  @Override
  public String kind() {
    return "customerCubes";
  }

  private List<Cube> cubesOf(String tenantId, String customerId) {
    String family = EventCubes.customerFamily(customerId);
    var ids = cubes.list(tenantId).stream().filter(id -> id.family().equals(family)).toList();
    return ids.isEmpty() ? List.of() : cubes.read(tenantId, ids);
  }

  @Override
  public List<String> export(String tenantId, Subject subject) {
    var items = new ArrayList<String>();
    for (var cube : cubesOf(tenantId, subject.customerId())) {
      cube.cells().values().stream()
          .filter(c -> c.cell().get(EventCubes.DIM_CUSTOMER).equals(subject.customerId()))
          .forEach(c -> items.add("{\"period\":\"" + cube.id().period().text() + "\",\"dimensions\":"
              + json(c.cell().dims()) + ",\"counters\":" + json(c.tally().counters()) + "}"));
    }
    return items;
  }

  @Override
  public long erase(String tenantId, Subject subject, String token) {
    long changed = 0;
    for (var cube : cubesOf(tenantId, subject.customerId())) {
      var current = cube;
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        var cells = new LinkedHashMap<String, Cube.CellTally>();
        boolean found = false;
        for (var entry : current.cells().entrySet()) {
          var cellTally = entry.getValue();
          if (cellTally.cell().get(EventCubes.DIM_CUSTOMER).equals(subject.customerId())) {
            var dims = new TreeMap<>(cellTally.cell().dims());
            dims.put(EventCubes.DIM_CUSTOMER, token);
            var cell = new Cell(dims);
            var before = cells.get(cell.key());
            cells.put(cell.key(), new Cube.CellTally(cell,
                before == null ? cellTally.tally() : before.tally().plus(cellTally.tally())));
            found = true;
          } else {
            cells.merge(entry.getKey(), cellTally, (a, b) -> new Cube.CellTally(a.cell(), a.tally().plus(b.tally())));
          }
        }
        if (!found) {
          break;
        }
        if (cubes.replaceIfUnchanged(tenantId, current.id(), current.version(), cells)) {
          changed++;
          break;
        }
        if (attempt == ATTEMPTS - 1) {
          throw new IllegalStateException("cube " + current.id().id() + " kept changing; the erasure is retried");
        }
        current = cubes.read(tenantId, List.of(current.id())).get(0);
      }
    }
    return changed;
  }

  private static String json(java.util.Map<String, ?> map) {
    var out = new StringBuilder("{");
    map.forEach((k, v) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(quote(k)).append(':').append(v instanceof Number ? v.toString() : quote(String.valueOf(v)));
    });
    return out.append('}').toString();
  }

  private static String quote(String s) {
    var out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
