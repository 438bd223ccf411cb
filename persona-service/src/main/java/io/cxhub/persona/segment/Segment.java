package io.cxhub.persona.segment;

import java.time.Instant;

/**
 * A tenant's segment: its definition as stated, and what the service keeps about it.
 *
 * @param operationId the last re-evaluation started by a change of the definition
 * @param size customers in it when read (0 when not counted)
 */
public record Segment(Definition definition, String operationId, Instant createTime, Instant updateTime, long size) {

  public String segmentId() {
    return definition.segmentId();
  }

  public Segment withSize(long value) {
    return new Segment(definition, operationId, createTime, updateTime, value);
  }

  /**
   * What the tenant states.
   *
   * @param priority lower first: a customer without a stated segment is counted under their
   *     first rule segment
   */
  public record Definition(String segmentId, String displayName, String description, int priority, SegmentRule rule) {
    public Definition {
      displayName = displayName == null ? "" : displayName;
      description = description == null ? "" : description;
    }
  }
}
