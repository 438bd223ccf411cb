package io.cxhub.survey.survey;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link Surveys} in memory, for unit tests. */
public final class InMemorySurveys implements Surveys {

  private final Map<String, Survey> byId = new ConcurrentHashMap<>();

  private static final Comparator<Survey> NEWEST_FIRST =
      Comparator.comparing(Survey::createTime).thenComparing(Survey::id).reversed();

  @Override
  public void insert(Survey survey) {
    if (byId.putIfAbsent(survey.id(), survey) != null) {
      throw new IllegalStateException("duplicate survey id " + survey.id());
    }
  }

  public void replace(Survey survey) {
    byId.put(survey.id(), survey);
  }

  private final Map<String, Survey> versions = new ConcurrentHashMap<>();

  @Override
  public synchronized boolean replace(Survey updated, int expectedVersion, java.time.Instant expectedUpdateTime) {
    Survey current = byId.get(updated.id());
    if (current == null || current.version() != expectedVersion || !current.updateTime().equals(expectedUpdateTime)) {
      return false;
    }
    byId.put(updated.id(), updated);
    return true;
  }

  @Override
  public void keepVersion(Survey snapshot) {
    versions.put(snapshot.id() + ":" + snapshot.version(), snapshot);
  }

  @Override
  public Optional<Survey> findVersion(String tenantId, String surveyId, int version) {
    return Optional.ofNullable(versions.get(surveyId + ":" + version)).filter(s -> s.tenantId().equals(tenantId));
  }

  @Override
  public Optional<Survey> find(String tenantId, String surveyId) {
    return Optional.ofNullable(byId.get(surveyId)).filter(s -> s.tenantId().equals(tenantId));
  }

  @Override
  public List<Survey> listNewestFirst(String tenantId, Cursor after, int limit) {
    return byId.values().stream()
        .filter(s -> s.tenantId().equals(tenantId))
        .sorted(NEWEST_FIRST)
        .filter(s -> after == null
            || s.createTime().isBefore(after.createTime())
            || (s.createTime().equals(after.createTime()) && s.id().compareTo(after.surveyId()) < 0))
        .limit(limit)
        .toList();
  }
}
