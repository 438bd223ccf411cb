package io.cxhub.survey.followup;

import io.cxhub.kit.paging.PageRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory cases for unit tests. */
public final class InMemoryFollowUpCases implements FollowUpCases {

  final Map<String, FollowUpCase> cases = new LinkedHashMap<>();

  private static String key(String tenant, String id) {
    return tenant + ":" + id;
  }

  @Override
  public synchronized boolean insertIfAbsent(FollowUpCase c) {
    return cases.putIfAbsent(key(c.tenantId(), c.caseId()), c) == null;
  }

  @Override
  public Optional<FollowUpCase> find(String tenantId, String caseId) {
    return Optional.ofNullable(cases.get(key(tenantId, caseId)));
  }

  @Override
  public synchronized boolean replace(FollowUpCase c, long expectedVersion) {
    var current = cases.get(key(c.tenantId(), c.caseId()));
    if (current == null || current.version() != expectedVersion) {
      return false;
    }
    cases.put(key(c.tenantId(), c.caseId()), c);
    return true;
  }

  @Override
  public List<FollowUpCase> list(String tenantId, CaseFilter f, PageRequest page, Instant now) {
    return cases.values().stream()
        .filter(c -> c.tenantId().equals(tenantId))
        .filter(c -> f.status() == null || c.status() == f.status())
        .filter(c -> !f.breachedOnly() || c.breached(now))
        .sorted(Comparator.comparing(FollowUpCases::sortKey).reversed())
        .filter(c -> page.isFirst() || FollowUpCases.sortKey(c).compareTo(page.after()) < 0)
        .limit(page.size())
        .toList();
  }

  public int size() {
    return cases.size();
  }
}
