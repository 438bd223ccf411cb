package io.cxhub.survey.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.domain.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertWorkerTest {

  /** responseId → state */
  private final Map<String, String> outbox = new LinkedHashMap<>();
  private final List<String> evaluated = new ArrayList<>();

  private final PendingAlerts pending = new PendingAlerts() {
    @Override
    public Set<String> tenants() {
      return Set.of("t1");
    }

    @Override
    public List<AlertSubject> findPending(String tenantId, int limit) {
      return outbox.entrySet().stream().filter(e -> e.getValue().equals("PENDING"))
          .map(e -> new AlertSubject("t1", e.getKey(), "s1", Channel.LINK, null, null, List.of(), List.of(), Instant.EPOCH))
          .toList();
    }

    @Override
    public void markDone(String tenantId, String responseId) {
      outbox.put(responseId, "DONE");
    }

    @Override
    public void markFailed(String tenantId, String responseId, String reason) {
      outbox.put(responseId, "FAILED");
    }
  };

  private final AlertWorker worker = new AlertWorker(pending, subject -> {
    if (subject.responseId().equals("poison")) {
      throw new IllegalStateException("broken");
    }
    evaluated.add(subject.responseId());
  }, Duration.ofSeconds(1), 10);

  @Test
  void aFailingResponseDoesNotHoldUpTheOthersAndIsEventuallySetAside() {
    outbox.put("poison", "PENDING");
    outbox.put("ok", "PENDING");

    assertThat(worker.runOnce()).isOne();
    assertThat(evaluated).containsExactly("ok");
    assertThat(outbox).containsEntry("ok", "DONE").containsEntry("poison", "PENDING");

    for (int i = 1; i < AlertWorker.MAX_FAILURES; i++) {
      worker.runOnce();
    }
    assertThat(outbox).containsEntry("poison", "FAILED");
    assertThat(worker.runOnce()).isZero();
  }
}
