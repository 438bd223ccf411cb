package io.cxhub.survey.followup;

import io.cxhub.kit.paging.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port of follow-up cases; every method is scoped to one tenant. */
public interface FollowUpCases {

  /**
   * Stores a new case unless one with the same id exists.
   *
   * @return false if it existed already (a retry); nothing is then changed
   */
  boolean insertIfAbsent(FollowUpCase followUpCase);

  Optional<FollowUpCase> find(String tenantId, String caseId);

  /**
   * Replaces the case if its stored version is {@code expectedVersion} (optimistic
   * concurrency: two agents updating at once cannot silently overwrite each other).
   *
   * @return false if the case changed meanwhile
   */
  boolean replace(FollowUpCase followUpCase, long expectedVersion);

  /** Newest first, {@code page.size()} at most; {@code now} decides the breach filter. */
  List<FollowUpCase> list(String tenantId, CaseFilter filter, PageRequest page, Instant now);

  /** Sort key of a case in listings, to put in the next page token. */
  static String sortKey(FollowUpCase c) {
    return c.createdAt().toEpochMilli() + ":" + c.caseId();
  }
}
