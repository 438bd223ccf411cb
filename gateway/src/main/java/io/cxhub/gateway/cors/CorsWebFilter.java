package io.cxhub.gateway.cors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cxhub.gateway.tenant.Tenants;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * CORS for front-end apps, with an allow-list per tenant ({@code UpdateCorsPolicy}).
 *
 * <p>A preflight from an origin that some tenant lists gets {@code 204} with
 * {@code Access-Control-Allow-Origin} set to that origin and
 * {@code Access-Control-Allow-Credentials: true}; from any other origin, {@code 403}
 * without CORS headers (a preflight carries no credentials, so the tenant is not known
 * yet). An actual cross-origin request gets the same headers when its origin is listed,
 * and records on the exchange which tenants list it: the {@code Authorize} filter then
 * refuses a caller whose own tenant does not ({@link #crossOriginTenants}). Same-origin
 * requests (the dashboard) pass untouched. Lookups by origin are cached briefly.
 */
public final class CorsWebFilter implements WebFilter, Ordered {

  private static final String ATTRIBUTE = CorsWebFilter.class.getName() + ".tenants";
  static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
  static final Set<String> ALLOWED_HEADERS = Set.of("authorization", "content-type", "x-csrf-token",
      "idempotency-key", "x-request-id", "if-match", "last-event-id", "accept", "accept-language");
  static final String EXPOSED_HEADERS = "ETag, Location, Retry-After, X-Request-Id, RateLimit-Limit, "
      + "RateLimit-Remaining, RateLimit-Reset";

  private final Tenants tenants;
  private final Scheduler blocking;
  private final Cache<String, Set<String>> cache;

  public CorsWebFilter(Tenants tenants, Scheduler blocking, Duration cacheTtl) {
    this.tenants = tenants;
    this.blocking = blocking;
    this.cache = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(10_000).build();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  /** Forget cached lookups (a policy changed on this gateway). */
  public void invalidate() {
    cache.invalidateAll();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String origin = request.getHeaders().getOrigin();
    if (origin == null || sameOrigin(request, origin)) {
      return chain.filter(exchange);
    }
    boolean preflight = request.getMethod() == HttpMethod.OPTIONS
        && request.getHeaders().containsKey(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    return allowing(origin).flatMap(allowed -> {
      var response = exchange.getResponse();
      response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
      if (preflight) {
        if (allowed.isEmpty()) {
          response.setStatusCode(HttpStatus.FORBIDDEN);
          return response.setComplete();
        }
        allow(response.getHeaders(), origin);
        response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
        String requested = request.getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (requested != null && !requested.isBlank()) {
          String headers = List.of(requested.split(",")).stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
              .filter(ALLOWED_HEADERS::contains).collect(Collectors.joining(", "));
          if (!headers.isEmpty()) {
            response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers);
          }
        }
        response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
        response.setStatusCode(HttpStatus.NO_CONTENT);
        return response.setComplete();
      }
      exchange.getAttributes().put(ATTRIBUTE, new CrossOrigin(origin, allowed));
      if (!allowed.isEmpty()) {
        allow(response.getHeaders(), origin);
        response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
      }
      return chain.filter(exchange);
    });
  }

  /** A cross-origin request: its origin, and the tenants that allow it. */
  public record CrossOrigin(String origin, Set<String> tenants) {}

  /** Set on cross-origin requests only. */
  public static Optional<CrossOrigin> crossOriginTenants(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }

  private Mono<Set<String>> allowing(String origin) {
    String key = origin.toLowerCase(Locale.ROOT);
    Set<String> cached = cache.getIfPresent(key);
    if (cached != null) {
      return Mono.just(cached);
    }
    if (!CorsOrigins.isValid(key)) {
      return Mono.just(Set.of());
    }
    return Mono.fromCallable(() -> cache.get(key, tenants::tenantsAllowing)).subscribeOn(blocking);
  }

  private static void allow(HttpHeaders headers, String origin) {
    headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
  }

  static boolean sameOrigin(ServerHttpRequest request, String origin) {
    URI uri = request.getURI();
    try {
      URI o = URI.create(origin);
      return o.getScheme() != null && o.getScheme().equalsIgnoreCase(uri.getScheme())
          && o.getHost() != null && o.getHost().equalsIgnoreCase(uri.getHost())
          && port(o) == port(uri);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
