package io.cxhub.gateway.admin;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Serves the admin service on an in-process gRPC server, so that the gateway reaches it
 * exactly like a remote backend (same transcoder, same OpenAPI), without a port. The
 * server name is unique per instance: several gateways may live in one JVM.
 */
public final class AdminServer implements AutoCloseable {

  /** Backend name of {@code cx.admin.v1}. */
  public static final String BACKEND = "admin";

  private final Server server;
  private final ManagedChannel channel;

  AdminServer(BindableService service) {
    String name = "cx-gateway-admin-" + UUID.randomUUID();
    try {
      // the admin calls block on MongoDB; the server's default executor keeps them off the
      // caller's thread (the gateway's event loop)
      this.server = InProcessServerBuilder.forName(name)
          .addService(io.grpc.ServerInterceptors.intercept(service, new CallerInterceptor()))
          .build().start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the in-process admin server", e);
    }
    this.channel = InProcessChannelBuilder.forName(name).build();
  }

  public ManagedChannel channel() {
    return channel;
  }

  @Override
  public void close() {
    channel.shutdown();
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
      channel.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
