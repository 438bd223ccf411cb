package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;

class ContextStarterTest {

  @Test
  void leavesLoggingToTheLauncher() {
    var application = ContextStarter.application(GatewayApplication::builder);

    assertThat(application.getListeners())
        .extracting(listener -> listener.getClass().getName())
        .doesNotContain(ContextStarter.LOGGING_RESETTER)
        .contains("org.springframework.boot.context.logging.LoggingApplicationListener");
  }
}
