package io.cxhub.kit.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicWorkerTest {

  @Test
  void ticksAtStartAndWhenNudgedAndStopsCleanly() {
    var ticks = new AtomicInteger();
    var worker = new PeriodicWorker("test-worker", Duration.ofHours(1), ticks::incrementAndGet);
    assertThat(worker.isStopping()).isFalse();

    worker.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() == 1);
    worker.nudge();
    await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() == 2);

    worker.stop();
    assertThat(worker.isRunning()).isFalse();
    assertThat(worker.isStopping()).isTrue();
    worker.nudge(); // ignored once stopped
    assertThat(ticks.get()).isEqualTo(2);
  }

  @Test
  void aTickThatThrowsDoesNotEndTheSchedule() {
    var ticks = new AtomicInteger();
    var worker = new PeriodicWorker("test-worker", Duration.ofMillis(10), () -> {
      ticks.incrementAndGet();
      throw new IllegalStateException("database unreachable");
    });

    worker.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() >= 3);
    worker.stop();
  }

  @Test
  void aWorkerWithAnInitialDelayWaitsForItButANudgeRunsAtOnce() throws InterruptedException {
    var ticks = new AtomicInteger();
    var worker = new PeriodicWorker("test-worker", Duration.ofHours(1), Duration.ofHours(1), ticks::incrementAndGet);
    worker.start();
    Thread.sleep(200);
    assertThat(ticks.get()).as("no tick before the initial delay").isZero();
    worker.nudge();
    await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() == 1);
    worker.stop();
  }

  @Test
  void startAndStopAreIdempotent() {
    var worker = new PeriodicWorker("test-worker", Duration.ofHours(1), () -> { });
    worker.stop();
    worker.start();
    worker.start();
    assertThat(worker.isRunning()).isTrue();
    worker.stop();
    worker.stop();
    assertThat(worker.isRunning()).isFalse();
  }
}
