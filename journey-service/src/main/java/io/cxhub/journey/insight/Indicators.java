package io.cxhub.journey.insight;

import java.util.List;

/**
 * The live indicators of a tenant, read from the pre-aggregated cubes (metrics-service).
 * Implementations bound each read with a deadline.
 */
public interface Indicators {

  /**
   * The readings of each slice, in order, read together.
   *
   * @throws IndicatorsUnavailableException when metrics cannot answer now
   */
  List<Readings> read(String tenantId, List<Slice> slices);

  /** metrics-service could not answer (down, deadline, circuit open). */
  final class IndicatorsUnavailableException extends RuntimeException {
    public IndicatorsUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
