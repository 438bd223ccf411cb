package io.cxhub.metrics.ingest;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger in memory, for unit tests. */
public final class InMemoryRecordedResponses implements RecordedResponses {

  private final Map<String, LedgerEntry> entries = new ConcurrentHashMap<>();
  private final Set<String> tenants = ConcurrentHashMap.newKeySet();

  private static String key(String tenantId, String responseId) {
    return tenantId + ":" + responseId;
  }

  @Override
  public void registerTenant(String tenantId) {
    tenants.add(tenantId);
  }

  @Override
  public Set<String> knownTenants() {
    return Set.copyOf(tenants);
  }

  @Override
  public void insertIfAbsent(String tenantId, Collection<RecordedResponse> responses, Instant receivedAt) {
    responses.forEach(r -> entries.putIfAbsent(key(tenantId, r.responseId()),
        new LedgerEntry(r, LedgerState.APPLYING, receivedAt, null)));
  }

  @Override
  public Map<String, LedgerEntry> find(String tenantId, Collection<String> responseIds) {
    var result = new HashMap<String, LedgerEntry>();
    responseIds.forEach(id -> {
      var e = entries.get(key(tenantId, id));
      if (e != null) {
        result.put(id, e);
      }
    });
    return result;
  }

  @Override
  public void markApplied(String tenantId, Collection<String> responseIds, Instant appliedAt) {
    responseIds.forEach(id -> entries.computeIfPresent(key(tenantId, id),
        (k, e) -> new LedgerEntry(e.response(), LedgerState.APPLIED, e.receivedAt(), appliedAt)));
  }

  @Override
  public void markSettled(String tenantId, Collection<String> responseIds, Instant settledAt) {
    responseIds.forEach(id -> entries.computeIfPresent(key(tenantId, id),
        (k, e) -> new LedgerEntry(e.response(), LedgerState.SETTLED, e.receivedAt(), e.appliedAt())));
  }

  @Override
  public List<LedgerEntry> findUnsettled(String tenantId, int limit) {
    return entries.entrySet().stream()
        .filter(e -> e.getKey().startsWith(tenantId + ":") && e.getValue().state() != LedgerState.SETTLED)
        .map(Map.Entry::getValue)
        .sorted(Comparator.comparing(LedgerEntry::receivedAt))
        .limit(limit)
        .toList();
  }

  @Override
  public void forEachEntry(String tenantId, Consumer<LedgerEntry> action) {
    entries.entrySet().stream().filter(e -> e.getKey().startsWith(tenantId + ":")).map(Map.Entry::getValue)
        .toList().forEach(action);
  }

  public LedgerEntry entry(String tenantId, String responseId) {
    return entries.get(key(tenantId, responseId));
  }
}
