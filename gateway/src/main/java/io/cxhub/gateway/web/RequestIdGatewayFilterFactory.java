package io.cxhub.gateway.web;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code RequestId} route filter: gives every request an id, the client's
 * {@code x-request-id} if it sent a sensible one, a new UUID otherwise. The id is echoed in
 * the response header, put in problem bodies and access logs, and passed to the backend
 * as gRPC metadata, so that one request can be followed across the services.
 */
public class RequestIdGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  public static final String HEADER = "x-request-id";

  private static final String ATTRIBUTE = RequestIdGatewayFilterFactory.class.getName() + ".id";
  // ids end up in logs and metadata: accept only short, plain ones
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:+=/-]{1,128}");

  private final Supplier<String> newIds;

  public RequestIdGatewayFilterFactory() {
    this(() -> UUID.randomUUID().toString());
  }

  /** @param newIds makes the id of a request that brings none */
  public RequestIdGatewayFilterFactory(Supplier<String> newIds) {
    super(Object.class);
    this.newIds = newIds;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return (exchange, chain) -> {
      String given = exchange.getRequest().getHeaders().getFirst(HEADER);
      String id = given != null && ACCEPTED.matcher(given).matches() ? given : newIds.get();
      exchange.getAttributes().put(ATTRIBUTE, id);
      exchange.getResponse().getHeaders().set(HEADER, id);
      return chain.filter(exchange);
    };
  }

  /** The id of the exchange, or null before this filter ran. */
  public static String requestId(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }
}
