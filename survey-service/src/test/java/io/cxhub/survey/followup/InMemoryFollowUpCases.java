package io.cxhub.survey.followup;

import io.cxhub.kit.id.Ids;
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

  @Override
  public synchronized boolean insertIfAbsent(FollowUpCase c) {
    return cases.putIfAbsent(Ids.tenantScoped(c.tenantId(), c.caseId()), c) == null;
  }

  @Override
  public Optional<FollowUpCase> find(String tenantId, String caseId) {
    return Optional.ofNullable(cases.get(Ids.tenantScoped(tenantId, caseId)));
  }

  @Override
  public synchronized boolean replace(FollowUpCase c, long expectedVersion) {
    var current = cases.get(Ids.tenantScoped(c.tenantId(), c.caseId()));
    if (current == null || current.version() != expectedVersion) {
      return false;
    }
    cases.put(Ids.tenantScoped(c.tenantId(), c.caseId()), c);
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
