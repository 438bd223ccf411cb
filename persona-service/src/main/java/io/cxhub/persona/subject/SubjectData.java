package io.cxhub.persona.subject;

/**
 * A service's part of data-subject requests: persona-service's own, or another service's
 * through its internal {@code SubjectDataService}. Both calls are tenant-scoped and safe to
 * repeat; a failure (the service unreachable, a timeout, an error) is thrown and the part
 * retried later.
 */
public interface SubjectData {

  /** The service's short name: {@code persona}, {@code survey}, {@code metrics}, {@code journey}. */
  String service();

  /** Erases what the service holds about the subject; returns the items changed (0: nothing held, or erased before). */
  long erase(String tenantId, String customerId, String requestId);

  /** What the service holds about the subject, as a JSON object. */
  Section export(String tenantId, String customerId, String requestId);

  /** One service's export section: a JSON object, and how many items it holds. */
  record Section(String json, long items) {}
}
