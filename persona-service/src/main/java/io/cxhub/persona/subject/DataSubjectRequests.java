package io.cxhub.persona.subject;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.id.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracked data-subject requests (docs/data-subject-requests.md): creating one (idempotent
 * per subject and kind while it runs), and the worker's tick that calls the due parts of
 * every active request in parallel, with exponential backoff, until every service confirms.
 * A request whose parts have not all confirmed after {@code stallAfter} is STALLED and still
 * retried: nothing is given up silently. Every creation, confirmation, stall and completion
 * writes one audit line (logger {@value #AUDIT_LOGGER}) naming the subject by its hash only.
 */
public final class DataSubjectRequests {

  /** The logger of the audit lines. */
  public static final String AUDIT_LOGGER = "cx.audit.data-subject";

  private static final Logger log = LoggerFactory.getLogger(DataSubjectRequests.class);
  private static final Logger audit = LoggerFactory.getLogger(AUDIT_LOGGER);
  private static final int MAX_ID_LENGTH = 200;
  private static final int BATCH = 50;

  private final SubjectRequests requests;
  private final Map<String, SubjectData> holders;
  private final SubjectData owner;
  private final ExecutorService executor;
  private final Clock clock;
  private final Settings settings;
  private final Runnable nudge;

  /**
   * @param settings backoff, stall limit and export retention
   * @param owner persona-service's own part: it alone knows customers and tombstones
   * @param others the other services' parts
   * @param executor runs the parts of a tick in parallel
   * @param nudge asks the worker for a tick now (after a creation)
   */
  public DataSubjectRequests(SubjectRequests requests, SubjectData owner, List<SubjectData> others,
      KnownSubjects subjects, ExecutorService executor, Clock clock, Settings settings, Runnable nudge) {
    this.requests = Objects.requireNonNull(requests);
    this.owner = Objects.requireNonNull(owner);
    var all = new LinkedHashMap<String, SubjectData>();
    all.put(owner.service(), owner);
    others.forEach(o -> all.put(o.service(), o));
    this.holders = Map.copyOf(all);
    this.order = List.copyOf(all.keySet());
    this.subjects = Objects.requireNonNull(subjects);
    this.executor = Objects.requireNonNull(executor);
    this.clock = Objects.requireNonNull(clock);
    this.settings = Objects.requireNonNull(settings);
    this.nudge = Objects.requireNonNull(nudge);
  }

  private final List<String> order;
  private final KnownSubjects subjects;

  /**
   * @param firstRetry delay after the first failure; doubled after each further one
   * @param maxRetry the longest delay between two attempts
   * @param stallAfter how long a request may run before it is STALLED
   * @param exportRetention how long an export's document is kept
   */
  public record Settings(Duration firstRetry, Duration maxRetry, Duration stallAfter, Duration exportRetention) {}

  /**
   * Whether persona-service knows the subject (a profile or a tombstone); a subject it does
   * not know may still be held elsewhere (responses sent with a customer id only).
   */
  public interface KnownSubjects {
    boolean known(String tenantId, String customerId);
  }

  /**
   * Starts a request, or returns the active one of the same kind for the same subject.
   *
   * @throws InvalidInputException naming {@code customer_id} or {@code kind}
   * @throws NotFoundException naming {@code customer_id} when no service holds anything about it
   */
  public synchronized SubjectRequest create(String tenantId, SubjectRequest.Kind kind, String customerId,
      String actor) {
    if (kind == null) {
      throw InvalidInputException.of("kind", "must be ERASURE or EXPORT");
    }
    if (customerId == null || customerId.isBlank()) {
      throw InvalidInputException.of("customer_id", "is required");
    }
    if (customerId.length() > MAX_ID_LENGTH) {
      throw InvalidInputException.of("customer_id", "must be at most " + MAX_ID_LENGTH + " characters");
    }
    String hash = SubjectHash.of(customerId);
    var active = requests.findActive(tenantId, kind, hash);
    if (active.isPresent()) {
      return active.get();
    }
    if (!subjects.known(tenantId, customerId) && !heldElsewhere(tenantId, customerId)) {
      throw new NotFoundException("customer_id", customerId);
    }
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var request = SubjectRequest.start("dsr-" + Ids.random(), tenantId, kind, customerId, order, actor, now);
    requests.save(request);
    audit.info("audit action=data-subject-request.created tenant={} request={} kind={} actor={} subject={}",
        tenantId, request.id(), kind, actor, hash);
    nudge.run();
    return request;
  }

  /** A subject persona-service does not know: held if another service exports something. */
  private boolean heldElsewhere(String tenantId, String customerId) {
    var checks = holders.values().stream().filter(h -> h != owner)
        .map(h -> CompletableFuture.supplyAsync(() -> h.export(tenantId, customerId, "check").items(), executor))
        .toList();
    RuntimeException failure = null;
    for (var check : checks) {
      try {
        if (check.join() > 0) {
          return true;
        }
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw new DependencyUnavailableException("cannot tell whether the subject is held: a service is unavailable",
          failure);
    }
    return false;
  }

  /** @throws NotFoundException if the tenant has no such request */
  public SubjectRequest get(String tenantId, String requestId) {
    return requests.find(tenantId, requestId).orElseThrow(() -> new NotFoundException("request_id", requestId));
  }

  public SubjectRequests.Page list(String tenantId, int pageSize, String pageToken) {
    if (pageSize < 0 || pageSize > 100) {
      throw InvalidInputException.of("page_size", "must be between 1 and 100");
    }
    return requests.page(tenantId, pageSize == 0 ? 20 : pageSize, pageToken);
  }

  /** An export's document: one section (a JSON object) per service. */
  public record Export(SubjectRequest request, Map<String, String> sections) {}

  /**
   * @throws NotFoundException for an unknown request, an erasure, or an expired or erased export
   * @throws PreconditionFailedException while the export runs
   */
  public Export export(String tenantId, String requestId) {
    var request = get(tenantId, requestId);
    if (request.kind() != SubjectRequest.Kind.EXPORT) {
      throw new NotFoundException("export", requestId);
    }
    if (request.state() != SubjectRequest.State.SUCCEEDED) {
      throw new PreconditionFailedException("the export is still running");
    }
    var sections = requests.sections(tenantId, requestId, clock.instant())
        .orElseThrow(() -> new NotFoundException("export", requestId));
    return new Export(request, sections);
  }

  /** The worker's tick: runs every due part of every active request, then deletes expired exports. */
  public void tick() {
    var now = clock.instant();
    for (var due : requests.due(now, BATCH)) {
      // read again: an erasure advanced earlier in this tick may have forgotten this subject
      requests.find(due.tenantId(), due.id()).ifPresent(this::advance);
    }
    long expired = requests.deleteExpiredExports(now);
    if (expired > 0) {
      log.info("expired data-subject exports deleted count={}", expired);
    }
  }

  /** Calls the due parts of one request in parallel and records their outcome. */
  SubjectRequest advance(SubjectRequest request) {
    var now = clock.instant();
    var due = request.due(now);
    var calls = new ArrayList<CompletableFuture<Outcome>>();
    for (var part : due) {
      calls.add(CompletableFuture.supplyAsync(() -> call(request, holders.get(part.service())), executor)
          .exceptionally(e -> Outcome.failure(e.getCause() == null ? e : e.getCause())));
    }
    var current = request;
    for (int i = 0; i < due.size(); i++) {
      var part = due.get(i);
      var outcome = calls.get(i).join();
      var at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      if (outcome.error() == null) {
        if (request.kind() == SubjectRequest.Kind.EXPORT) {
          requests.saveSection(request, part.service(), outcome.json(), at.plus(settings.exportRetention()));
        }
        current = current.withPart(part.service(), p -> p.succeeded(at, outcome.items()));
        audit.info("audit action=data-subject-request.part-done tenant={} request={} kind={} actor={} subject={}"
            + " service={} items={}", request.tenantId(), request.id(), request.kind(), request.actor(),
            request.subjectHash(), part.service(), outcome.items());
      } else {
        var next = at.plus(backoff(part.attempts() + 1));
        current = current.withPart(part.service(), p -> p.failed(outcome.error(), next));
        log.warn("data-subject part failed tenant={} request={} service={} attempt={} nextAttempt={} error={}",
            request.tenantId(), request.id(), part.service(), part.attempts() + 1, next, outcome.error());
      }
    }
    current = settle(current);
    requests.save(current);
    return current;
  }

  private SubjectRequest settle(SubjectRequest request) {
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (request.allDone()) {
      var done = request.withState(SubjectRequest.State.SUCCEEDED, now,
          request.kind() == SubjectRequest.Kind.EXPORT ? now.plus(settings.exportRetention()) : null);
      if (request.kind() == SubjectRequest.Kind.ERASURE) {
        // the subject's exports and the id in its other requests go too: nothing names them any more
        requests.forgetSubject(request.tenantId(), request.subjectHash());
        done = done.forgettingSubject();
      }
      audit.info("audit action=data-subject-request.succeeded tenant={} request={} kind={} actor={} subject={}"
          + " tookMs={}", request.tenantId(), request.id(), request.kind(), request.actor(), request.subjectHash(),
          Duration.between(request.createdAt(), now).toMillis());
      return done;
    }
    if (request.state() == SubjectRequest.State.RUNNING
        && !now.isBefore(request.createdAt().plus(settings.stallAfter()))) {
      audit.warn("audit action=data-subject-request.stalled tenant={} request={} kind={} actor={} subject={}"
          + " pending={}", request.tenantId(), request.id(), request.kind(), request.actor(), request.subjectHash(),
          request.parts().stream().filter(p -> !p.done()).map(SubjectRequest.Part::service).toList());
      return request.withState(SubjectRequest.State.STALLED, null, null);
    }
    return request;
  }

  /** The delay after the n-th failed attempt: firstRetry doubled n-1 times, at most maxRetry. */
  Duration backoff(int failures) {
    var delay = settings.firstRetry();
    for (int i = 1; i < failures && delay.compareTo(settings.maxRetry()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : delay;
  }

  private Outcome call(SubjectRequest request, SubjectData holder) {
    if (request.customerId() == null) {
      // the subject was erased while this request ran: nothing is held any more
      return new Outcome("{}", 0, null);
    }
    if (request.kind() == SubjectRequest.Kind.ERASURE) {
      return new Outcome(null, holder.erase(request.tenantId(), request.customerId(), request.id()), null);
    }
    var section = holder.export(request.tenantId(), request.customerId(), request.id());
    return new Outcome(section.json(), section.items(), null);
  }

  private record Outcome(String json, long items, String error) {
    static Outcome failure(Throwable e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Outcome(null, 0, message.length() > 500 ? message.substring(0, 500) : message);
    }
  }
}
