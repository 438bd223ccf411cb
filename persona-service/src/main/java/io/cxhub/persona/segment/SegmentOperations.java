package io.cxhub.persona.segment;

import java.util.Optional;

/** Storage port of re-evaluation operations (progress survives the request that started them). */
public interface SegmentOperations {

  /** Creates or replaces the operation. */
  void save(SegmentOperation operation);

  /** The tenant's operation of this id; another tenant's is not found. */
  Optional<SegmentOperation> find(String tenantId, String operationId);
}
