package io.cxhub.gateway.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of users and their invitations. Implementations may block: call them off the event loop. */
public interface Users {

  /** Stores a new user. @return false if the e-mail address or id is taken (nothing is changed) */
  boolean insert(User user);

  Optional<User> find(String userId);

  /** @param email lower case */
  Optional<User> findByEmail(String email);

  /** The tenant's users by e-mail address. */
  List<User> list(String tenantId);

  /** Replaces a user's role. @return the user as stored after the change */
  Optional<User> updateRole(String tenantId, String userId, io.cxhub.gateway.apikey.Role role);

  void recordLogin(String userId, Instant time);

  /** @return whether a user of that tenant was deleted */
  boolean delete(String tenantId, String userId);

  void insertInvitation(Invitation invitation);

  Optional<Invitation> findInvitation(String hash);

  /** The newest invitation of an address that is open at {@code now}, whatever its tenant. @param email lower case */
  Optional<Invitation> findOpenInvitation(String email, Instant now);

  /** The tenant's invitations that are open at {@code now}. */
  List<Invitation> openInvitations(String tenantId, Instant now);

  /** Marks an open invitation accepted. @return false if it was accepted already */
  boolean acceptInvitation(String hash, Instant time);
}
