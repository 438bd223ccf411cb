package io.cxhub.metrics.rollup;

import io.cxhub.kit.id.Ids;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Applications in memory. */
public final class InMemoryApplications implements Applications {

  private final Map<String, Application> byId = new LinkedHashMap<>();

  @Override
  public synchronized void begin(Application application) {
    if (byId.putIfAbsent(Ids.tenantScoped(application.tenantId(), application.id()), application) != null) {
      throw new IllegalStateException("duplicate application " + application.id());
    }
  }

  @Override
  public synchronized Optional<Application> find(String tenantId, String applicationId) {
    return Optional.ofNullable(byId.get(Ids.tenantScoped(tenantId, applicationId)));
  }

  @Override
  public synchronized void recordCubes(String tenantId, String applicationId, Collection<CubeId> cubes) {
    byId.computeIfPresent(Ids.tenantScoped(tenantId, applicationId), (k, a) -> {
      var all = new LinkedHashSet<>(a.cubes());
      all.addAll(cubes);
      return new Application(a.id(), a.tenantId(), a.source(), a.itemIds(), List.copyOf(all), a.createdAt(),
          a.appliedAt());
    });
  }

  @Override
  public synchronized void markApplied(String tenantId, String applicationId, Instant appliedAt) {
    byId.computeIfPresent(Ids.tenantScoped(tenantId, applicationId), (k, a) ->
        new Application(a.id(), a.tenantId(), a.source(), a.itemIds(), a.cubes(), a.createdAt(), appliedAt));
  }

  @Override
  public synchronized void delete(String tenantId, String applicationId) {
    byId.remove(Ids.tenantScoped(tenantId, applicationId));
  }

  @Override
  public synchronized List<Application> oldest(int limit) {
    return byId.values().stream().sorted(Comparator.comparing(Application::createdAt)).limit(limit).toList();
  }

  public synchronized int size() {
    return byId.size();
  }
}
