package io.cxhub.survey.followup;

import java.time.Instant;
import java.util.List;

/**
 * A customer to get back to, opened by an alert rule (or a fired alert).
 *
 * @param ruleId null when no rule opened it
 * @param responseId null for a fired alert
 * @param alertId the client's alert id of a fired alert, else null
 * @param category null when there is no NPS score
 * @param firstContactLate the first contact happened after its due time
 * @param resolutionLate the (last) resolution happened after its due time
 * @param version incremented by every change; names the change in {@code case.updated} events
 */
public record FollowUpCase(
    String tenantId,
    String caseId,
    String ruleId,
    String responseId,
    String alertId,
    String surveyId,
    NpsCategory category,
    String title,
    CaseStatus status,
    String assignee,
    String team,
    String rootCause,
    List<PlaybookStep> playbook,
    List<CaseNote> notes,
    Instant createdAt,
    Instant firstContactDue,
    Instant resolutionDue,
    Instant firstContactAt,
    Instant resolvedAt,
    boolean firstContactLate,
    boolean resolutionLate,
    long version) {

  public FollowUpCase {
    playbook = List.copyOf(playbook);
    notes = List.copyOf(notes);
  }

  /**
   * Whether an SLA is breached at {@code now}: a due time passed without its step, or the
   * step happened late.
   */
  public boolean breached(Instant now) {
    return firstContactLate
        || resolutionLate
        || (firstContactAt == null && now.isAfter(firstContactDue))
        || (resolvedAt == null && now.isAfter(resolutionDue));
  }

  FollowUpCase with(
      CaseStatus status, String assignee, String team, String rootCause, List<CaseNote> notes,
      Instant firstContactAt, Instant resolvedAt, boolean firstContactLate, boolean resolutionLate) {
    return new FollowUpCase(tenantId, caseId, ruleId, responseId, alertId, surveyId, category, title, status,
        assignee, team, rootCause, playbook, notes, createdAt, firstContactDue, resolutionDue, firstContactAt,
        resolvedAt, firstContactLate, resolutionLate, version + 1);
  }
}
