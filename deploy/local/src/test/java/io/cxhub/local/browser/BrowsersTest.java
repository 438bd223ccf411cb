package io.cxhub.local.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The browser fixture itself: Debian's Chromium, phone pages, JavaScript off, axe-core. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowsersTest {

  private Browsers browsers;

  @BeforeAll
  void launch() {
    browsers = Browsers.launch();
  }

  @AfterAll
  void close() {
    if (browsers != null) {
      browsers.close();
    }
  }

  @Test
  void aMissingBrowserFailsInsteadOfDownloadingOne() {
    assertThatThrownBy(() -> Browsers.launch(Map.of("CX_BROWSER", "/nonexistent/chromium"), new Properties()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/chromium")
        .hasMessageContaining("CX_BROWSER_DOWNLOAD");
  }

  @Test
  void aPhonePageHasAPhoneViewportAndTheWantedLanguage() {
    Page page = browsers.phone("fr-FR", true);
    try {
      page.setContent("<!doctype html><html lang=fr><meta name=viewport content=\"width=device-width\"><title>t</title><p>x</p>");
      assertThat(page.evaluate("() => window.innerWidth")).isEqualTo(Browsers.PHONE_WIDTH);
      assertThat((String) page.evaluate("() => navigator.language")).startsWith("fr");
    } finally {
      page.context().close();
    }
  }

  @Test
  void withoutJavaScriptNoScriptRuns() {
    Page page = browsers.phone("en-GB", false);
    try {
      page.setContent("<!doctype html><html lang=en><title>t</title>"
          + "<p id=p>static</p><script>document.getElementById('p').textContent='scripted'</script>");
      assertThat(page.textContent("#p")).isEqualTo("static");
    } finally {
      page.context().close();
    }
  }

  @Test
  void axeFindsNothingOnAnAccessiblePage() {
    Page page = browsers.desktop("en-GB", true);
    try {
      page.setContent("""
          <!doctype html><html lang="en"><head><title>Fine</title></head>
          <body><main><h1>Fine</h1>
          <form><label for="n">Name</label><input id="n" name="n">
          <button type="submit">Send</button></form></main></body></html>""");
      assertThat(Axe.violations(page)).isEmpty();
    } finally {
      page.context().close();
    }
  }

  @Test
  void axeNamesTheRulesAPoorPageBreaks() {
    Page page = browsers.desktop("en-GB", true);
    try {
      page.setContent("""
          <!doctype html><html><head><title>Poor</title></head>
          <body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input name="n">
          <p style="color:#bbb;background:#fff">faint</p></body></html>""");
      assertThat(Axe.violations(page)).extracting(Axe.Violation::id)
          .contains("image-alt", "label", "html-has-lang", "color-contrast");
      assertThatThrownBy(() -> Axe.assertNoViolations(page)).isInstanceOf(AssertionError.class)
          .hasMessageContaining("image-alt");
    } finally {
      page.context().close();
    }
  }
}
