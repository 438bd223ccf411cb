package io.cxhub.journey.insight;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The live indicators of a tenant, read from the pre-aggregated cubes (metrics-service).
 * Implementations bound each read with a deadline.
 */
public interface Indicators {

  /**
   * The readings of each slice, in order, read together; only what {@code need} names is
   * read (the rest comes back empty).
   *
   * @throws IndicatorsUnavailableException when metrics cannot answer now
   */
  List<Readings> read(String tenantId, List<Slice> slices, Need need);

  /** Which readings a use case needs: some score kinds, support KPIs by team, funnel steps by stage. */
  record Need(Set<ScoreKind> kinds, boolean support, boolean funnel) {

    public static final Need ALL = new Need(EnumSet.allOf(ScoreKind.class), true, true);

    public Need {
      kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    public static Need scores(ScoreKind kind) {
      return new Need(EnumSet.of(kind), false, false);
    }
  }

  /** metrics-service could not answer (down, deadline, circuit open). */
  final class IndicatorsUnavailableException extends RuntimeException {
    public IndicatorsUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
