package io.cxhub.survey.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port of surveys. */
public interface Surveys {

  /** Stores a new survey. Its id is fresh and random, so it cannot collide. */
  void insert(Survey survey);

  /**
   * Replaces the current definition of {@code updated.id()} if it is still the one read
   * (same version and update time), so concurrent edits cannot overwrite each other.
   *
   * @return false when the survey changed (or vanished) since it was read
   */
  boolean replace(Survey updated, int expectedVersion, Instant expectedUpdateTime);

  /**
   * Keeps {@code snapshot} as a published version, readable by {@link #findVersion}. Storing
   * the same version again is harmless (a retry), so it may be called before the
   * {@link #replace} that supersedes it.
   */
  void keepVersion(Survey snapshot);

  /** A version kept by {@link #keepVersion}; the current one is read with {@link #find}. */
  Optional<Survey> findVersion(String tenantId, String surveyId, int version);

  /** The survey {@code surveyId} of {@code tenantId}; empty if it is another tenant's. */
  Optional<Survey> find(String tenantId, String surveyId);

  /**
   * Surveys of {@code tenantId} ordered newest first (create time, then id, both
   * descending), strictly after {@code after} in that order when it is given.
   */
  List<Survey> listNewestFirst(String tenantId, Cursor after, int limit);

  /** A position in the newest-first order: the sort key of the last survey seen. */
  record Cursor(Instant createTime, String surveyId) {}
}
