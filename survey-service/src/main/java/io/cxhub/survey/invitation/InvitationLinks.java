package io.cxhub.survey.invitation;

/** The public links a message carries, built from the public base URL. */
public interface InvitationLinks {

  /** The survey link of an invitation token (it opens the survey as the distribution's link does). */
  String survey(String token);

  /** The opt-out link of an invitation token. */
  String optOut(String token);
}
