package io.cxhub.persona.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Storage port of daily segment sizes: one figure per (tenant, segment, day), the day's last count. */
public interface SegmentSizes {

  /** Records the sizes counted on {@code day}, replacing earlier counts of that day. */
  void record(String tenantId, LocalDate day, Map<String, Long> sizes);

  /** The segment's sizes from {@code from} to {@code to}, both included, oldest first. */
  List<Size> list(String tenantId, String segmentId, LocalDate from, LocalDate to);

  record Size(LocalDate day, long customers) {}
}
