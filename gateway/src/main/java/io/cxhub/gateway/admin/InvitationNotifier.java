package io.cxhub.gateway.admin;

import io.cxhub.gateway.session.Invitation;

/**
 * Tells the person invited about a new invitation (by e-mail when an SMTP server is
 * configured). It never throws and never fails the invitation: the admin can always copy
 * the link instead.
 */
@FunctionalInterface
public interface InvitationNotifier {

  /**
   * What the person is told.
   *
   * @param invitation the invitation just stored
   * @param tenantName the tenant's display name
   * @param language {@code en} or {@code fr}
   * @param inviteUrl the absolute secret link
   */
  record Notice(Invitation invitation, String tenantName, String language, String inviteUrl) {}

  /** Whether the notice was taken for delivery (e.g. accepted by the SMTP server). */
  boolean notify(Notice notice);

  /** No e-mail configured: nothing is sent, the admin copies the link. */
  static InvitationNotifier none() {
    return notice -> false;
  }
}
