package io.cxhub.metrics.event;

import io.cxhub.kit.error.Violations;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The rules an event must follow to be recorded. Every problem is reported, each under its
 * field's path ({@code events[3].occur_time}), so that a sender fixes a batch in one round trip.
 */
public final class EventValidation {

  /** Most events per batch or import. */
  public static final int MAX_EVENTS = 1000;
  /** Longest identifier (event, case, customer, funnel, step, team, stage, touchpoint). */
  public static final int MAX_ID = 128;
  /** Longest duration accepted (handling time, first response time): 366 days. */
  public static final long MAX_SECONDS = DurationBins.HIGHEST_SECONDS;
  /** Most contacts one case may report. */
  public static final int MAX_CONTACTS = 1000;
  /** How far in the future an event may be dated (clock skew between systems). */
  public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
  /** Earliest accepted event time. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7E]{1," + MAX_ID + "}");

  private EventValidation() {}

  /**
   * Checks one event.
   *
   * @param prefix prepended to field names, e.g. {@code events[3].}; empty for none
   * @param now the current time, to refuse events from the future
   */
  public static void validate(BusinessEvent event, String prefix, Instant now, Violations violations) {
    String id = event.eventId();
    if (id == null || id.isEmpty()) {
      violations.add(prefix + "event_id", "is required");
    } else if (!EVENT_ID.matcher(id).matches()) {
      violations.add(prefix + "event_id", "must be 1 to " + MAX_ID + " visible ASCII characters (no spaces)");
    }
    if (event.type() == null) {
      violations.add(prefix + "type", "is required: one of the EVENT_TYPE_… values");
    }
    Instant at = event.occurTime();
    if (at == null) {
      violations.add(prefix + "occur_time", "is required");
    } else if (at.isBefore(EARLIEST)) {
      violations.add(prefix + "occur_time", "must not be before " + EARLIEST);
    } else if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
      violations.add(prefix + "occur_time", "must not be in the future");
    }
    violations.maxLength(prefix + "team", event.team(), MAX_ID);
    violations.maxLength(prefix + "stage_id", event.stageId(), MAX_ID);
    violations.maxLength(prefix + "touchpoint_id", event.touchpointId(), MAX_ID);
    violations.maxLength(prefix + "case_id", event.caseId(), MAX_ID);
    violations.maxLength(prefix + "customer_id", event.customerId(), MAX_ID);
    violations.maxLength(prefix + "funnel_id", event.funnelId(), MAX_ID);
    violations.maxLength(prefix + "step", event.step(), MAX_ID);
    if (event.type() == null) {
      return;
    }
    switch (event.type()) {
      case CONTACT_OPENED -> required(prefix + "case_id", event.caseId(), violations);
      case FIRST_RESPONSE -> {
        required(prefix + "case_id", event.caseId(), violations);
        Instant opened = event.openedTime();
        if (opened == null) {
          violations.add(prefix + "opened_time", "is required for a first response");
        } else if (at != null && opened.isAfter(at)) {
          violations.add(prefix + "opened_time", "must not be after occur_time");
        } else if (at != null && Duration.between(opened, at).getSeconds() > MAX_SECONDS) {
          violations.add(prefix + "opened_time", "must be at most 366 days before occur_time");
        }
      }
      case CASE_RESOLVED -> {
        required(prefix + "case_id", event.caseId(), violations);
        if (event.contactCount() < 1 || event.contactCount() > MAX_CONTACTS) {
          violations.add(prefix + "contact_count",
              "is required for a resolution: from 1 to " + MAX_CONTACTS);
        }
        Long handling = event.handlingSeconds();
        if (handling != null && (handling < 0 || handling > MAX_SECONDS)) {
          violations.add(prefix + "handling_seconds", "must be from 0 to " + MAX_SECONDS + " (366 days)");
        }
      }
      case VISIT -> { }
      case FUNNEL_STEP_VIEWED, FUNNEL_STEP_COMPLETED -> {
        required(prefix + "funnel_id", event.funnelId(), violations);
        required(prefix + "step", event.step(), violations);
        if (event.stepOrder() < 1 || event.stepOrder() > 1000) {
          violations.add(prefix + "step_order", "is required for a funnel step: from 1 to 1000");
        }
      }
      case ORDER_PLACED -> {
        required(prefix + "customer_id", event.customerId(), violations);
        // an amount that could not be read is reported already, under amount or its parts
        boolean amountReported = violations.asList().stream().anyMatch(v -> v.field().startsWith(prefix + "amount"));
        if (event.amount() == null && !amountReported) {
          violations.add(prefix + "amount", "is required for an order");
        }
      }
    }
  }

  private static void required(String field, String value, Violations violations) {
    if (value.isBlank()) {
      violations.add(field, "is required for this event type");
    }
  }
}
