package io.cxhub.survey.response;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SurveyResponses} in memory, for unit tests. */
public final class InMemorySurveyResponses implements SurveyResponses {

  private final Map<String, SurveyResponse> byKey = new ConcurrentHashMap<>();

  private static String key(String tenantId, String responseId) {
    return tenantId + ":" + responseId;
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
  public List<SurveyResponse> findPending(String tenantId, Instant now, int limit) {
    return byKey.values().stream()
        .filter(r -> r.tenantId().equals(tenantId))
        .filter(r -> r.outbox().state() == OutboxState.PENDING && !r.outbox().nextAttemptAt().isAfter(now))
        .sorted(Comparator.comparing((SurveyResponse r) -> r.outbox().nextAttemptAt()))
        .limit(limit)
        .toList();
  }

  @Override
  public void markDelivered(String tenantId, Collection<String> responseIds, Instant deliveredAt) {
    for (String id : responseIds) {
      byKey.computeIfPresent(key(tenantId, id), (k, r) -> with(r,
          new Outbox(OutboxState.DELIVERED, r.outbox().attempts(), r.outbox().nextAttemptAt(), deliveredAt)));
    }
  }

  @Override
  public void deferPending(String tenantId, Collection<String> responseIds, Instant nextAttemptAt) {
    for (String id : responseIds) {
      byKey.computeIfPresent(key(tenantId, id), (k, r) -> with(r,
          new Outbox(r.outbox().state(), r.outbox().attempts() + 1, nextAttemptAt, r.outbox().deliveredAt())));
    }
  }

  @Override
  public Set<String> tenantsWithResponses() {
    return Set.copyOf(byKey.values().stream().map(SurveyResponse::tenantId).toList());
  }

  @Override
  public OutboxLag outboxLag(String tenantId) {
    var pending = byKey.values().stream()
        .filter(r -> r.tenantId().equals(tenantId) && r.outbox().state() == OutboxState.PENDING)
        .toList();
    return new OutboxLag(pending.size(),
        pending.stream().map(SurveyResponse::submitTime).min(Comparator.naturalOrder()).orElse(null));
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
        .filter(r -> filter.surveyIds() == null || filter.surveyIds().contains(r.surveyId()))
        .filter(r -> filter.channel() == null || filter.channel() == r.channel())
        .filter(r -> filter.from() == null || !r.submitTime().isBefore(filter.from()))
        .filter(r -> filter.to() == null || r.submitTime().isBefore(filter.to()))
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
