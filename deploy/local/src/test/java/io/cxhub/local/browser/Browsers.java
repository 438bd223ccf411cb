package io.cxhub.local.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The browser of the browser tests: Debian's Chromium ({@code /usr/bin/chromium}), headless,
 * driven by Playwright for Java, which is never allowed to download a browser of its own.
 *
 * <p>A test that needs a browser fails when there is none: {@code .ci/run} installs
 * Debian's {@code chromium} package when it is missing. On a developer's machine without
 * it, {@code CX_BROWSER=/path/to/chrome} (or {@code -Dcx.browser=…}) names another
 * Chromium, and {@code CX_BROWSER_DOWNLOAD=true} (or {@code -Dcx.browser.download=true})
 * lets Playwright fetch and use its own.
 *
 * <p>One instance per test class ({@code @BeforeAll}/{@code @AfterAll}); one context per
 * scenario, so that no cookie or storage leaks between scenarios.
 */
public final class Browsers implements AutoCloseable {

  /** Where Debian's {@code chromium} package puts the browser. */
  public static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

  /** Quiet, sandbox-free (containers), no network of its own (updates, sync, QUIC). */
  static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync");

  /** A mid-range phone: 390×844 CSS pixels at 3× (iPhone 12-14 class). */
  public static final int PHONE_WIDTH = 390;
  public static final int PHONE_HEIGHT = 844;

  private final Playwright playwright;
  private final Browser browser;

  private Browsers(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Launches the browser, or fails (never skips) saying how to get one. */
  public static Browsers launch() {
    return launch(System.getenv(), System.getProperties());
  }

  static Browsers launch(Map<String, String> env, java.util.Properties properties) {
    boolean download = Boolean.parseBoolean(setting(env, properties, "CX_BROWSER_DOWNLOAD", "cx.browser.download")
        .orElse("false"));
    Path executable = setting(env, properties, "CX_BROWSER", "cx.browser").map(Path::of).orElse(DEBIAN_CHROMIUM);
    boolean present = Files.isExecutable(executable);
    if (!present && !download) {
      throw new IllegalStateException("no browser at " + executable + ": install Debian's chromium"
          + " package (.ci/run does), name another Chromium with CX_BROWSER, or let Playwright"
          + " download its own with CX_BROWSER_DOWNLOAD=true");
    }
    var driverEnv = new HashMap<String, String>();
    if (present) {
      driverEnv.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    }
    var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(driverEnv));
    try {
      var options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS);
      if (present) {
        options.setExecutablePath(executable);
      }
      return new Browsers(playwright, playwright.chromium().launch(options));
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  private static Optional<String> setting(Map<String, String> env, java.util.Properties properties,
      String envName, String propertyName) {
    return Optional.ofNullable(properties.getProperty(propertyName))
        .or(() -> Optional.ofNullable(env.get(envName)))
        .map(String::strip)
        .filter(value -> !value.isEmpty());
  }

  /** A fresh context with the given options (viewport, locale, JavaScript…). */
  public BrowserContext context(Browser.NewContextOptions options) {
    return browser.newContext(options);
  }

  /**
   * A fresh phone-sized page (touch, mobile viewport) whose {@code Accept-Language} is
   * {@code locale}, with or without JavaScript.
   */
  public Page phone(String locale, boolean javaScript) {
    var context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
        .setDeviceScaleFactor(3)
        .setIsMobile(true)
        .setHasTouch(true)
        .setLocale(locale)
        .setJavaScriptEnabled(javaScript));
    return context.newPage();
  }

  /** A fresh desktop page (1280×800) whose {@code Accept-Language} is {@code locale}. */
  public Page desktop(String locale, boolean javaScript) {
    var context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(1280, 800)
        .setLocale(locale)
        .setJavaScriptEnabled(javaScript));
    return context.newPage();
  }

  /** The browser's version, for reports. */
  public String version() {
    return browser.version();
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
