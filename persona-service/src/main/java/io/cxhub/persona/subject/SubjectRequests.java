package io.cxhub.persona.subject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of data-subject requests and of export documents. */
public interface SubjectRequests {

  /** Stores the request (insert or replace). */
  void save(SubjectRequest request);

  Optional<SubjectRequest> find(String tenantId, String requestId);

  /** The active (running or stalled) request of this kind for this subject, if any. */
  Optional<SubjectRequest> findActive(String tenantId, SubjectRequest.Kind kind, String subjectHash);

  /** Active requests of every tenant with a part due at {@code now}, oldest first, at most {@code limit}. */
  List<SubjectRequest> due(Instant now, int limit);

  /** A page of a tenant's requests, newest first. */
  Page page(String tenantId, int pageSize, String pageToken);

  /** A page of requests and the token of the next one (empty on the last page). */
  record Page(List<SubjectRequest> requests, String nextPageToken) {}

  /** Stores one service's section of an export. Idempotent. */
  void saveSection(SubjectRequest request, String service, String json, Instant expiresAt);

  /** The sections of an export, by service, if not expired. */
  Optional<java.util.Map<String, String>> sections(String tenantId, String requestId, Instant now);

  /**
   * Forgets a subject after an erasure: deletes the subject's export documents and removes
   * the customer id from every request of the subject. Returns the documents changed.
   */
  long forgetSubject(String tenantId, String subjectHash);

  /** Deletes export documents expired at {@code now}; returns how many. */
  long deleteExpiredExports(Instant now);
}
