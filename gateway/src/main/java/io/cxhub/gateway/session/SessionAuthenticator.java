package io.cxhub.gateway.session;

import io.cxhub.gateway.apikey.Caller;
import io.cxhub.gateway.apikey.Scope;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Tells which signed-in user a browser request comes from, by its session cookie, for the
 * gateway's authentication filter. A user acts as an API key of its tenant and role with
 * every scope would: the contract's access rules apply to both alike.
 *
 * <p>Changes ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) sent with the
 * cookie must carry the session's CSRF token in {@value #CSRF_HEADER}: another site can
 * make a browser send the cookie, but cannot read the token.
 */
public final class SessionAuthenticator {

  /** The session cookie: {@code HttpOnly}, {@code SameSite}, {@code Secure} unless configured off. */
  public static final String COOKIE = "cx_session";
  /** A readable cookie holding the CSRF token, for pages that lost it from memory. */
  public static final String CSRF_COOKIE = "cx_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  /** Key ids of users' requests start with this (an API key id never does: they are hex). */
  public static final String USER_KEY_PREFIX = "user:";

  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final SessionService service;
  private final Scheduler blocking;

  public SessionAuthenticator(SessionService service, Scheduler blocking) {
    this.service = service;
    this.blocking = blocking;
  }

  /** What a request's cookie proves. */
  public sealed interface Outcome {
    /** No session cookie: the request is not a browser session's. */
    record NoCookie() implements Outcome {}

    /** A cookie that opens no valid session (expired, ended, forged). */
    record Invalid() implements Outcome {}

    /** A valid session, but a change without the session's CSRF token. */
    record CsrfRejected() implements Outcome {}

    record Valid(Caller caller, SessionService.Authenticated session) implements Outcome {}
  }

  public static boolean hasCookie(ServerHttpRequest request) {
    return request.getCookies().getFirst(COOKIE) != null;
  }

  public Mono<Outcome> authenticate(ServerHttpRequest request) {
    HttpCookie cookie = request.getCookies().getFirst(COOKIE);
    if (cookie == null) {
      return Mono.just(new Outcome.NoCookie());
    }
    return Mono.fromCallable(() -> service.authenticate(cookie.getValue())).subscribeOn(blocking)
        .map(found -> decide(found, request));
  }

  private static Outcome decide(Optional<SessionService.Authenticated> found, ServerHttpRequest request) {
    if (found.isEmpty()) {
      return new Outcome.Invalid();
    }
    var session = found.get();
    if (!SAFE.contains(request.getMethod())
        && !SessionService.csrfMatches(session.session(), request.getHeaders().getFirst(CSRF_HEADER))) {
      return new Outcome.CsrfRejected();
    }
    return new Outcome.Valid(caller(session.user()), session);
  }

  /** The caller a user acts as. */
  public static Caller caller(User user) {
    return new Caller(user.tenantId(), user.callerKeyId(), user.role(), Scope.all(), false);
  }
}
