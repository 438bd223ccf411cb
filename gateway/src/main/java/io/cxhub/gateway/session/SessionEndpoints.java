package io.cxhub.gateway.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.gateway.access.AccessPolicy;
import io.cxhub.gateway.problem.FieldViolation;
import io.cxhub.gateway.problem.Problem;
import io.cxhub.gateway.problem.ProblemWriter;
import io.cxhub.gateway.problem.Problems;
import io.cxhub.gateway.ratelimit.RateLimiter;
import io.cxhub.gateway.transcode.ClientAddresses;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The browser sign-in endpoints under {@code /auth}: they set and clear cookies, which is
 * why they are plain HTTP handlers rather than transcoded RPCs. Errors are problem+json
 * like the API's.
 *
 * <ul>
 *   <li>{@code POST /auth/login} {@code {"email","password"}}: signs in (rate limited per
 *       address and per client), sets the session and CSRF cookies, answers the session.</li>
 *   <li>{@code GET /auth/session}: the signed-in user, role and CSRF token; 401 without one.</li>
 *   <li>{@code POST /auth/logout}: ends the session (CSRF token required) and clears the cookies.</li>
 *   <li>{@code GET /auth/invitations/{secret}}: whom an open invitation is for.</li>
 *   <li>{@code POST /auth/invitations/{secret}} {@code {"display_name","password"}}: accepts it
 *       and signs in.</li>
 *   <li>{@code GET /auth/config}: what the sign-in page offers (single sign-on).</li>
 * </ul>
 */
public final class SessionEndpoints {

  private static final Logger log = LoggerFactory.getLogger(SessionEndpoints.class);

  private final SessionService service;
  private final RateLimiter limiter;
  private final ClientAddresses addresses;
  private final ProblemWriter problems;
  private final ObjectMapper json;
  private final Scheduler blocking;
  private final SessionProperties settings;

  public SessionEndpoints(SessionService service, RateLimiter limiter, ClientAddresses addresses,
      ProblemWriter problems, ObjectMapper json, Scheduler blocking) {
    this.service = service;
    this.limiter = limiter;
    this.addresses = addresses;
    this.problems = problems;
    this.json = json;
    this.blocking = blocking;
    this.settings = service.settings();
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST("/auth/login", this::login)
        .POST("/auth/logout", this::logout)
        .GET("/auth/session", this::session)
        .GET("/auth/config", this::config)
        .GET("/auth/invitations/{secret}", this::invitation)
        .POST("/auth/invitations/{secret}", this::accept)
        .build();
  }

  private Mono<ServerResponse> login(ServerRequest request) {
    return body(request).flatMap(body -> {
      String email = text(body, "email");
      String password = text(body, "password");
      String address = addresses.of(request.exchange().getRequest()).orElse("unknown");
      var limit = new RateLimiter.Limit(settings.loginAttemptsPerAccount(), settings.loginPeriod());
      var perAddress = new RateLimiter.Limit(settings.loginAttemptsPerAddress(), settings.loginPeriod());
      String account = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
      return limiter.tryConsume("login:address:" + address, perAddress)
          .zipWith(limiter.tryConsume("login:account:" + account, limit))
          .flatMap(outcomes -> {
            var refused = !outcomes.getT1().allowed() ? outcomes.getT1()
                : !outcomes.getT2().allowed() ? outcomes.getT2() : null;
            if (refused != null) {
              log.info("sign-in throttled address={}", address);
              return problem(request, Problem.of("resource-exhausted", "Too many requests", 429,
                      "Too many sign-in attempts; try again later."),
                  seconds(refused.retryAfter()));
            }
            return Mono.fromCallable(() -> service.login(email, password)).subscribeOn(blocking)
                .flatMap(signedIn -> {
                  log.info("signed in tenant={} userId={}", signedIn.user().tenantId(), signedIn.user().userId());
                  return signedIn(signedIn);
                });
          });
    }).onErrorResume(SessionException.class, e -> failure(request, e));
  }

  private Mono<ServerResponse> logout(ServerRequest request) {
    var cookie = request.cookies().getFirst(SessionAuthenticator.COOKIE);
    if (cookie == null) {
      return cleared(ServerResponse.noContent()).build();
    }
    return Mono.fromCallable(() -> service.authenticate(cookie.getValue())).subscribeOn(blocking).flatMap(found -> {
      if (found.isPresent() && !SessionService.csrfMatches(found.get().session(),
          request.headers().firstHeader(SessionAuthenticator.CSRF_HEADER))) {
        return problem(request, Problems.permissionDenied("Signing out needs the session's CSRF token in "
            + SessionAuthenticator.CSRF_HEADER + "."), Optional.empty());
      }
      return Mono.fromRunnable(() -> service.logout(cookie.getValue())).subscribeOn(blocking)
          .then(cleared(ServerResponse.noContent()).build());
    });
  }

  private Mono<ServerResponse> session(ServerRequest request) {
    var cookie = request.cookies().getFirst(SessionAuthenticator.COOKIE);
    if (cookie == null) {
      return problem(request, Problems.unauthenticated("Not signed in."), Optional.empty());
    }
    return Mono.fromCallable(() -> service.authenticate(cookie.getValue())).subscribeOn(blocking).flatMap(found ->
        found.isEmpty()
            ? problem(request, Problems.unauthenticated("The session has expired or ended: sign in again."), Optional.empty())
            : ServerResponse.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(view(found.get().user(), found.get().session())));
  }

  private Mono<ServerResponse> config(ServerRequest request) {
    var oidc = settings.oidc();
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of(
        "oidc", Map.of("enabled", oidc.enabled(), "label", oidc.label(), "path", "/auth/oidc/login")));
  }

  private Mono<ServerResponse> invitation(ServerRequest request) {
    String secret = request.pathVariable("secret");
    return Mono.fromCallable(() -> service.invitation(secret)).subscribeOn(blocking)
        .flatMap(invitation -> ServerResponse.ok().cacheControl(CacheControl.noStore())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", invitation.email(), "tenant_id", invitation.tenantId(),
                "role", AccessPolicy.protoName(invitation.role()))))
        .onErrorResume(SessionException.class, e -> failure(request, e));
  }

  private Mono<ServerResponse> accept(ServerRequest request) {
    String secret = request.pathVariable("secret");
    return body(request).flatMap(body -> Mono.fromCallable(
            () -> service.acceptInvitation(secret, text(body, "display_name"), text(body, "password")))
        .subscribeOn(blocking)
        .flatMap(signedIn -> {
          log.info("invitation accepted tenant={} userId={}", signedIn.user().tenantId(), signedIn.user().userId());
          return signedIn(signedIn);
        }))
        .onErrorResume(SessionException.class, e -> failure(request, e));
  }

  /** The answer of a sign-in: the cookies and the session. */
  public Mono<ServerResponse> signedIn(SessionService.SignedIn signedIn) {
    return ServerResponse.ok()
        .cacheControl(CacheControl.noStore())
        .cookie(sessionCookie(signedIn.cookieValue(), settings.absoluteTimeout()))
        .cookie(csrfCookie(signedIn.session().csrfToken(), settings.absoluteTimeout()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(view(signedIn.user(), signedIn.session()));
  }

  ResponseCookie sessionCookie(String value, Duration maxAge) {
    return ResponseCookie.from(SessionAuthenticator.COOKIE, value).httpOnly(true).secure(settings.cookieSecure())
        .sameSite(settings.sameSite()).path("/").maxAge(maxAge).build();
  }

  ResponseCookie csrfCookie(String value, Duration maxAge) {
    return ResponseCookie.from(SessionAuthenticator.CSRF_COOKIE, value).httpOnly(false).secure(settings.cookieSecure())
        .sameSite(settings.sameSite()).path("/").maxAge(maxAge).build();
  }

  private ServerResponse.HeadersBuilder<?> cleared(ServerResponse.HeadersBuilder<?> builder) {
    return builder.cookie(sessionCookie("", Duration.ZERO)).cookie(csrfCookie("", Duration.ZERO));
  }

  private static Map<String, Object> view(User user, Session session) {
    var view = new LinkedHashMap<String, Object>();
    view.put("user_id", user.userId());
    view.put("tenant_id", user.tenantId());
    view.put("email", user.email());
    view.put("display_name", user.displayName());
    view.put("role", AccessPolicy.protoName(user.role()));
    view.put("csrf_token", session.csrfToken());
    return view;
  }

  private Mono<JsonNode> body(ServerRequest request) {
    return request.bodyToMono(String.class).defaultIfEmpty("{}").flatMap(text -> {
      try {
        JsonNode node = json.readTree(text);
        if (node == null || !node.isObject()) {
          return Mono.error(new SessionException.InvalidInput(List.of(new FieldViolation("", "Send a JSON object."))));
        }
        return Mono.just(node);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return Mono.error(new SessionException.InvalidInput(List.of(new FieldViolation("", "The body is not JSON."))));
      }
    });
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null && field.contains("_")) {
      // proto JSON clients may send lowerCamelCase
      String camel = java.util.regex.Pattern.compile("_([a-z])").matcher(field).replaceAll(m -> m.group(1).toUpperCase());
      value = body.get(camel);
    }
    return value == null || !value.isTextual() ? null : value.asText();
  }

  private Mono<ServerResponse> failure(ServerRequest request, SessionException e) {
    Problem problem;
    if (e instanceof SessionException.InvalidInput invalid) {
      problem = Problem.badRequest(invalid.getMessage(), invalid.violations());
    } else if (e instanceof SessionException.BadCredentials) {
      problem = Problems.unauthenticated(e.getMessage());
    } else if (e instanceof SessionException.NotFound) {
      problem = Problems.notFound(e.getMessage());
    } else {
      problem = Problem.of("already-exists", "Conflict", 409, e.getMessage());
    }
    return problem(request, problem, Optional.empty());
  }

  private Mono<ServerResponse> problem(ServerRequest request, Problem problem, Optional<Long> retryAfter) {
    var builder = ServerResponse.status(HttpStatus.valueOf(problem.status()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).cacheControl(CacheControl.noStore());
    retryAfter.ifPresent(seconds -> builder.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    return builder.bodyValue(problems.complete(request.exchange(), problem));
  }

  private static Optional<Long> seconds(Duration duration) {
    return Optional.of(Math.max(1, (duration.toMillis() + 999) / 1000));
  }
}
