package io.cxhub.metrics.ingest.grpc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cxhub.kit.grpc.Peer;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.metrics.customerfeed.CustomerEventSink;
import io.cxhub.metrics.customerfeed.FeedEntry;
import io.cxhub.metrics.ingest.Profile;
import io.cxhub.proto.persona.v1.ApplyCustomerEventsRequest;
import io.cxhub.proto.persona.v1.CustomerEvent;
import io.cxhub.proto.persona.v1.CustomerEventKind;
import io.cxhub.metrics.ingest.Segments;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import io.cxhub.proto.persona.v1.LookupCustomersRequest;
import io.cxhub.proto.persona.v1.LookupCustomersResponse;
import io.cxhub.proto.persona.v1.ValueTier;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.ConnectivityState;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The client of persona-service: owns the stub, the per-call deadline, a Caffeine cache of
 * profiles (segment and persona, TTL) and the Resilience4j circuit breaker {@code persona}.
 *
 * <p>Fallback: when the circuit is open or a lookup fails (unavailable, deadline, any error),
 * the customers it was asked about are {@code unassigned} — the response is counted, never
 * dropped, and ingestion waits at most one deadline. Failures are not cached, so the next
 * response of the customer is resolved once persona-service is back. A customer that
 * persona-service does not know, or that has no segment, is {@code unassigned} too (and
 * cached like a found one).
 */
public final class PersonaClient implements Segments, CustomerEventSink {

  /** A relay batch of 500 events is one call; it may take longer than a lookup. */
  private static final Duration DELIVER_DEADLINE = Duration.ofSeconds(10);

  private static final int MAX_LOOKUP = 500;

  private final ManagedChannel channel;
  private final CustomerServiceBlockingStub stub;
  private final Peer peer;
  private final Cache<String, Profile> cache;

  /** @param channel the channel to persona-service; its owner shuts it down */
  public PersonaClient(ManagedChannel channel, CircuitBreaker circuitBreaker, Duration deadline, Duration ttl, long size) {
    this.channel = channel;
    this.stub = CustomerServiceGrpc.newBlockingStub(channel);
    this.peer = new Peer("persona-service", circuitBreaker, deadline);
    this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
  }

  @Override
  public Map<String, Profile> resolve(String tenantId, Set<String> customerIds) {
    var result = new HashMap<String, Profile>();
    var missing = new ArrayList<String>();
    for (String id : customerIds) {
      Profile cached = cache.getIfPresent(Ids.tenantScoped(tenantId, id));
      if (cached != null) {
        result.put(id, cached);
      } else {
        missing.add(id);
      }
    }
    for (int from = 0; from < missing.size(); from += MAX_LOOKUP) {
      List<String> chunk = missing.subList(from, Math.min(from + MAX_LOOKUP, missing.size()));
      var reply = lookup(tenantId, chunk);
      if (reply.isEmpty()) {
        chunk.forEach(id -> result.put(id, Profile.UNASSIGNED));
        continue;
      }
      var found = new HashMap<String, Profile>();
      reply.get().getCustomersList().forEach(c -> found.put(c.getCustomerId(), Profile.of(c.getSegment(),
          c.getPersonaId(), valueTier(c))));
      for (String id : chunk) {
        Profile profile = found.getOrDefault(id, Profile.UNASSIGNED);
        cache.put(Ids.tenantScoped(tenantId, id), profile);
        result.put(id, profile);
      }
    }
    return result;
  }

  /**
   * Delivers customer events (the relay's calls; no fallback: a failure leaves them pending
   * and the relay resends them, which persona-service's per-event-id check makes harmless).
   */
  @Override
  public void deliver(String tenantId, List<FeedEntry> entries) {
    var request = ApplyCustomerEventsRequest.newBuilder();
    for (var e : entries) {
      var event = CustomerEvent.newBuilder()
          .setEventId(e.eventId())
          .setCustomerId(e.customerId())
          .setOccurTime(ProtoTimestamps.toProto(e.occurTime()));
      if (e.kind() == FeedEntry.Kind.ORDER) {
        event.setKind(CustomerEventKind.CUSTOMER_EVENT_KIND_ORDER).setAmount(e.amount()).setCurrency(e.currency());
      } else {
        event.setKind(CustomerEventKind.CUSTOMER_EVENT_KIND_CONTACT)
            .setChannel(ProtoChannels.toProto(io.cxhub.kit.domain.Channel.fromName(e.channel())))
            .setLocalWeekday(e.weekday()).setLocalHour(e.hour());
      }
      request.addEvents(event);
    }
    if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      channel.resetConnectBackoff();
    }
    Context tenantContext = TenantContext.withTenant(tenantId);
    Context previous = tenantContext.attach();
    try {
      stub.withDeadlineAfter(DELIVER_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).applyCustomerEvents(request.build());
    } finally {
      tenantContext.detach(previous);
    }
  }

  /** The customers' profiles; empty (logged) when persona-service cannot answer: they count as unassigned. */
  private Optional<LookupCustomersResponse> lookup(String tenantId, List<String> ids) {
    if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      channel.resetConnectBackoff();
    }
    return peer.tryCall(tenantId, "profiles of " + ids.size() + " customers (counted as unassigned)", stub,
        s -> s.lookupCustomers(LookupCustomersRequest.newBuilder().addAllCustomerIds(ids).build()));
  }

  /**
   * The customer's value tier as a slicing value ({@code VALUE_TIER_AT_RISK} → {@code at_risk});
   * empty (so {@code unassigned}) until persona-service has valued the customer.
   */
  static String valueTier(io.cxhub.proto.persona.v1.Customer c) {
    if (!c.hasValue()) {
      return "";
    }
    var tier = c.getValue().getTier();
    if (tier == ValueTier.VALUE_TIER_UNSPECIFIED || tier == ValueTier.UNRECOGNIZED) {
      return "";
    }
    return tier.name().substring("VALUE_TIER_".length()).toLowerCase(java.util.Locale.ROOT);
  }
}
