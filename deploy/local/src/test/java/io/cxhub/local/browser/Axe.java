package io.cxhub.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Accessibility checks with Deque's axe-core (from its WebJar on the test class path),
 * injected into the page under test and run against the WCAG 2.0/2.1 A and AA rules.
 *
 * <p>The script is evaluated through the browser's debugging protocol, so a page's
 * content-security-policy does not block it and the page needs no change for the check.
 */
public final class Axe {

  /** The rule sets checked: WCAG 2.1 AA includes 2.0 A/AA and 2.1 A. */
  static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile String source;

  private Axe() {}

  /** One failed rule and where it fails. */
  public record Violation(String id, String impact, String help, List<String> targets) {
    @Override
    public String toString() {
      return id + " (" + impact + "): " + help + " at " + targets;
    }
  }

  /** The violations axe-core finds on the page as it is now. */
  public static List<Violation> violations(Page page) {
    if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
      page.evaluate("() => {\n" + source() + "\n}");
    }
    String result = (String) page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        + " resultTypes: ['violations']}).then(r => JSON.stringify(r.violations))", TAGS);
    try {
      var violations = new ArrayList<Violation>();
      for (JsonNode v : JSON.readTree(result)) {
        var targets = new ArrayList<String>();
        v.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
        violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(),
            v.path("help").asText(), targets));
      }
      return violations;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails with every violation listed when axe-core finds any. */
  public static void assertNoViolations(Page page) {
    var violations = violations(page);
    if (!violations.isEmpty()) {
      throw new AssertionError("axe-core found " + violations.size() + " accessibility violation(s) on "
          + page.url() + ":\n" + violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
    }
  }

  /** The version of axe-core in use. */
  public static String version() {
    try (InputStream in = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String source() {
    if (source == null) {
      try (InputStream in = resource("META-INF/resources/webjars/axe-core/" + version() + "/axe.min.js")) {
        source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }

  private static InputStream resource(String name) {
    InputStream in = Axe.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing: the org.webjars.npm:axe-core test dependency is needed");
    }
    return in;
  }
}
