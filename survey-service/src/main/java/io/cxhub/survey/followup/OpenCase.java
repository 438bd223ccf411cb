package io.cxhub.survey.followup;

import io.cxhub.survey.webhook.WebhookPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a follow-up case with the playbook of its category and its SLA due times, and
 * announces it ({@code case.opened}). Idempotent: opening the same case id again (a retry
 * after a crash) stores nothing new but announces it again, which queues nothing new
 * either, since the event id derives from the case id.
 */
public final class OpenCase {

  private static final Logger log = LoggerFactory.getLogger(OpenCase.class);

  static final String CONSENT_AUTHOR = "respondent";
  static final String CONSENT_NOTE =
      "The respondent agreed to be contacted about this response (check box of the survey page).";

  /** SLA used when the rule gives none. */
  public record DefaultSla(Duration firstContact, Duration resolution) {}

  private final FollowUpCases cases;
  private final WebhookPublisher webhooks;
  private final DefaultSla defaults;
  private final Clock clock;

  public OpenCase(FollowUpCases cases, WebhookPublisher webhooks, DefaultSla defaults, Clock clock) {
    this.cases = cases;
    this.webhooks = webhooks;
    this.defaults = defaults;
    this.clock = clock;
  }

  public FollowUpCase open(CaseOpening o) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Duration firstContact = o.firstContactSla() != null ? o.firstContactSla() : defaults.firstContact();
    Duration resolution = o.resolutionSla() != null ? o.resolutionSla() : defaults.resolution();
    var opened = FollowUpCase.builder()
        .tenantId(o.tenantId())
        .caseId(o.caseId())
        .ruleId(o.ruleId())
        .responseId(o.responseId())
        .alertId(o.alertId())
        .surveyId(o.surveyId())
        .category(o.category())
        .title(o.title())
        .status(CaseStatus.OPEN)
        .assignee(o.assignee())
        .team(o.team())
        .playbook(Playbooks.forCategory(o.category()))
        .createdAt(now)
        .firstContactDue(now.plus(firstContact))
        .resolutionDue(now.plus(resolution))
        .notes(o.contactConsent() ? List.of(new CaseNote(CONSENT_AUTHOR, CONSENT_NOTE, now)) : List.of())
        .build();
    FollowUpCase stored;
    if (cases.insertIfAbsent(opened)) {
      stored = opened;
      log.info("case opened tenant={} case={} rule={} category={}", o.tenantId(), o.caseId(), o.ruleId(), o.category());
    } else {
      stored = cases.find(o.tenantId(), o.caseId())
          .orElseThrow(() -> new IllegalStateException("case " + o.caseId() + " vanished"));
    }
    webhooks.publish(CaseEvents.opened(stored));
    return stored;
  }
}
