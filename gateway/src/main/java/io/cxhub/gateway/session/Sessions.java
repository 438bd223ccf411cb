package io.cxhub.gateway.session;

import java.time.Instant;
import java.util.Optional;

/** Storage of sessions. Implementations may block: call them off the event loop. */
public interface Sessions {

  void insert(Session session);

  Optional<Session> find(String hash);

  void touch(String hash, Instant time);

  void delete(String hash);

  /** Ends every session of a user (user removed). */
  void deleteForUser(String userId);

  /** Drops sessions whose last request is older than {@code idleBefore} or which began before {@code createdBefore}. */
  long deleteExpired(Instant idleBefore, Instant createdBefore);
}
