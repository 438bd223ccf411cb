package io.cxhub.kit.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerLifecycleTest {

  static final class RecordingWorker implements Worker {
    int starts;
    int stops;
    boolean running;

    @Override
    public void start() {
      starts++;
      running = true;
    }

    @Override
    public void stop() {
      stops++;
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }

  @Test
  void startsAnEnabledWorkerAndStopsIt() {
    var worker = new RecordingWorker();
    var lifecycle = new WorkerLifecycle(worker, true);

    lifecycle.start();
    assertThat(lifecycle.isRunning()).isTrue();
    lifecycle.stop();

    assertThat(lifecycle.isRunning()).isFalse();
    assertThat(worker.starts).isEqualTo(1);
    assertThat(worker.stops).isEqualTo(1);
  }

  @Test
  void leavesADisabledWorkerStopped() {
    var worker = new RecordingWorker();
    var lifecycle = new WorkerLifecycle(worker, false);

    lifecycle.start();

    assertThat(lifecycle.isRunning()).isFalse();
    assertThat(worker.starts).isZero();
  }

  @Test
  void runsAPeriodicWorker() {
    var periodic = new PeriodicWorker("lifecycle-test", java.time.Duration.ofHours(1), () -> { });
    var lifecycle = new WorkerLifecycle(periodic, true);

    lifecycle.start();
    assertThat(periodic.isRunning()).isTrue();
    lifecycle.stop();
    assertThat(periodic.isRunning()).isFalse();
  }
}
