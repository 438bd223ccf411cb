package io.cxhub.metrics.rollup;

import io.cxhub.kit.id.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A ledger in memory, first copy and first claim winning like MongoLedger. */
public final class InMemoryLedger<T extends LedgerItem> implements Ledger<T> {

  private final Map<String, LedgerEntry<T>> entries = new LinkedHashMap<>();

  @Override
  public synchronized void insertIfAbsent(String tenantId, Collection<T> items, String applicationId, Instant at) {
    items.forEach(item -> entries.putIfAbsent(Ids.tenantScoped(tenantId, item.itemId()),
        new LedgerEntry<>(item, applicationId, at, null)));
  }

  @Override
  public synchronized Map<String, LedgerEntry<T>> find(String tenantId, Collection<String> itemIds) {
    var result = new HashMap<String, LedgerEntry<T>>();
    itemIds.forEach(id -> {
      var e = entries.get(Ids.tenantScoped(tenantId, id));
      if (e != null) {
        result.put(id, e);
      }
    });
    return result;
  }

  @Override
  public synchronized void markApplied(String tenantId, Collection<String> itemIds, Instant appliedAt) {
    itemIds.forEach(id -> entries.computeIfPresent(Ids.tenantScoped(tenantId, id),
        (k, e) -> new LedgerEntry<>(e.item(), e.applicationId(), e.receivedAt(), appliedAt)));
  }

  @Override
  public void forEachEntry(String tenantId, Consumer<LedgerEntry<T>> action) {
    List<LedgerEntry<T>> copy;
    synchronized (this) {
      copy = new ArrayList<>();
      entries.forEach((k, e) -> {
        if (k.startsWith(tenantId + ":")) {
          copy.add(e);
        }
      });
    }
    copy.forEach(action);
  }

  public synchronized int size() {
    return entries.size();
  }
}
