package io.cxhub.gateway.testing;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.util.UUID;

/** A gRPC server and a channel to it, in this process; close it after the test. */
public final class InProcessBackend implements AutoCloseable {

  private final Server server;
  private final ManagedChannel channel;

  public InProcessBackend(ServerServiceDefinition... services) {
    String name = "test-" + UUID.randomUUID();
    var builder = InProcessServerBuilder.forName(name).directExecutor();
    for (ServerServiceDefinition service : services) {
      builder.addService(service);
    }
    try {
      server = builder.build().start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  public ManagedChannel channel() {
    return channel;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
  }
}
