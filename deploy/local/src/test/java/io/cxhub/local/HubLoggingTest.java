package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HubLoggingTest {

  @Test
  void quietensTheDriverChatterOfTheOneJarRun() {
    HubLogging.initialize();

    assertThat(LoggerFactory.getLogger("org.mongodb.driver.client").isInfoEnabled()).isFalse();
    assertThat(LoggerFactory.getLogger("de.bwaldvogel.mongo.wire.MongoWireProtocolHandler").isInfoEnabled()).isFalse();
    assertThat(LoggerFactory.getLogger("io.cxhub.survey").isInfoEnabled()).isTrue();
  }
}
