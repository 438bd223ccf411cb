package io.cxhub.survey.followup;

import io.cxhub.kit.domain.NpsCategory;
import java.util.List;

/**
 * What to do with a customer, by NPS category: talk to detractors to learn the cause,
 * engage passives, thank promoters, ask them why and invite them to recommend. The steps
 * are copied into each case, so a later change of the playbook does not rewrite open cases.
 */
public final class Playbooks {

  private Playbooks() {}

  /** @param category null for an alert without a score (fired by another service) */
  public static List<PlaybookStep> forCategory(NpsCategory category) {
    if (category == null) {
      return List.of(
          new PlaybookStep("investigate", "Look into the alert and identify the customers or the stage concerned"),
          new PlaybookStep("act", "Decide and record a corrective action"));
    }
    return switch (category) {
      case DETRACTOR -> List.of(
          new PlaybookStep("contact", "Contact the customer quickly (phone first) and apologise"),
          new PlaybookStep("learn-cause", "Learn the root cause of the dissatisfaction and tag it"),
          new PlaybookStep("fix", "Fix the customer's problem or offer a remedy"),
          new PlaybookStep("confirm", "Confirm with the customer that the problem is solved"));
      case PASSIVE -> List.of(
          new PlaybookStep("engage", "Contact the customer to thank them and ask what would make it a 10"),
          new PlaybookStep("offer", "Offer something that answers what they miss (information, service, offer)"));
      case PROMOTER -> List.of(
          new PlaybookStep("thank", "Thank the customer"),
          new PlaybookStep("ask-why", "Ask what they value most"),
          new PlaybookStep("invite", "Invite them to recommend us or to write a public review"));
    };
  }
}
