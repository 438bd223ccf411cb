package io.cxhub.persona.subject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A data-subject request (erasure or export) of one tenant, with one {@link Part} per service
 * holding personal data. The subject's customer id is kept only while the request runs (the
 * parts need it); once an erasure has succeeded only {@link #subjectHash()} remains.
 */
public record SubjectRequest(String id, String tenantId, Kind kind, String customerId, String subjectHash, State state,
    List<Part> parts, String actor, Instant createdAt, Instant completedAt, Instant expiresAt) {

  /** What the request does. */
  public enum Kind { ERASURE, EXPORT }

  /** Where the request stands. */
  public enum State {
    RUNNING, SUCCEEDED, STALLED;

    /** Still has parts to retry. */
    public boolean active() {
      return this != SUCCEEDED;
    }
  }

  public SubjectRequest {
    Objects.requireNonNull(id);
    Objects.requireNonNull(tenantId);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(subjectHash);
    Objects.requireNonNull(state);
    parts = List.copyOf(parts);
    Objects.requireNonNull(createdAt);
  }

  /** A new request, every part pending and due now. */
  public static SubjectRequest start(String id, String tenantId, Kind kind, String customerId, List<String> services,
      String actor, Instant now) {
    return new SubjectRequest(id, tenantId, kind, customerId, SubjectHash.of(customerId), State.RUNNING,
        services.stream().map(s -> Part.pending(s, now)).toList(), actor, now, null, null);
  }

  public boolean allDone() {
    return parts.stream().allMatch(Part::done);
  }

  /** The parts due at {@code now}. */
  public List<Part> due(Instant now) {
    return parts.stream().filter(p -> !p.done() && !p.nextAttemptAt().isAfter(now)).toList();
  }

  /** This request with the part of {@code service} changed. */
  public SubjectRequest withPart(String service, UnaryOperator<Part> change) {
    return new SubjectRequest(id, tenantId, kind, customerId, subjectHash, state,
        parts.stream().map(p -> p.service().equals(service) ? change.apply(p) : p).toList(), actor, createdAt,
        completedAt, expiresAt);
  }

  public SubjectRequest withState(State newState, Instant newCompletedAt, Instant newExpiresAt) {
    return new SubjectRequest(id, tenantId, kind, customerId, subjectHash, newState, parts, actor, createdAt,
        newCompletedAt, newExpiresAt);
  }

  /** This request without the subject's id (after the subject was erased). */
  public SubjectRequest forgettingSubject() {
    return new SubjectRequest(id, tenantId, kind, null, subjectHash, state, parts, actor, createdAt, completedAt,
        expiresAt);
  }

  /**
   * One service's part.
   *
   * @param lastError the error of the last failed attempt, null when none
   * @param nextAttemptAt when the next attempt is due (pending parts)
   * @param completedAt when the service confirmed, null while pending
   * @param items items erased or exported by the service
   */
  public record Part(String service, boolean done, int attempts, String lastError, Instant nextAttemptAt,
      Instant completedAt, long items) {

    static Part pending(String service, Instant now) {
      return new Part(service, false, 0, null, now, null, 0);
    }

    Part succeeded(Instant now, long itemCount) {
      return new Part(service, true, attempts + 1, null, null, now, itemCount);
    }

    Part failed(String error, Instant next) {
      return new Part(service, false, attempts + 1, error, next, null, items);
    }
  }
}
