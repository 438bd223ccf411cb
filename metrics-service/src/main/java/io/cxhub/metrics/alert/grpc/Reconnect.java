package io.cxhub.metrics.alert.grpc;

import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * After an outage gRPC may wait up to two minutes before it tries to reconnect, and a call
 * made meanwhile fails at once. The calls to survey-service are rare and worth a fresh
 * attempt: ask the channel to reconnect now and let it leave the failed state (at most a
 * second), so the call waits for the connection attempt instead of failing on the old state.
 */
final class Reconnect {

  private Reconnect() {}

  static void nowIfFailed(Channel channel) {
    if (!(channel instanceof ManagedChannel managed)
        || managed.getState(false) != ConnectivityState.TRANSIENT_FAILURE) {
      return;
    }
    var left = new CountDownLatch(1);
    managed.notifyWhenStateChanged(ConnectivityState.TRANSIENT_FAILURE, left::countDown);
    managed.resetConnectBackoff();
    try {
      left.await(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
