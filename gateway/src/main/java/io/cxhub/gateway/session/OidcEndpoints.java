package io.cxhub.gateway.session;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The browser's two legs of single sign-on, plain HTTP because they redirect and set cookies:
 *
 * <ul>
 *   <li>{@code GET /auth/oidc/login}: remembers a new attempt, sets the {@value #COOKIE}
 *       cookie that binds it to this browser and redirects to the provider;</li>
 *   <li>{@code GET /auth/oidc/callback?code=…&state=…}: the provider's return; on success
 *       sets the session and CSRF cookies as a password sign-in does and sends the browser
 *       to the dashboard, otherwise shows a short page (French or English, from
 *       {@code Accept-Language}) saying why, with a way back to the sign-in page.</li>
 * </ul>
 *
 * <p>The attempt cookie is {@code SameSite=Lax}, not {@code Strict}: the browser must send it
 * on the provider's cross-site redirect back here.
 */
public final class OidcEndpoints {

  static final String COOKIE = "cx_oidc";
  private static final String CALLBACK = "/auth/oidc/callback";
  private static final Logger log = LoggerFactory.getLogger(OidcEndpoints.class);

  private final OidcSignIn signIn;
  private final SessionEndpoints sessions;
  private final SessionProperties settings;
  private final Scheduler blocking;

  public OidcEndpoints(OidcSignIn signIn, SessionEndpoints sessions, SessionProperties settings, Scheduler blocking) {
    this.signIn = signIn;
    this.sessions = sessions;
    this.settings = settings;
    this.blocking = blocking;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET("/auth/oidc/login", this::login)
        .GET(CALLBACK, this::callback)
        .build();
  }

  private Mono<ServerResponse> login(ServerRequest request) {
    if (!signIn.enabled()) {
      return page(request, OidcSignIn.Reason.NOT_CONFIGURED);
    }
    URI callback = UriComponentsBuilder.fromUri(request.uri()).replacePath(CALLBACK).replaceQuery(null)
        .fragment(null).build().toUri();
    return Mono.fromCallable(() -> signIn.start(callback)).subscribeOn(blocking)
        .flatMap(start -> ServerResponse.status(HttpStatus.FOUND).location(start.authorizationUri())
            .cacheControl(CacheControl.noStore())
            .cookie(attemptCookie(start.cookieValue(), OidcSignIn.ATTEMPT_TTL))
            .build())
        .onErrorResume(OidcSignIn.Failure.class, e -> page(request, e.reason()));
  }

  private Mono<ServerResponse> callback(ServerRequest request) {
    if (!signIn.enabled()) {
      return page(request, OidcSignIn.Reason.NOT_CONFIGURED);
    }
    var cookie = request.cookies().getFirst(COOKIE);
    String code = request.queryParam("code").orElse(null);
    String state = request.queryParam("state").orElse(null);
    String error = request.queryParam("error").orElse(null);
    return Mono.fromCallable(() -> signIn.complete(cookie == null ? null : cookie.getValue(), code, state, error))
        .subscribeOn(blocking)
        .flatMap(signedIn -> {
          log.info("signed in through single sign-on tenant={} userId={}", signedIn.user().tenantId(),
              signedIn.user().userId());
          return ServerResponse.status(HttpStatus.SEE_OTHER).location(URI.create("/app/"))
              .cacheControl(CacheControl.noStore())
              .cookie(attemptCookie("", Duration.ZERO))
              .cookie(sessions.sessionCookie(signedIn.cookieValue(), settings.absoluteTimeout()))
              .cookie(sessions.csrfCookie(signedIn.session().csrfToken(), settings.absoluteTimeout()))
              .build();
        })
        .onErrorResume(OidcSignIn.Failure.class, e -> page(request, e.reason()));
  }

  private ResponseCookie attemptCookie(String value, Duration maxAge) {
    return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(settings.cookieSecure()).sameSite("Lax")
        .path("/auth/oidc").maxAge(maxAge).build();
  }

  /** A short page saying why, in the person's language, with the way back. */
  private Mono<ServerResponse> page(ServerRequest request, OidcSignIn.Reason reason) {
    boolean french = request.headers().acceptLanguage().stream().findFirst()
        .map(range -> range.getRange().toLowerCase(Locale.ROOT).startsWith("fr")).orElse(false);
    String title = french ? "Connexion impossible" : "Could not sign you in";
    String back = french ? "Retour à la connexion" : "Back to sign-in";
    String html = "<!doctype html><html lang=\"" + (french ? "fr" : "en") + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
        + " · CX Hub</title></head><body><main><h1>" + title + "</h1><p>"
        + HtmlUtils.htmlEscape(reason.message(french)) + "</p><p><a href=\"/app/\">" + back
        + "</a></p></main></body></html>";
    return ServerResponse.status(reason.status())
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .cookie(attemptCookie("", Duration.ZERO))
        .bodyValue(html);
  }
}
