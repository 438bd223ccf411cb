package io.cxhub.metrics.rollup;

import java.util.Objects;

/** What one recorded item adds to one cell of one cube. */
public record CellIncrement(CubeId cube, Cell cell, Tally tally) {

  public CellIncrement {
    Objects.requireNonNull(cube, "cube");
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(tally, "tally");
  }
}
