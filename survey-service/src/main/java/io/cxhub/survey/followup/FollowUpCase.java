package io.cxhub.survey.followup;

import io.cxhub.kit.domain.NpsCategory;
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
    return toBuilder().status(status).assignee(assignee).team(team).rootCause(rootCause).notes(notes)
        .firstContactAt(firstContactAt).resolvedAt(resolvedAt).firstContactLate(firstContactLate)
        .resolutionLate(resolutionLate).version(version + 1).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this case's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .tenantId(tenantId)
        .caseId(caseId)
        .ruleId(ruleId)
        .responseId(responseId)
        .alertId(alertId)
        .surveyId(surveyId)
        .category(category)
        .title(title)
        .status(status)
        .assignee(assignee)
        .team(team)
        .rootCause(rootCause)
        .playbook(playbook)
        .notes(notes)
        .createdAt(createdAt)
        .firstContactDue(firstContactDue)
        .resolutionDue(resolutionDue)
        .firstContactAt(firstContactAt)
        .resolvedAt(resolvedAt)
        .firstContactLate(firstContactLate)
        .resolutionLate(resolutionLate)
        .version(version);
  }

  /**
   * Builds a case by naming its parts. Defaults: status OPEN, no playbook, no notes, version
   * 1; everything else null or false.
   */
  public static final class Builder {
    private String tenantId;
    private String caseId;
    private String ruleId;
    private String responseId;
    private String alertId;
    private String surveyId;
    private NpsCategory category;
    private String title;
    private CaseStatus status = CaseStatus.OPEN;
    private String assignee;
    private String team;
    private String rootCause;
    private List<PlaybookStep> playbook = List.of();
    private List<CaseNote> notes = List.of();
    private Instant createdAt;
    private Instant firstContactDue;
    private Instant resolutionDue;
    private Instant firstContactAt;
    private Instant resolvedAt;
    private boolean firstContactLate;
    private boolean resolutionLate;
    private long version = 1;

    private Builder() {}

    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    public Builder caseId(String caseId) {
      this.caseId = caseId;
      return this;
    }

    public Builder ruleId(String ruleId) {
      this.ruleId = ruleId;
      return this;
    }

    public Builder responseId(String responseId) {
      this.responseId = responseId;
      return this;
    }

    public Builder alertId(String alertId) {
      this.alertId = alertId;
      return this;
    }

    public Builder surveyId(String surveyId) {
      this.surveyId = surveyId;
      return this;
    }

    public Builder category(NpsCategory category) {
      this.category = category;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder status(CaseStatus status) {
      this.status = status;
      return this;
    }

    public Builder assignee(String assignee) {
      this.assignee = assignee;
      return this;
    }

    public Builder team(String team) {
      this.team = team;
      return this;
    }

    public Builder rootCause(String rootCause) {
      this.rootCause = rootCause;
      return this;
    }

    public Builder playbook(List<PlaybookStep> playbook) {
      this.playbook = playbook;
      return this;
    }

    public Builder notes(List<CaseNote> notes) {
      this.notes = notes;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder firstContactDue(Instant firstContactDue) {
      this.firstContactDue = firstContactDue;
      return this;
    }

    public Builder resolutionDue(Instant resolutionDue) {
      this.resolutionDue = resolutionDue;
      return this;
    }

    public Builder firstContactAt(Instant firstContactAt) {
      this.firstContactAt = firstContactAt;
      return this;
    }

    public Builder resolvedAt(Instant resolvedAt) {
      this.resolvedAt = resolvedAt;
      return this;
    }

    public Builder firstContactLate(boolean firstContactLate) {
      this.firstContactLate = firstContactLate;
      return this;
    }

    public Builder resolutionLate(boolean resolutionLate) {
      this.resolutionLate = resolutionLate;
      return this;
    }

    public Builder version(long version) {
      this.version = version;
      return this;
    }

    public FollowUpCase build() {
      return new FollowUpCase(tenantId, caseId, ruleId, responseId, alertId, surveyId, category, title, status,
          assignee, team, rootCause, playbook, notes, createdAt, firstContactDue, resolutionDue, firstContactAt,
          resolvedAt, firstContactLate, resolutionLate, version);
    }
  }
}
