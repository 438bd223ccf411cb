package io.cxhub.gateway.backend;

import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived gRPC channel per backend, created at start-up and shared by every request
 * (a channel multiplexes concurrent calls over HTTP/2 and reconnects by itself). The
 * channels to remote backends are owned here and shut down by {@link #close()}; in-process
 * ones belong to whoever serves them.
 */
public final class Backends implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Backends.class);

  /** Largest response headers or trailers accepted from a backend. */
  public static final int MAX_TRAILER_BYTES = 64 * 1024;

  private final Map<String, Channel> channels;
  private final List<ManagedChannel> owned;

  private Backends(Map<String, Channel> channels, List<ManagedChannel> owned) {
    this.channels = Map.copyOf(channels);
    this.owned = List.copyOf(owned);
  }

  /**
   * @param addresses {@code host:port} (or any gRPC target) of each remote backend, plaintext
   * @param inProcess channels to backends served in this process, by name; they win over
   *     an address of the same name
   */
  public static Backends connect(Map<String, String> addresses, Map<String, ? extends Channel> inProcess) {
    return connect(addresses, inProcess, List.of());
  }

  /**
   * @param interceptors applied to every call on every backend, first one outermost (the
   *     observation that times each call and sends its trace context)
   */
  public static Backends connect(Map<String, String> addresses, Map<String, ? extends Channel> inProcess,
      List<ClientInterceptor> interceptors) {
    var channels = new LinkedHashMap<String, Channel>(inProcess);
    var owned = new ArrayList<ManagedChannel>();
    addresses.forEach((name, target) -> {
      if (channels.containsKey(name)) {
        log.warn("backend '{}' is served inside the gateway; its configured address {} is ignored", name, target);
        return;
      }
      if (target == null || target.isBlank()) {
        log.warn("backend '{}' has no address; its RPCs will answer 503", name);
        return;
      }
      // plaintext: the backends sit on a private network (NetworkPolicies let only the gateway in)
      // a service's INVALID_ARGUMENT lists up to 100 fields in its trailers: more than the
      // 8 KiB grpc-java accepts by default (service-kit's BadRequests bounds them to this)
      ManagedChannel channel = NettyChannelBuilder.forTarget(target.strip()).usePlaintext()
          .maxInboundMetadataSize(MAX_TRAILER_BYTES).build();
      channels.put(name, channel);
      owned.add(channel);
      log.info("backend '{}' at {}", name, target.strip());
    });
    channels.replaceAll((name, channel) -> ClientInterceptors.intercept(channel, interceptors));
    return new Backends(channels, owned);
  }

  public Optional<Channel> channel(String backend) {
    return Optional.ofNullable(channels.get(backend));
  }

  public Set<String> names() {
    return channels.keySet();
  }

  /** Stops the channels this object opened, letting calls in flight finish for up to five seconds. */
  @Override
  public void close() {
    owned.forEach(ManagedChannel::shutdown);
    for (ManagedChannel channel : owned) {
      try {
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
          channel.shutdownNow();
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
