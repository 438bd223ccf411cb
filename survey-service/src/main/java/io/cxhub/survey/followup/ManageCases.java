package io.cxhub.survey.followup;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.paging.PageFilter;
import io.cxhub.kit.paging.PageRequest;
import io.cxhub.survey.webhook.WebhookPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' use cases on cases: read, list, assign, tag, move along the lifecycle and
 * annotate. Every change increments the case's version (optimistic concurrency) and is
 * announced as {@code case.updated}.
 */
public final class ManageCases {

  private static final Logger log = LoggerFactory.getLogger(ManageCases.class);
  static final int MAX_NOTE = 5000;
  static final int MAX_LABEL = 200;

  /** A page of cases and the token of the next one (null on the last page). */
  public record Page(List<FollowUpCase> cases, String nextPageToken) {}

  private final FollowUpCases cases;
  private final WebhookPublisher webhooks;
  private final Clock clock;

  public ManageCases(FollowUpCases cases, WebhookPublisher webhooks, Clock clock) {
    this.cases = cases;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  public FollowUpCase get(String tenantId, String caseId) {
    return cases.find(tenantId, caseId).orElseThrow(() -> new NotFoundException("case", caseId));
  }

  public Page list(String tenantId, CaseFilter filter, int pageSize, String pageToken) {
    var page = PageRequest.of(pageSize, pageToken, PageFilter.of(filter.status(), filter.category(),
        filter.assignee(), filter.team(), filter.breachedOnly(), filter.surveyId()));
    var found = cases.list(tenantId, filter, new PageRequest(page.size() + 1, page.after()), clock.instant());
    if (found.size() <= page.size()) {
      return new Page(found, null);
    }
    var shown = found.subList(0, page.size());
    return new Page(List.copyOf(shown), page.nextToken(FollowUpCases.sortKey(shown.get(shown.size() - 1))));
  }

  /** Sets the non-null fields. */
  public FollowUpCase update(String tenantId, String caseId, String assignee, String team, String rootCause) {
    for (var field : List.of(new String[] {"assignee", assignee}, new String[] {"team", team},
        new String[] {"root_cause", rootCause})) {
      if (field[1] != null && field[1].length() > MAX_LABEL) {
        throw InvalidInputException.of(field[0], "must be at most " + MAX_LABEL + " characters");
      }
    }
    return change(tenantId, caseId, c -> c.with(c.status(),
        assignee != null ? assignee : c.assignee(),
        team != null ? team : c.team(),
        rootCause != null ? rootCause : c.rootCause(),
        c.notes(), c.firstContactAt(), c.resolvedAt(), c.firstContactLate(), c.resolutionLate()));
  }

  /**
   * @throws PreconditionFailedException naming both states when the lifecycle does not
   *     allow the move
   */
  public FollowUpCase transition(String tenantId, String caseId, CaseStatus target) {
    if (target == null) {
      throw InvalidInputException.of("status", "is required");
    }
    return change(tenantId, caseId, c -> {
      if (!c.status().canMoveTo(target)) {
        throw new PreconditionFailedException("case '" + caseId + "' cannot move from " + c.status()
            + " to " + target + "; allowed: " + c.status().next());
      }
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      Instant firstContactAt = c.firstContactAt();
      boolean firstContactLate = c.firstContactLate();
      Instant resolvedAt = c.resolvedAt();
      boolean resolutionLate = c.resolutionLate();
      if (target == CaseStatus.CONTACTED && firstContactAt == null) {
        firstContactAt = now;
        firstContactLate = now.isAfter(c.firstContactDue());
      }
      if (target == CaseStatus.RESOLVED) {
        resolvedAt = now;
        resolutionLate = now.isAfter(c.resolutionDue());
      }
      if (target == CaseStatus.OPEN) {
        // reopened: the resolution clock runs again against the same due time
        resolvedAt = null;
      }
      return c.with(target, c.assignee(), c.team(), c.rootCause(), c.notes(), firstContactAt, resolvedAt,
          firstContactLate, resolutionLate);
    });
  }

  public FollowUpCase addNote(String tenantId, String caseId, String author, String text) {
    if (text == null || text.isBlank()) {
      throw InvalidInputException.of("text", "is required");
    }
    if (text.length() > MAX_NOTE) {
      throw InvalidInputException.of("text", "must be at most " + MAX_NOTE + " characters");
    }
    if (author != null && author.length() > MAX_LABEL) {
      throw InvalidInputException.of("author", "must be at most " + MAX_LABEL + " characters");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return change(tenantId, caseId, c -> {
      var notes = new ArrayList<>(c.notes());
      notes.add(new CaseNote(author == null ? "" : author, text, now));
      return c.with(c.status(), c.assignee(), c.team(), c.rootCause(), notes, c.firstContactAt(), c.resolvedAt(),
          c.firstContactLate(), c.resolutionLate());
    });
  }

  private FollowUpCase change(String tenantId, String caseId, UnaryOperator<FollowUpCase> change) {
    for (int attempt = 0; attempt < 5; attempt++) {
      var current = get(tenantId, caseId);
      var changed = change.apply(current);
      if (cases.replace(changed, current.version())) {
        log.info("case updated tenant={} case={} status={} version={}", tenantId, caseId, changed.status(), changed.version());
        webhooks.publish(CaseEvents.updated(changed, clock.instant()));
        return changed;
      }
    }
    throw new PreconditionFailedException("case '" + caseId + "' is being changed concurrently; try again");
  }
}
