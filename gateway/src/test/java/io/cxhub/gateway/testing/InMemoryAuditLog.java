package io.cxhub.gateway.testing;

import io.cxhub.gateway.audit.AuditEvent;
import io.cxhub.gateway.audit.AuditEventType;
import io.cxhub.gateway.audit.AuditLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link AuditLog} in a list. */
public final class InMemoryAuditLog implements AuditLog {

  private final List<AuditEvent> events = new ArrayList<>();

  @Override
  public synchronized void record(AuditEvent event) {
    events.add(event);
  }

  @Override
  public synchronized List<AuditEvent> list(String tenantId, Optional<AuditEventType> type,
      Optional<String> beforeEventId, int limit) {
    return events.stream()
        .filter(e -> e.tenantId().equals(tenantId))
        .filter(e -> type.isEmpty() || e.type() == type.get())
        .filter(e -> beforeEventId.isEmpty() || e.eventId().compareTo(beforeEventId.get()) < 0)
        .sorted(Comparator.comparing(AuditEvent::eventId).reversed())
        .limit(limit)
        .toList();
  }

  public synchronized List<AuditEvent> all() {
    return List.copyOf(events);
  }
}
