package io.cxhub.metrics.ingest;

import java.util.List;

/**
 * @param recordedResponseIds every distinct id of the batch that is now applied
 * @param applied how many of them this call applied
 * @param duplicates how many had been applied before this call
 */
public record RecordOutcome(List<String> recordedResponseIds, int applied, int duplicates) {

  public RecordOutcome {
    recordedResponseIds = List.copyOf(recordedResponseIds);
  }
}
