package io.cxhub.gateway.admin;

import io.cxhub.gateway.audit.AuditEvent;
import java.util.List;

/**
 * One page of a tenant's audit log, newest first.
 *
 * @param nextPageToken token of the next page; empty on the last one
 */
public record AuditPage(List<AuditEvent> events, String nextPageToken) {

  public AuditPage {
    events = List.copyOf(events);
  }
}
