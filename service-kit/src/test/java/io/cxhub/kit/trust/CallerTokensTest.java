package io.cxhub.kit.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Signing costs a millisecond of CPU: tokens are reused and verifications remembered, never past their life. */
class CallerTokensTest {

  private static final String SURVEYS = "cx.survey.v1.SurveyService";

  private final MutableClock clock = new MutableClock(Instant.now());
  private final CallerTokens tokens = new CallerTokens(TrustKeys.ephemeral("gateway"), clock, Duration.ofSeconds(90));

  private String bearer(String tenant) {
    return tokens.bearer(CallerToken.builder().audience(SURVEYS).tenant(tenant).role("VIEWER"));
  }

  @Test
  void reusesATokenForTheSameClaimsForAThirdOfItsLife() {
    String first = bearer("acme");
    assertThat(bearer("acme")).isEqualTo(first);
    assertThat(bearer("other")).isNotEqualTo(first);
    assertThat(tokens.bearer(CallerToken.builder().audience("cx.metrics.v1.MetricsService").tenant("acme")
        .role("VIEWER"))).isNotEqualTo(first);

    clock.advance(Duration.ofSeconds(31));
    assertThat(bearer("acme")).isNotEqualTo(first);
  }

  @Test
  void aTokenWithARequestIdIsSignedForItsCallAlone() {
    var a = tokens.bearer(CallerToken.builder().audience(SURVEYS).tenant("acme").requestId("r1"));
    var b = tokens.bearer(CallerToken.builder().audience(SURVEYS).tenant("acme").requestId("r1"));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void aRememberedVerificationStillExpires() throws Exception {
    String token = bearer("acme").substring("Bearer ".length());
    assertThat(tokens.verify(token, SURVEYS).tenant()).contains("acme");
    assertThat(tokens.verify(token, SURVEYS).tenant()).contains("acme");
    assertThatThrownBy(() -> tokens.verify(token, "cx.metrics.v1.MetricsService"))
        .isInstanceOf(InvalidCallerTokenException.class);

    clock.advance(Duration.ofSeconds(90).plus(CallerTokens.LEEWAY).plusSeconds(1));
    assertThatThrownBy(() -> tokens.verify(token, SURVEYS))
        .isInstanceOf(InvalidCallerTokenException.class).hasMessageContaining("expired");
  }
}
