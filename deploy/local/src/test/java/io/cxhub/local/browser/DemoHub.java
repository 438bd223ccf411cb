package io.cxhub.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.Cookie;
import io.cxhub.local.CxHub;
import io.cxhub.local.LocalConfig;
import io.cxhub.local.demo.DemoInbox;
import io.cxhub.local.demo.DemoLoader;
import io.cxhub.local.demo.DemoOutbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONE one-jar hub with the demo tenant loaded, shared by every test class of the test JVM
 * that asks for it: started the first time a class needs it, stopped (and its data folder
 * deleted) when the whole test run ends. Loading the demo takes a while, so browser tests
 * of the dashboard share this hub instead of starting their own.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * @ExtendWith(DemoHubExtension.class)
 * @TestInstance(TestInstance.Lifecycle.PER_CLASS)
 * class SomeDashboardIT {
 *   private DemoHub demo;
 *   private Browsers browsers;
 *
 *   @BeforeAll
 *   void start(DemoHub demo) {          // or a DemoHub parameter on any test method
 *     this.demo = demo;
 *     browsers = Browsers.launch();
 *   }
 *
 *   @Test
 *   void aViewerSeesTheOverview() {
 *     DemoHub.User viewer = demo.user(DemoHub.Role.VIEWER);  // a new user, already signed in
 *     Page page = browsers.desktop("en-GB", true);
 *     viewer.signIn(page.context());                          // the session cookies, no login form
 *     page.navigate(demo.url("/app/"));
 *     ...
 *     assertThat(viewer.send("POST", "/v1/cases/x:assign", Map.of()).status()).isEqualTo(403);
 *   }
 * }
 * }</pre>
 *
 * <h2>What it gives</h2>
 * <ul>
 *   <li>{@link #gatewayUrl()}, {@link #url(String)}, {@link #publicUrl()}: where the hub answers;</li>
 *   <li>{@link #demoUser()}: the demo's own user ({@link DemoLoader#USER_EMAIL}, admin role) and
 *       {@link #password()} for tests that type it into the sign-in form;</li>
 *   <li>{@link #operatorKey()}: the platform operator's API key (creates tenants and keys);
 *       {@link #tenantKey()}: an admin API key of the demo tenant, with {@link #api(String, String, Object)}
 *       to call the API as a partner system would;</li>
 *   <li>{@link #user(Role)}: a new user of the demo tenant with the given role, invited through
 *       the admin API and signed in by accepting the invitation;</li>
 *   <li>{@link #loaded()} and {@link #today()}: what the loader reported and the day it loaded for.</li>
 * </ul>
 *
 * <h2>Rules for the tests sharing it</h2>
 * <ul>
 *   <li>Sign-in is throttled per account (5 attempts per 15 minutes by default): do not log in
 *       through the form or {@code /auth/login} in every test; use {@link User#signIn(BrowserContext)},
 *       which copies a session opened once. Each {@link #user(Role)} is a fresh account with
 *       its own allowance.</li>
 *   <li>The data is shared: a test may add answers, cases, notes…, but must not delete or
 *       rename what the demo created, and must compare before/after within itself rather than
 *       expect absolute counts that another class could have changed.</li>
 * </ul>
 *
 * <h2>Against a hub already running</h2>
 * While working on the dashboard, {@code -Dcx.demo-hub.url=http://127.0.0.1:8080
 * -Dcx.demo-hub.operator-key=…} makes the tests use a hub that is already running with the demo
 * loaded (with {@link #PASSWORD} as the demo user's password) instead of starting one: the
 * tests then take seconds instead of minutes. That hub is left running.
 *
 * <p>All of its methods are safe to call from several threads.
 */
public final class DemoHub {

  private static final Logger log = LoggerFactory.getLogger(DemoHub.class);
  static final ObjectMapper JSON = new ObjectMapper();

  /** The share of the full demo data set that is loaded: enough for every view, short to load. */
  public static final double SCALE = 0.35;
  /** The demo user's password in tests. */
  public static final String PASSWORD = "demo-password-for-tests";

  /** The roles a tenant user can have, weakest first (cx.common.v1.TenantRole). */
  public enum Role {
    VIEWER, AGENT, ANALYST, ADMIN;

    /** The proto name the API uses, e.g. {@code TENANT_ROLE_VIEWER}. */
    public String protoName() {
      return "TENANT_ROLE_" + name();
    }
  }

  /** An HTTP answer: status, content type and body (JSON parsed on demand). */
  public record Reply(int status, String contentType, String body) {
    /** The body as JSON; a missing node when empty. */
    public JsonNode json() {
      try {
        return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + contentType + " " + body;
    }
  }

  private final Optional<CxHub> hub;
  private final URI gatewayUrl;
  private final Path dataDir;
  private final String operatorKey;
  private final DemoLoader.Loaded loaded;
  private final LocalDate today;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger users = new AtomicInteger();
  private volatile String tenantKey;
  private volatile User demoUser;

  private DemoHub(Optional<CxHub> hub, URI gatewayUrl, Path dataDir, String operatorKey, DemoLoader.Loaded loaded,
      LocalDate today) {
    this.hub = hub;
    this.gatewayUrl = gatewayUrl;
    this.dataDir = dataDir;
    this.operatorKey = operatorKey;
    this.loaded = loaded;
    this.today = today;
  }

  /**
   * The hub of this test run, started and loaded on the first call (from the root context's
   * store, so every class shares it; JUnit closes it at the end of the run).
   */
  public static DemoHub shared(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.create(DemoHub.class))
        .getOrComputeIfAbsent(Resource.class, k -> new Resource(start()), Resource.class).hub;
  }

  /** Starts a hub on free ports and loads the demo (at {@link #SCALE}); for {@link #shared}. */
  static DemoHub start() {
    String running = System.getProperty("cx.demo-hub.url", "").strip();
    if (!running.isEmpty()) {
      String operator = System.getProperty("cx.demo-hub.operator-key", "");
      log.info("demo hub: using the hub running at {}", running);
      return new DemoHub(Optional.empty(), URI.create(running), null, operator,
          new DemoLoader.Loaded(DemoLoader.TENANT, DemoLoader.USER_EMAIL, PASSWORD, 0, Optional.empty()),
          LocalDate.now(DemoLoader.ZONE));
    }
    long t0 = System.nanoTime();
    String key = "cx-demo-hub-" + UUID.randomUUID();
    Path dir;
    try {
      dir = Files.createTempDirectory("cx-demo-hub");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // as with --demo: the campaigns' e-mail and SMS go to the local outbox in the data folder
    CxHub hub = CxHub.start(LocalConfig.onFreePorts(dir).withBootstrapApiKey(key).withDemoOutbox(Map.of()));
    try {
      LocalDate today = LocalDate.now(DemoLoader.ZONE);
      var loaded = new DemoLoader(hub.gatewayUrl(), key, step -> log.info("demo hub: {}", step), inbox(hub))
          .load(PASSWORD, today, SCALE);
      log.info("demo hub ready at {} in {} s: {} answers", hub.gatewayUrl(),
          Duration.ofNanos(System.nanoTime() - t0).toSeconds(), loaded.responses());
      return new DemoHub(Optional.of(hub), hub.gatewayUrl(), dir, key, loaded, today);
    } catch (RuntimeException | Error e) {
      hub.close();
      deleteQuietly(dir);
      throw e;
    }
  }

  /**
   * Where the demo's campaigns were delivered (the hub's local outbox), for a loader that
   * loads again; {@link DemoInbox#NONE} against a hub already running.
   */
  public DemoInbox inbox() {
    return hub.map(DemoHub::inbox).orElse(DemoInbox.NONE);
  }

  private static DemoInbox inbox(CxHub hub) {
    return hub.demoOutbox().map(DemoOutbox::inbox).orElse(DemoInbox.NONE);
  }

  /** The gateway's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI gatewayUrl() {
    return gatewayUrl;
  }

  /** An absolute URL on the gateway, e.g. {@code url("/app/")}. */
  public String url(String path) {
    return gatewayUrl().resolve(path).toString();
  }

  /** The base of survey links and QR codes ({@code /s/{token}} pages). */
  public String publicUrl() {
    return hub.map(CxHub::publicUrl).orElse(gatewayUrl.toString());
  }

  /** The demo tenant's id ({@link DemoLoader#TENANT}). */
  public String tenantId() {
    return loaded.tenantId();
  }

  /** The demo user's e-mail address. */
  public String email() {
    return loaded.email();
  }

  /** The demo user's password. */
  public String password() {
    return loaded.password();
  }

  /** What the loader reported (answers loaded, a note when the improvement was not measured). */
  public DemoLoader.Loaded loaded() {
    return loaded;
  }

  /** The day the demo was loaded for (in {@link DemoLoader#ZONE}). */
  public LocalDate today() {
    return today;
  }

  /** The platform operator's API key (bearer), e.g. to create tenants or keys. */
  public String operatorKey() {
    return operatorKey;
  }

  /** An admin API key (read, write, ingest) of the demo tenant, issued once. */
  public String tenantKey() {
    String key = tenantKey;
    if (key == null) {
      synchronized (this) {
        if (tenantKey == null) {
          var issued = call("POST", "/v1/admin/tenants/" + tenantId() + "/apiKeys", Optional.of(operatorKey),
              Map.of("displayName", "tests", "role", Role.ADMIN.protoName(),
                  "scopes", List.of("SCOPE_READ", "SCOPE_WRITE", "SCOPE_INGEST")));
          expectOk(issued, "issuing a tenant key");
          tenantKey = issued.json().path("secret").asText();
        }
        key = tenantKey;
      }
    }
    return key;
  }

  /** Calls the API with {@link #tenantKey()} ({@code body} null for none), as a partner system would. */
  public Reply api(String method, String path, Object body) {
    return call(method, path, Optional.of(tenantKey()), body);
  }

  /** GET with {@link #tenantKey()}. */
  public Reply api(String path) {
    return api("GET", path, null);
  }

  /** The demo user (admin), signed in once for the whole run. */
  public User demoUser() {
    User user = demoUser;
    if (user == null) {
      synchronized (this) {
        if (demoUser == null) {
          var cookies = new CookieManager();
          var http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
          var login = send(http, request("/auth/login", Optional.empty(), Optional.empty(), "POST",
              Map.of("email", email(), "password", password())));
          expectOk(login, "signing in as " + email());
          demoUser = new User(this, email(), password(), Role.ADMIN, http, cookies,
              login.json().path("csrf_token").asText());
        }
        user = demoUser;
      }
    }
    return user;
  }

  /**
   * A new user of the demo tenant with {@code role}: invited through the admin API
   * ({@code POST /v1/admin/tenants/demo/invitations}) and signed in by accepting the
   * invitation ({@code POST /auth/invitations/{secret}}), which costs no sign-in attempt.
   */
  public User user(Role role) {
    String email = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + users.incrementAndGet() + "-"
        + UUID.randomUUID().toString().substring(0, 8) + "@tests.cx-hub.local";
    String password = "pw-" + UUID.randomUUID();
    var invitation = api("POST", "/v1/admin/tenants/" + tenantId() + "/invitations",
        Map.of("email", email, "role", role.protoName()));
    expectOk(invitation, "inviting " + email);
    String path = invitation.json().path("invitePath").asText();
    String secret = path.substring(path.lastIndexOf('/') + 1);
    var cookies = new CookieManager();
    var http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    var accepted = send(http, request("/auth/invitations/" + secret, Optional.empty(), Optional.empty(), "POST",
        Map.of("display_name", role.name().charAt(0) + role.name().substring(1).toLowerCase(java.util.Locale.ROOT)
            + " (tests)", "password", password)));
    expectOk(accepted, "accepting the invitation of " + email);
    return new User(this, email, password, role, http, cookies, accepted.json().path("csrf_token").asText());
  }

  /**
   * A signed-in user: calls the API with the session cookie (and the CSRF header on changes),
   * as the dashboard does, and hands its session to a browser context.
   */
  public static final class User {
    private final DemoHub hub;
    private final String email;
    private final String password;
    private final Role role;
    private final HttpClient http;
    private final CookieManager cookies;
    private final String csrfToken;

    private User(DemoHub hub, String email, String password, Role role, HttpClient http, CookieManager cookies,
        String csrfToken) {
      this.hub = hub;
      this.email = email;
      this.password = password;
      this.role = role;
      this.http = http;
      this.cookies = cookies;
      this.csrfToken = csrfToken;
    }

    public String email() {
      return email;
    }

    /** The password, for tests that sign in through the form (mind the throttling). */
    public String password() {
      return password;
    }

    public Role role() {
      return role;
    }

    /** The session's CSRF token, which changes need in {@code X-CSRF-Token}. */
    public String csrfToken() {
      return csrfToken;
    }

    /** The session's cookies ({@code cx_session}, {@code cx_csrf}) for the gateway's URL. */
    public List<Cookie> cookies() {
      String url = hub.url("/");
      return cookies.getCookieStore().get(hub.gatewayUrl()).stream()
          .map((HttpCookie c) -> new Cookie(c.getName(), c.getValue()).setUrl(url).setHttpOnly(c.isHttpOnly()))
          .toList();
    }

    /** Puts this user's session into a browser context: its pages are signed in. */
    public void signIn(BrowserContext context) {
      context.addCookies(cookies());
    }

    /** GET as this user. */
    public Reply get(String path) {
      return send("GET", path, null);
    }

    /** Any method as this user, with the CSRF header; {@code body} null for none. */
    public Reply send(String method, String path, Object body) {
      return hub.send(http, hub.request(path, Optional.empty(), Optional.of(csrfToken), method, body));
    }

    @Override
    public String toString() {
      return email + " (" + role + ")";
    }
  }

  Reply call(String method, String path, Optional<String> bearer, Object body) {
    return send(client, request(path, bearer, Optional.empty(), method, body));
  }

  private HttpRequest request(String path, Optional<String> bearer, Optional<String> csrf, String method,
      Object body) {
    var builder = HttpRequest.newBuilder(gatewayUrl().resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    bearer.ifPresent(k -> builder.header("Authorization", "Bearer " + k));
    csrf.ifPresent(token -> builder.header("X-CSRF-Token", token));
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      try {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return builder.build();
  }

  private Reply send(HttpClient http, HttpRequest request) {
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void expectOk(Reply reply, String what) {
    if (reply.status() != 200) {
      throw new IllegalStateException(what + " answered " + reply);
    }
  }

  private void close() {
    if (hub.isEmpty()) {
      return;
    }
    try {
      hub.get().close();
    } finally {
      deleteQuietly(dataDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("could not delete {}", dir, e);
    }
  }

  /** Closes the hub when JUnit closes the root context's store, at the end of the run. */
  private record Resource(DemoHub hub) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      log.info("stopping the demo hub");
      hub.close();
    }
  }
}
