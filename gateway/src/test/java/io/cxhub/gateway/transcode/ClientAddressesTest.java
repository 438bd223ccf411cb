package io.cxhub.gateway.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {

  private static MockServerHttpRequest request() {
    return MockServerHttpRequest.get("/v1/public/surveys/t")
        .remoteAddress(new InetSocketAddress("198.51.100.7", 50_000))
        .header("X-Forwarded-For", "203.0.113.9, 10.0.0.1")
        .build();
  }

  @Test
  void usesTheSocketAddressAndIgnoresAForgeableHeaderByDefault() {
    assertThat(new ClientAddresses(false).of(request())).contains("198.51.100.7");
  }

  @Test
  void usesTheFirstForwardedForEntryBehindATrustedProxy() {
    assertThat(new ClientAddresses(true).of(request())).contains("203.0.113.9");
  }

  @Test
  void fallsBackToTheSocketWhenTheHeaderIsMissing() {
    var request = MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress("198.51.100.8", 1)).build();
    assertThat(new ClientAddresses(true).of(request)).contains("198.51.100.8");
  }
}
