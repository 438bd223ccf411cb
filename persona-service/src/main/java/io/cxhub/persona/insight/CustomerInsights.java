package io.cxhub.persona.insight;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.Violations;
import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.Customers;
import io.cxhub.persona.persona.Persona;
import io.cxhub.persona.persona.Personas;
import io.cxhub.persona.segment.Segment;
import io.cxhub.persona.segment.Segments;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persona and segment cards and contact patterns, computed when read: the population from
 * the tenant's customers (one pass), the scores from metrics-service through {@link Scores}
 * (a failure or a missed deadline gives a card without scores, saying so, never an error).
 */
public final class CustomerInsights {

  public static final String UNSEGMENTED = "unsegmented";
  static final int NARRATIVE_ENTRIES = 20;
  static final int NARRATIVE_LENGTH = 500;
  private static final Logger log = LoggerFactory.getLogger(CustomerInsights.class);

  private final Customers customers;
  private final Personas personas;
  private final Segments segments;
  private final Narratives narratives;
  private final Scores scores;
  private final Clock clock;

  public CustomerInsights(Customers customers, Personas personas, Segments segments, Narratives narratives,
      Scores scores, Clock clock) {
    this.customers = Objects.requireNonNull(customers);
    this.personas = Objects.requireNonNull(personas);
    this.segments = Objects.requireNonNull(segments);
    this.narratives = Objects.requireNonNull(narratives);
    this.scores = Objects.requireNonNull(scores);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * A persona's goals, needs, frustrations or motivations were edited (or the persona was
   * deleted): a narrative stored for its card no longer hides them.
   */
  public void personaTextsChanged(String tenantId, String personaId) {
    narratives.delete(tenantId, Narratives.Subject.PERSONA, personaId);
  }

  /** @throws NotFoundException if the tenant has no such persona */
  public CustomerCard personaCard(String tenantId, String personaId, String startDate, String endDate) {
    require("persona_id", personaId);
    var period = period(startDate, endDate);
    Persona persona = personas.find(tenantId, personaId).orElseThrow(() -> new NotFoundException("persona", personaId));
    var p = persona.profile();
    var narrative = narratives.find(tenantId, Narratives.Subject.PERSONA, personaId)
        .orElse(new CardNarrative(p.goals(), p.needs(), p.frustrations(), p.motivations()));
    return card(tenantId, Narratives.Subject.PERSONA, personaId, p.name(), c -> personaId.equals(c.slicingPersona()),
        Scores.Slice.PERSONA, period, narrative);
  }

  /**
   * The card of a rule segment, or of a stated segment label with customers.
   *
   * @throws NotFoundException if it is neither
   */
  public CustomerCard segmentCard(String tenantId, String segmentId, String startDate, String endDate) {
    require("segment_id", segmentId);
    var period = period(startDate, endDate);
    Optional<Segment> rule = segments.find(tenantId, segmentId);
    var card = card(tenantId, Narratives.Subject.SEGMENT, segmentId,
        rule.map(s -> s.definition().displayName().isEmpty() ? segmentId : s.definition().displayName()).orElse(segmentId),
        c -> c.segmentIds().contains(segmentId) || segmentId.equals(c.segment()), Scores.Slice.SEGMENT, period,
        narratives.find(tenantId, Narratives.Subject.SEGMENT, segmentId).orElse(CardNarrative.EMPTY));
    if (rule.isEmpty() && card.size() == 0) {
      throw new NotFoundException("segment", segmentId);
    }
    return card;
  }

  /**
   * Replaces a card's narrative.
   *
   * @throws NotFoundException if the persona or segment does not exist
   */
  public CardNarrative updateNarrative(String tenantId, String subject, String subjectId, CardNarrative narrative) {
    var violations = new Violations();
    Narratives.Subject kind = "persona".equals(subject) ? Narratives.Subject.PERSONA
        : "segment".equals(subject) ? Narratives.Subject.SEGMENT : null;
    violations.check(kind != null, "subject", "must be persona or segment");
    violations.requireText("subject_id", subjectId, 128);
    entries(violations, "narrative.goals", narrative.goals());
    entries(violations, "narrative.needs", narrative.needs());
    entries(violations, "narrative.frustrations", narrative.frustrations());
    entries(violations, "narrative.motivations", narrative.motivations());
    violations.throwIfAny();
    boolean exists = kind == Narratives.Subject.PERSONA ? personas.find(tenantId, subjectId).isPresent()
        : segments.find(tenantId, subjectId).isPresent();
    if (!exists) {
      throw new NotFoundException(subject, subjectId);
    }
    narratives.save(tenantId, kind, subjectId, narrative);
    return narrative;
  }

  /** Contacts by segment × channel × weekday × hour, and effort per segment. */
  public ContactPatterns contactPatterns(String tenantId, String segmentId, String startDate, String endDate) {
    var period = period(startDate, endDate);
    var cells = new TreeMap<String, long[]>();
    var customersBySegment = new TreeMap<String, long[]>();
    customers.forEach(tenantId, c -> {
      String segment = c.slicingSegment().isEmpty() ? UNSEGMENTED : c.slicingSegment();
      if (segmentId != null && !segmentId.isEmpty() && !segment.equals(segmentId)) {
        return;
      }
      var totals = customersBySegment.computeIfAbsent(segment, s -> new long[2]);
      totals[0]++;
      totals[1] += c.activity().contacts();
      c.activity().contactsBySlot().forEach((slot, n) -> cells.computeIfAbsent(segment + "|" + slot, k -> new long[1])[0] += n);
    });
    var cellList = new ArrayList<ContactPatterns.Cell>();
    cells.forEach((key, n) -> {
      String[] parts = key.split("\\|", 2);
      String[] slot = parts[1].split("-");
      cellList.add(new ContactPatterns.Cell(parts[0], slot[0], Integer.parseInt(slot[1]), Integer.parseInt(slot[2]), n[0]));
    });
    cellList.sort(Comparator.comparing(ContactPatterns.Cell::segment).thenComparing(ContactPatterns.Cell::channel)
        .thenComparingInt(ContactPatterns.Cell::weekday).thenComparingInt(ContactPatterns.Cell::hour));
    Map<String, Score> effort = Map.of();
    boolean available = true;
    try {
      effort = scores.read(tenantId, Scores.Metric.CES, Scores.Slice.SEGMENT, List.copyOf(customersBySegment.keySet()),
          period.from(), period.to());
    } catch (DependencyUnavailableException e) {
      available = false;
      log.warn("contact patterns without effort scores tenant={}: {}", tenantId, e.getMessage());
    }
    var efforts = new ArrayList<ContactPatterns.SegmentEffort>();
    for (var e : customersBySegment.entrySet()) {
      efforts.add(new ContactPatterns.SegmentEffort(e.getKey(), e.getValue()[0], e.getValue()[1],
          effort.get(e.getKey())));
    }
    efforts.sort(Comparator.comparingDouble(ContactPatterns.SegmentEffort::contactsPerCustomer).reversed()
        .thenComparing(ContactPatterns.SegmentEffort::segment));
    return new ContactPatterns(List.copyOf(cellList), List.copyOf(efforts), available, period.from(), period.to());
  }

  private CustomerCard card(String tenantId, Narratives.Subject subject, String id, String name,
      Predicate<Customer> member, Scores.Slice slice, Period period, CardNarrative narrative) {
    long[] counts = new long[3]; // all, members, valued members
    double[] money = new double[2]; // revenue, clv
    var tiers = new TreeMap<String, Long>();
    var channels = new HashMap<String, Long>();
    var weekdays = new TreeMap<Integer, Long>();
    var hours = new TreeMap<Integer, Long>();
    customers.forEach(tenantId, c -> {
      counts[0]++;
      if (!member.test(c)) {
        return;
      }
      counts[1]++;
      money[0] += c.spent();
      var value = c.valueIfComputed();
      tiers.merge(value.map(v -> v.tier().label()).orElse("not_valued"), 1L, Long::sum);
      if (value.isPresent()) {
        counts[2]++;
        money[1] += value.get().clv();
      }
      String preferred = preferredChannel(c);
      if (!preferred.isEmpty()) {
        channels.merge(preferred, 1L, Long::sum);
      }
      c.activity().contactsByWeekday().forEach((d, n) -> weekdays.merge(d, n, Long::sum));
      c.activity().contactsByHour().forEach((h, n) -> hours.merge(h, n, Long::sum));
    });
    var byMetric = new EnumMap<Scores.Metric, Score>(Scores.Metric.class);
    boolean available = true;
    try {
      for (var metric : Scores.Metric.values()) {
        var found = scores.read(tenantId, metric, slice, List.of(id), period.from(), period.to()).get(id);
        if (found != null) {
          byMetric.put(metric, found);
        }
      }
    } catch (DependencyUnavailableException e) {
      available = false;
      byMetric.clear();
      log.warn("card without scores tenant={} {}={}: {}", tenantId, subject, id, e.getMessage());
    }
    var preferred = new ArrayList<>(channels.entrySet());
    preferred.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return new CustomerCard(subject, id, name, counts[1], counts[0] == 0 ? 0 : counts[1] / (double) counts[0],
        money[0], counts[2] == 0 ? 0 : money[1] / counts[2], tiers, available, byMetric, period.from(), period.to(),
        List.copyOf(preferred), weekdays, hours, narrative);
  }

  static String preferredChannel(Customer c) {
    var stated = c.profile().behavioral().preferredChannel();
    return stated != io.cxhub.kit.domain.Channel.UNSPECIFIED ? stated.name() : c.activity().preferredChannel();
  }

  record Period(LocalDate from, LocalDate to) {}

  private Period period(String startDate, String endDate) {
    var violations = new Violations();
    LocalDate to = day(violations, "period.end_date", endDate, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    LocalDate from = day(violations, "period.start_date", startDate, to == null ? null : to.minusDays(89));
    violations.throwIfAny();
    violations.check(!from.isAfter(to), "period.start_date", "must not be after period.end_date");
    violations.throwIfAny();
    return new Period(from, to);
  }

  private static LocalDate day(Violations violations, String field, String text, LocalDate otherwise) {
    if (text == null || text.isEmpty()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      violations.add(field, "must be a day as YYYY-MM-DD");
      return null;
    }
  }

  private static void entries(Violations v, String field, List<String> values) {
    v.check(values.size() <= NARRATIVE_ENTRIES, field, "must have at most " + NARRATIVE_ENTRIES + " entries");
    for (int i = 0; i < values.size(); i++) {
      v.requireText(field + "[" + i + "]", values.get(i), NARRATIVE_LENGTH);
    }
  }

  private static void require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw InvalidInputException.of(field, "is required");
    }
  }
}
