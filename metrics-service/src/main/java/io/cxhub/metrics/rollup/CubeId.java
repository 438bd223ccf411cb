package io.cxhub.metrics.rollup;

import java.util.Objects;

/**
 * One cube: everything a family of measures (for instance the NPS answers of one survey, or
 * the support interactions) adds up to for one tenant over one period. The id is computed,
 * never looked up, so writers and readers go to the document by {@code _id} alone.
 *
 * @param family what the cube measures, e.g. {@code score:NPS:<surveyId>} or {@code support};
 *     no {@code ':'} in a family's own words besides its separators is required, since the
 *     tenant id and the period are at fixed places (first part, last part)
 */
public record CubeId(String tenantId, String family, Period period) implements Comparable<CubeId> {

  public CubeId {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(period, "period");
    if (tenantId.isEmpty() || tenantId.contains(":")) {
      throw new IllegalArgumentException("tenant id must be non-empty and without ':': " + tenantId);
    }
  }

  /** {@code <tenantId>:<family>:<period>}, e.g. {@code acme:score:NPS:srv_1:M2026-03}. */
  public String id() {
    return tenantId + ":" + family + ":" + period.text();
  }

  public static CubeId parse(String id) {
    int first = id.indexOf(':');
    int last = id.lastIndexOf(':');
    if (first < 0 || last <= first) {
      throw new IllegalArgumentException("not a cube id: " + id);
    }
    return new CubeId(id.substring(0, first), id.substring(first + 1, last), Period.parse(id.substring(last + 1)));
  }

  @Override
  public int compareTo(CubeId other) {
    return id().compareTo(other.id());
  }
}
