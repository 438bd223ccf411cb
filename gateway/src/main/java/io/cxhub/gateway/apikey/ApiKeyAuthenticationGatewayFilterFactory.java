package io.cxhub.gateway.apikey;

import io.cxhub.gateway.problem.ProblemWriter;
import io.cxhub.gateway.problem.Problems;
import io.cxhub.gateway.session.SessionAuthenticator;
import io.cxhub.gateway.transcode.MatchHttpRuleGatewayFilterFactory;
import io.cxhub.proto.common.v1.Access;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code ApiKeyAuthentication} route filter: tells who calls (it runs after
 * {@code MatchHttpRule}, which finds the RPC and its {@code (cx.common.v1.access)} rule). Public RPCs
 * pass without a key and act for no tenant. Others need {@code Authorization: Bearer <key>}
 * with a valid key, or (without that header) a dashboard session cookie, with the
 * session's CSRF token on changes ({@link SessionAuthenticator}); 401 otherwise, with
 * {@code WWW-Authenticate}. The verified
 * {@link Caller} is recorded on the exchange: its tenant is the only tenant a request can
 * act for. Whether the caller may call the RPC is the {@code Authorize} filter's decision.
 */
public class ApiKeyAuthenticationGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  private static final String ATTRIBUTE = ApiKeyAuthenticationGatewayFilterFactory.class.getName() + ".caller";
  private static final Pattern BEARER = Pattern.compile("^Bearer +([\\x21-\\x7e]{1,512}) *$", Pattern.CASE_INSENSITIVE);
  private static final String CHALLENGE = "Bearer realm=\"cx-hub\"";

  private final ApiKeyVerifier verifier;
  private final ProblemWriter problems;
  private final Optional<SessionAuthenticator> sessions;

  public ApiKeyAuthenticationGatewayFilterFactory(ApiKeyVerifier verifier, ProblemWriter problems) {
    this(verifier, problems, Optional.empty());
  }

  /** @param sessions dashboard users' sessions, accepted when a request has no API key */
  public ApiKeyAuthenticationGatewayFilterFactory(ApiKeyVerifier verifier, ProblemWriter problems,
      Optional<SessionAuthenticator> sessions) {
    super(Object.class);
    this.verifier = verifier;
    this.problems = problems;
    this.sessions = sessions;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return (exchange, chain) -> {
      var match = MatchHttpRuleGatewayFilterFactory.matched(exchange)
          .orElseThrow(() -> new IllegalStateException("ApiKeyAuthentication must come after MatchHttpRule"));
      var rpc = match.binding().rpc();
      if (rpc.access() == Access.ACCESS_PUBLIC) {
        return chain.filter(exchange);
      }
      String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
      if (authorization == null && sessions.isPresent() && SessionAuthenticator.hasCookie(exchange.getRequest())) {
        return sessions.get().authenticate(exchange.getRequest()).flatMap(outcome -> {
          if (outcome instanceof SessionAuthenticator.Outcome.Valid valid) {
            exchange.getAttributes().put(ATTRIBUTE, valid.caller());
            return chain.filter(exchange);
          }
          if (outcome instanceof SessionAuthenticator.Outcome.CsrfRejected) {
            return problems.write(exchange, Problems.permissionDenied(
                "A change sent with the session cookie must carry the session's CSRF token in "
                    + SessionAuthenticator.CSRF_HEADER + "."));
          }
          return unauthenticated(exchange, CHALLENGE, "The session has expired or ended: sign in again.");
        });
      }
      if (authorization == null) {
        return unauthenticated(exchange, CHALLENGE,
            "This operation needs an API key: send it as Authorization: Bearer <key>.");
      }
      Matcher bearer = BEARER.matcher(authorization);
      if (!bearer.matches()) {
        return unauthenticated(exchange, CHALLENGE + ", error=\"invalid_request\"",
            "Send the API key as Authorization: Bearer <key>.");
      }
      return verifier.verify(bearer.group(1)).flatMap(caller -> {
        if (caller.isEmpty()) {
          return unauthenticated(exchange, CHALLENGE + ", error=\"invalid_token\"",
              "The API key is unknown or has been revoked.");
        }
        exchange.getAttributes().put(ATTRIBUTE, caller.get());
        return chain.filter(exchange);
      });
    };
  }

  private Mono<Void> unauthenticated(ServerWebExchange exchange, String challenge, String detail) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    return problems.write(exchange, Problems.unauthenticated(detail));
  }

  /** The verified caller of the exchange; empty for public RPCs. */
  public static Optional<Caller> caller(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }
}
