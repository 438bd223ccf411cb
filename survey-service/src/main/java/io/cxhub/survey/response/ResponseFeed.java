package io.cxhub.survey.response;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live feed of accepted responses, in process: the submission use cases publish each
 * response they stored, watchers of a tenant (and optionally a survey) receive it. It needs
 * no change streams, so it works on the embedded server; the price is that an instance only
 * sees the responses it accepted itself (documented on the RPC).
 */
public final class ResponseFeed {

  private static final Logger log = LoggerFactory.getLogger(ResponseFeed.class);

  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

  /** A registration; closing it stops the deliveries. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private record Watcher(String tenantId, String surveyId, Consumer<SurveyResponse> sink) {}

  /** @param surveyId empty or null for every survey of the tenant */
  public Subscription watch(String tenantId, String surveyId, Consumer<SurveyResponse> sink) {
    var watcher = new Watcher(tenantId, surveyId == null ? "" : surveyId, sink);
    watchers.add(watcher);
    return () -> watchers.remove(watcher);
  }

  /** Delivers {@code response} to its watchers; a failing watcher never fails the submission. */
  public void publish(SurveyResponse response) {
    for (Watcher w : watchers) {
      if (w.tenantId().equals(response.tenantId())
          && (w.surveyId().isEmpty() || w.surveyId().equals(response.surveyId()))) {
        try {
          w.sink().accept(response);
        } catch (RuntimeException e) {
          log.warn("a response watcher failed tenant={}; removing it", response.tenantId(), e);
          watchers.remove(w);
        }
      }
    }
  }

  int watcherCount() {
    return watchers.size();
  }
}
