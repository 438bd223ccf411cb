package io.cxhub.journey.insight.grpc;

import io.cxhub.journey.insight.CustomerValues;
import io.cxhub.journey.insight.Indicators.IndicatorsUnavailableException;
import io.cxhub.kit.grpc.Peer;
import io.cxhub.kit.grpc.PeerCallException;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.LookupCustomersRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client of persona-service's customer valuation ({@code CustomerService.LookupCustomers},
 * internal, at most 500 ids per call): owns the stub, the per-call deadline and the
 * Resilience4j circuit breaker {@code persona}.
 *
 * <p>Fallback: when the circuit is open or a call fails, the read fails with
 * {@link IndicatorsUnavailableException}; the friction ranking then answers without revenue
 * at risk and says so in a note.
 */
public final class PersonaClient implements CustomerValues {

  static final int MAX_LOOKUP = 500;

  private final CustomerServiceGrpc.CustomerServiceBlockingStub customers;
  private final Peer peer;

  /** @param channel the channel to persona-service; its owner shuts it down */
  public PersonaClient(Channel channel, CircuitBreaker circuitBreaker, Duration deadline) {
    this.customers = CustomerServiceGrpc.newBlockingStub(channel);
    this.peer = new Peer("persona-service", circuitBreaker, deadline);
  }

  @Override
  public Map<String, Value> values(String tenantId, Set<String> customerIds) {
    var found = new HashMap<String, Value>();
    List<String> ids = new ArrayList<>(customerIds);
    try {
      for (int from = 0; from < ids.size(); from += MAX_LOOKUP) {
        var request = LookupCustomersRequest.newBuilder()
            .addAllCustomerIds(ids.subList(from, Math.min(ids.size(), from + MAX_LOOKUP))).build();
        var answer = peer.call(tenantId, customers, c -> c.lookupCustomers(request));
        for (var c : answer.getCustomersList()) {
          // a customer without a computed value (or without amounts) is not valued
          if (c.hasValue() && !c.getTransactional().getCurrency().isEmpty()) {
            found.put(c.getCustomerId(), new Value(c.getValue().getClv(), c.getTransactional().getCurrency()));
          }
        }
      }
      return found;
    } catch (PeerCallException e) {
      throw new IndicatorsUnavailableException(e.getMessage(), e);
    }
  }
}
