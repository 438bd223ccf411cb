package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

  @Test
  void noArgumentStartsTheHubAlone() {
    assertThat(LaunchOptions.parse()).isEqualTo(new LaunchOptions(false, false));
  }

  @Test
  void demoAndHelpAreRecognised() {
    assertThat(LaunchOptions.parse("--demo").demo()).isTrue();
    assertThat(LaunchOptions.parse("--help").help()).isTrue();
    assertThat(LaunchOptions.parse("-h", "--demo")).isEqualTo(new LaunchOptions(true, true));
  }

  @Test
  void anUnknownArgumentIsNamedRatherThanIgnored() {
    assertThatThrownBy(() -> LaunchOptions.parse("--deom")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--deom");
  }

  @Test
  void theUsageNamesTheOptionsAndWhereTheSettingsAre() {
    assertThat(LaunchOptions.USAGE).contains("--demo", "--help", "deploy/local/README.md", "CX_PUBLIC_URL");
  }
}
