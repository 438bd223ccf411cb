package io.cxhub.survey.distribution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port of distributions. */
public interface Distributions {

  /** Stores a new distribution; its id and token are fresh and random, so they cannot collide. */
  void insert(Distribution distribution);

  /** The distribution {@code id} of {@code tenantId}; empty if it is another tenant's. */
  Optional<Distribution> find(String tenantId, String id);

  /**
   * The distribution holding {@code token}, whatever its tenant: the public respondent path,
   * where the unguessable token designates the tenant.
   */
  Optional<Distribution> findByToken(String token);

  /** Replaces the status (and update time) of a stored distribution. */
  void updateStatus(Distribution updated);

  /**
   * Distributions of one survey, newest first (create time, then id, both descending),
   * strictly after {@code after} in that order when it is given.
   */
  List<Distribution> listNewestFirst(String tenantId, String surveyId, Cursor after, int limit);

  /** A position in the newest-first order. */
  record Cursor(Instant createTime, String id) {}
}
