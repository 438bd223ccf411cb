package io.cxhub.gateway.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Storage of the audit log: append-only, read newest first per tenant. Implementations may
 * block: call them off the event loop.
 */
public interface AuditLog {

  /** Appends an event. */
  void record(AuditEvent event);

  /**
   * A tenant's events, newest first.
   *
   * @param type only events of this type, when present
   * @param beforeEventId exclusive upper bound (the last id of the previous page); empty
   *     for the first page
   * @param limit most events to return
   */
  List<AuditEvent> list(String tenantId, Optional<AuditEventType> type, Optional<String> beforeEventId, int limit);

  /**
   * A new event id that sorts by time: 13 digits of epoch milliseconds, then 8 random hex
   * digits so that events of the same millisecond do not collide.
   */
  static String newEventId(Instant time) {
    var random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    return String.format("%013d", time.toEpochMilli()) + HexFormat.of().formatHex(random);
  }

  /** Whether a text has the shape of {@link #newEventId}. */
  static boolean isEventId(String text) {
    return text != null && text.matches("[0-9]{13}[0-9a-f]{8}");
  }
}
