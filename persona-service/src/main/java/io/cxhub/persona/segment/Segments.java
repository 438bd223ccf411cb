package io.cxhub.persona.segment;

import java.util.List;
import java.util.Optional;

/** Storage port of segment definitions, keyed by (tenant, segment id). Every method is tenant-scoped. */
public interface Segments {

  /** Creates or replaces the segment (its create time stays). */
  void save(String tenantId, Segment segment);

  Optional<Segment> find(String tenantId, String segmentId);

  /** The tenant's segments by priority, then id (sizes not counted). */
  List<Segment> list(String tenantId);

  /** Deletes the segment; false if there was none. */
  boolean delete(String tenantId, String segmentId);

  /** Every tenant with at least one segment. */
  List<String> tenants();
}
