package io.cxhub.persona.segment;

import java.time.Instant;

/**
 * A re-evaluation of every customer of a tenant against its segments.
 *
 * @param total customers to evaluate, counted at the start
 * @param done customers evaluated so far
 * @param changed customers whose segments changed
 * @param endTime null while running
 */
public record SegmentOperation(String operationId, String tenantId, String segmentId, State state, long total,
    long done, long changed, Instant startTime, Instant endTime, String error) {

  public enum State { RUNNING, SUCCEEDED, FAILED }

  SegmentOperation progress(long doneNow, long changedNow) {
    return new SegmentOperation(operationId, tenantId, segmentId, State.RUNNING, total, doneNow, changedNow, startTime,
        null, "");
  }

  SegmentOperation succeeded(long doneNow, long changedNow, Instant at) {
    return new SegmentOperation(operationId, tenantId, segmentId, State.SUCCEEDED, total, doneNow, changedNow,
        startTime, at, "");
  }

  SegmentOperation failed(String why, Instant at) {
    return new SegmentOperation(operationId, tenantId, segmentId, State.FAILED, total, done, changed, startTime, at,
        why);
  }
}
