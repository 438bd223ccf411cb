package io.cxhub.survey.response;

import io.cxhub.survey.outbox.ResponseOutbox;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SurveyResponses} and its {@link ResponseOutbox} in memory, for unit tests. */
public final class InMemorySurveyResponses implements SurveyResponses, ResponseOutbox {

  private final Map<String, SurveyResponse> byKey = new ConcurrentHashMap<>();
  private final List<String> subscribers;

  /** With the two subscribers of the application: the metrics relay and alert evaluation. */
  public InMemorySurveyResponses() {
    this("metrics", "alerts");
  }

  public InMemorySurveyResponses(String... subscribers) {
    this.subscribers = List.of(subscribers);
  }

  private static String key(String tenantId, String responseId) {
    return tenantId + ":" + responseId;
  }

  @Override
  public List<String> outboxSubscribers() {
    return subscribers;
  }

  @Override
  public boolean insert(SurveyResponse response) {
    return byKey.putIfAbsent(key(response.tenantId(), response.responseId()), response) == null;
  }

  @Override
  public Optional<SurveyResponse> find(String tenantId, String responseId) {
    return Optional.ofNullable(byKey.get(key(tenantId, responseId)));
  }

  public List<SurveyResponse> all() {
    return List.copyOf(byKey.values());
  }

  @Override
  public Set<String> tenants() {
    return Set.copyOf(byKey.values().stream().map(SurveyResponse::tenantId).toList());
  }

  @Override
  public Set<String> tenantsPending(String subscriber) {
    return Set.copyOf(byKey.values().stream()
        .filter(r -> r.outbox().of(subscriber).state() == OutboxState.PENDING)
        .map(SurveyResponse::tenantId)
        .toList());
  }

  @Override
  public List<SurveyResponse> due(String subscriber, String tenantId, Instant now, int limit) {
    return byKey.values().stream()
        .filter(r -> r.tenantId().equals(tenantId))
        .filter(r -> r.outbox().of(subscriber).state() == OutboxState.PENDING
            && !r.outbox().of(subscriber).nextAttemptAt().isAfter(now))
        .sorted(Comparator.comparing((SurveyResponse r) -> r.outbox().of(subscriber).nextAttemptAt()))
        .limit(limit)
        .toList();
  }

  @Override
  public void delivered(String subscriber, String tenantId, Collection<String> responseIds, Instant at) {
    done(subscriber, tenantId, responseIds, OutboxState.DELIVERED, at, null);
  }

  @Override
  public void failed(String subscriber, String tenantId, String responseId, String reason, Instant at) {
    done(subscriber, tenantId, List.of(responseId), OutboxState.FAILED, at, reason);
  }

  private void done(
      String subscriber, String tenantId, Collection<String> ids, OutboxState state, Instant at, String reason) {
    for (String id : ids) {
      byKey.computeIfPresent(key(tenantId, id), (k, r) -> {
        var d = r.outbox().of(subscriber);
        if (d.state() != OutboxState.PENDING) {
          return r;
        }
        return with(r, r.outbox().with(subscriber, new Outbox.Delivery(state, d.attempts(), null, at, reason)));
      });
    }
  }

  @Override
  public void defer(String subscriber, String tenantId, Collection<String> responseIds, Instant next) {
    for (String id : responseIds) {
      byKey.computeIfPresent(key(tenantId, id), (k, r) -> {
        var d = r.outbox().of(subscriber);
        if (d.state() != OutboxState.PENDING) {
          return r;
        }
        return with(r, r.outbox().with(subscriber, new Outbox.Delivery(d.state(), d.attempts() + 1, next, null, null)));
      });
    }
  }

  @Override
  public Lag lag(String subscriber) {
    var pending = byKey.values().stream()
        .filter(r -> r.outbox().of(subscriber).state() == OutboxState.PENDING)
        .toList();
    return new Lag(pending.size(), pending.stream()
        .min(Comparator.comparing((SurveyResponse r) -> r.outbox().of(subscriber).nextAttemptAt()))
        .map(SurveyResponse::submitTime)
        .orElse(null));
  }

  private static SurveyResponse with(SurveyResponse r, Outbox outbox) {
    return r.toBuilder().outbox(outbox).build();
  }

  private static final java.util.Comparator<SurveyResponse> OLDEST_FIRST =
      java.util.Comparator.comparing(SurveyResponse::submitTime).thenComparing(SurveyResponse::responseId);

  @Override
  public List<SurveyResponse> listNewestFirst(String tenantId, StoredFilter filter, Cursor after, int limit) {
    return byKey.values().stream()
        .filter(r -> r.tenantId().equals(tenantId))
        .filter(filter::matches)
        .sorted(OLDEST_FIRST.reversed())
        .filter(r -> after == null || OLDEST_FIRST.compare(r, marker(after)) < 0)
        .limit(limit)
        .toList();
  }

  @Override
  public List<SurveyResponse> listOldestFirst(String tenantId, String surveyId, Cursor after, int limit) {
    return byKey.values().stream()
        .filter(r -> r.tenantId().equals(tenantId) && r.surveyId().equals(surveyId))
        .sorted(OLDEST_FIRST)
        .filter(r -> after == null || OLDEST_FIRST.compare(r, marker(after)) > 0)
        .limit(limit)
        .toList();
  }

  private static SurveyResponse marker(Cursor c) {
    return SurveyResponse.builder().tenantId("").responseId(c.responseId()).surveyId("").submitTime(c.submitTime())
        .build();
  }
}
