package io.cxhub.persona.subject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory {@link SubjectRequests} for unit tests. */
final class InMemorySubjectRequests implements SubjectRequests {

  final Map<String, SubjectRequest> requests = new LinkedHashMap<>();
  final Map<String, Map<String, String>> sections = new HashMap<>();
  final Map<String, Instant> sectionExpiry = new HashMap<>();
  final Map<String, String> sectionSubject = new HashMap<>();

  private static String key(String tenantId, String id) {
    return tenantId + ":" + id;
  }

  @Override
  public void save(SubjectRequest request) {
    requests.put(key(request.tenantId(), request.id()), request);
  }

  @Override
  public Optional<SubjectRequest> find(String tenantId, String requestId) {
    return Optional.ofNullable(requests.get(key(tenantId, requestId)));
  }

  @Override
  public Optional<SubjectRequest> findActive(String tenantId, SubjectRequest.Kind kind, String subjectHash) {
    return requests.values().stream().filter(r -> r.tenantId().equals(tenantId) && r.kind() == kind
        && r.subjectHash().equals(subjectHash) && r.state().active()).findFirst();
  }

  @Override
  public List<SubjectRequest> due(Instant now, int limit) {
    return requests.values().stream().filter(r -> r.state().active() && !r.due(now).isEmpty()).limit(limit).toList();
  }

  @Override
  public Page page(String tenantId, int pageSize, String pageToken) {
    var all = new ArrayList<>(requests.values().stream().filter(r -> r.tenantId().equals(tenantId))
        .sorted(Comparator.comparing(SubjectRequest::createdAt).reversed()).toList());
    return new Page(all.subList(0, Math.min(pageSize, all.size())), "");
  }

  @Override
  public void saveSection(SubjectRequest request, String service, String json, Instant expiresAt) {
    String key = key(request.tenantId(), request.id());
    sections.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(service, json);
    sectionExpiry.put(key, expiresAt);
    sectionSubject.put(key, request.tenantId() + ":" + request.subjectHash());
  }

  @Override
  public Optional<Map<String, String>> sections(String tenantId, String requestId, Instant now) {
    String key = key(tenantId, requestId);
    var expiry = sectionExpiry.get(key);
    return expiry == null || !expiry.isAfter(now) ? Optional.empty() : Optional.of(sections.get(key));
  }

  @Override
  public long forgetSubject(String tenantId, String subjectHash) {
    long changed = 0;
    for (var key : List.copyOf(sections.keySet())) {
      if (sectionSubject.get(key).equals(tenantId + ":" + subjectHash)) {
        sections.remove(key);
        sectionExpiry.remove(key);
        changed++;
      }
    }
    for (var entry : requests.entrySet()) {
      var r = entry.getValue();
      if (r.tenantId().equals(tenantId) && r.subjectHash().equals(subjectHash) && r.customerId() != null) {
        entry.setValue(r.forgettingSubject());
        changed++;
      }
    }
    return changed;
  }

  @Override
  public long deleteExpiredExports(Instant now) {
    long n = 0;
    for (var key : List.copyOf(sectionExpiry.keySet())) {
      if (!sectionExpiry.get(key).isAfter(now)) {
        sections.remove(key);
        sectionExpiry.remove(key);
        n++;
      }
    }
    return n;
  }
}
