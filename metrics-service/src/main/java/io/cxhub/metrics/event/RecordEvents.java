package io.cxhub.metrics.event;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.Violations;
import io.cxhub.metrics.ingest.Segments;
import io.cxhub.metrics.rollup.ExactlyOnceAggregator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Records business events: validates them, resolves the segment, persona and value tier of
 * each event's customer (the same {@link Segments} lookup and fallback as responses: no
 * customer id → empty, not resolved → {@code unassigned}), then counts each exactly once (by
 * its {@code event_id}) through the tenant's event ledger and cubes. The profile is stored
 * with the event by its first recording, so a retry never moves it to another slice.
 */
public final class RecordEvents {

  /** How many events are counted in one call to the aggregator. */
  static final int CHUNK = EventValidation.MAX_EVENTS;

  private final ExactlyOnceAggregator<BusinessEvent> aggregator;
  private final Clock clock;
  private final CustomerEventFeed customerFeed;
  private final Segments segments;

  public RecordEvents(ExactlyOnceAggregator<BusinessEvent> aggregator, Clock clock) {
    this(aggregator, clock, CustomerEventFeed.NONE, Segments.NONE);
  }

  /**
   * @param customerFeed receives orders and contacts before they are counted (see {@link CustomerEventFeed})
   * @param segments resolves the customers' profiles (never throws: see {@link Segments})
   */
  public RecordEvents(
      ExactlyOnceAggregator<BusinessEvent> aggregator, Clock clock, CustomerEventFeed customerFeed, Segments segments) {
    this.aggregator = aggregator;
    this.clock = clock;
    this.customerFeed = customerFeed;
    this.segments = segments;
  }

  /**
   * Records a batch, all or nothing: one invalid event and none is recorded.
   *
   * @throws InvalidInputException naming every invalid field ({@code events[3].occur_time})
   */
  public BatchOutcome record(String tenantId, List<BusinessEvent> events) {
    return record(tenantId, events, new Violations());
  }

  /**
   * Records a batch, reporting the problems its adapter found while reading it together with
   * those of the rules.
   *
   * @param violations problems found so far (e.g. an unreadable amount); any makes the batch fail
   */
  public BatchOutcome record(String tenantId, List<BusinessEvent> events, Violations violations) {
    if (events.isEmpty()) {
      violations.add("events", "is required: 1 to " + EventValidation.MAX_EVENTS + " events");
    } else if (events.size() > EventValidation.MAX_EVENTS) {
      violations.add("events", "must hold at most " + EventValidation.MAX_EVENTS + " events, not " + events.size());
    } else {
      Instant now = clock.instant();
      for (int i = 0; i < events.size(); i++) {
        EventValidation.validate(events.get(i), "events[" + i + "].", now, violations);
      }
    }
    violations.throwIfAny();
    return count(tenantId, events);
  }

  /**
   * Records the valid lines of an import and reports the others; a bad line never keeps the
   * good ones from being recorded.
   *
   * @param lines the non-blank lines, each parsed (or not) by the adapter
   */
  public ImportOutcome importLines(String tenantId, List<ImportLine> lines) {
    if (lines.isEmpty()) {
      throw InvalidInputException.of("body", "holds no event: send one JSON event per line");
    }
    if (lines.size() > EventValidation.MAX_EVENTS) {
      throw InvalidInputException.of("body",
          "holds " + lines.size() + " events; at most " + EventValidation.MAX_EVENTS + " per import");
    }
    Instant now = clock.instant();
    var valid = new ArrayList<BusinessEvent>();
    var errors = new ArrayList<LineError>();
    int rejected = 0;
    for (ImportLine line : lines) {
      var violations = new Violations();
      line.problems().forEach(p -> violations.add(p.field(), p.description()));
      if (line.event() != null) {
        EventValidation.validate(line.event(), "", now, violations);
      }
      if (violations.isEmpty() && line.event() != null) {
        valid.add(line.event());
      } else {
        rejected++;
        // a field that could not be read is also missing for the rules: report it once
        var named = new HashSet<String>();
        for (FieldViolation v : violations.asList()) {
          if (named.add(v.field())) {
            errors.add(new LineError(line.number(), v.field(), v.description()));
          }
        }
      }
    }
    var counted = valid.isEmpty() ? new BatchOutcome(0, 0, 0) : count(tenantId, valid);
    return new ImportOutcome(lines.size(), counted.recorded(), counted.duplicates(), rejected,
        errors.subList(0, Math.min(errors.size(), ImportOutcome.MAX_ERRORS)));
  }

  private BatchOutcome count(String tenantId, List<BusinessEvent> events) {
    int recorded = 0;
    int duplicates = 0;
    var seen = new HashSet<String>();
    for (int from = 0; from < events.size(); from += CHUNK) {
      var chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
      customerFeed.offer(tenantId, chunk);
      var profiles = segments.profilesOf(tenantId, chunk.stream().map(BusinessEvent::customerId).toList());
      var outcome = aggregator.record(tenantId,
          chunk.stream().map(e -> e.withProfile(profiles.apply(e.customerId()))).toList());
      recorded += outcome.applied();
      duplicates += outcome.duplicates();
      chunk.forEach(e -> seen.add(e.eventId()));
    }
    // repeats within the request: counted once, the other copies are duplicates
    duplicates += events.size() - seen.size();
    return new BatchOutcome(events.size(), recorded, duplicates);
  }

  /**
   * @param received events in the request
   * @param recorded events counted by this call
   * @param duplicates events counted before, or repeated within the request
   */
  public record BatchOutcome(int received, int recorded, int duplicates) {}

  /**
   * A non-blank line of an NDJSON import.
   *
   * @param number line number, from 1
   * @param event the event it holds; null when it could not be read
   * @param problems what could not be read, by proto field name without prefix (empty
   *     field: the line as a whole)
   */
  public record ImportLine(int number, BusinessEvent event, List<FieldViolation> problems) {

    public ImportLine {
      problems = List.copyOf(problems);
    }
  }

  /** A problem of one import line; {@code field} is empty when the line as a whole is at fault. */
  public record LineError(int line, String field, String description) {}

  /**
   * @param lines non-blank lines read
   * @param recorded events counted by this call
   * @param duplicates valid events counted before, or repeated within the import
   * @param rejected invalid lines, not recorded
   * @param errors their problems in line order, at most {@link #MAX_ERRORS}
   */
  public record ImportOutcome(int lines, int recorded, int duplicates, int rejected, List<LineError> errors) {

    public static final int MAX_ERRORS = 100;

    public ImportOutcome {
      errors = List.copyOf(errors);
    }
  }
}
