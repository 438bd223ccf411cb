package io.cxhub.survey.invitation;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public opt-out link: the invitation's address, and its customer when known, join the
 * tenant's suppression list for good. Nothing is cancelled here: the dispatcher checks the
 * list before every send, so queued invitations, retries and reminders all stop.
 */
public final class OptOut {

  private static final Logger log = LoggerFactory.getLogger(OptOut.class);

  private final Invitations invitations;
  private final Campaigns campaigns;
  private final Suppressions suppressions;
  private final Clock clock;

  public OptOut(Invitations invitations, Campaigns campaigns, Suppressions suppressions, Clock clock) {
    this.invitations = invitations;
    this.campaigns = campaigns;
    this.suppressions = suppressions;
    this.clock = clock;
  }

  /** @return the sentence to show, in the campaign's language */
  public String optOut(String token) {
    if (token == null || token.isEmpty()) {
      throw InvalidInputException.of("token", "is required");
    }
    Invitation invitation = invitations.findByToken(token).orElseThrow(() -> new NotFoundException("invitation", token));
    suppressions.add(invitation.tenantId(), SuppressionKeys.of(invitation),
        "opt-out through invitation " + invitation.invitationId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    log.info("opt-out tenant={} invitation={} channel={}", invitation.tenantId(), invitation.invitationId(),
        invitation.channel());
    String language = campaigns.find(invitation.tenantId(), invitation.campaignId()).map(Campaign::language).orElse("en");
    return InvitationTexts.optedOut(language);
  }
}
