package io.cxhub.survey.review;

import java.time.Instant;
import java.util.List;

/** Storage port of imported reviews. */
public interface Reviews {

  /**
   * Stores the review unless one with the same id exists.
   *
   * @return false for a duplicate (nothing changed)
   */
  boolean insertIfAbsent(Review review);

  /** Reviews of the tenant, most recent review first (review time, then id), after {@code after}. */
  List<Review> listNewestFirst(String tenantId, Cursor after, int limit);

  /** A position in that order. */
  record Cursor(Instant reviewTime, String id) {}
}
