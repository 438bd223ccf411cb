package io.cxhub.survey.webhook.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cxhub.survey.webhook.TargetGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender connects only to addresses the guard checked in the same lookup: names exist
 * only in the test's resolver (so a delivery that arrives proves the client used it), and a
 * name that changes its answer after the subscription was accepted is refused at connect time.
 */
class HttpWebhookSenderTest {

  private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();
  private final TargetGuard.Resolver resolver = host -> {
    var found = dns.get(host);
    if (found != null) {
      return found;
    }
    if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':')) {
      return List.of(InetAddress.getByName(host));
    }
    throw new UnknownHostException(host);
  };
  private WireMockServer receiver;

  @BeforeEach
  void start() {
    receiver = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    receiver.start();
    receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
  }

  @AfterEach
  void stop() {
    receiver.stop();
  }

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  private HttpWebhookSender sender(TargetGuard.Policy policy) {
    return new HttpWebhookSender(new TargetGuard(policy, resolver), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Clock.systemUTC());
  }

  private String url(String host) {
    return "http://" + host + ":" + receiver.port() + "/hook";
  }

  @Test
  void connectsToTheAddressTheGuardResolved() throws Exception {
    dns.put("hooks.cx-test.invalid", List.of(ip("127.0.0.1")));
    try (var sender = sender(new TargetGuard.Policy(true, false))) {
      var attempt = sender.post(url("hooks.cx-test.invalid"), Map.of("CX-Event-Type", "case.opened"), "{}");
      assertThat(attempt.error()).isNull();
      assertThat(attempt.statusCode()).isEqualTo(204);
    }
    assertThat(receiver.getAllServeEvents()).hasSize(1);
    assertThat(receiver.getAllServeEvents().get(0).getRequest().getHeader("Host"))
        .startsWith("hooks.cx-test.invalid");
  }

  @Test
  void aNameThatRebindsToARefusedAddressIsRefusedAtConnectTime() throws Exception {
    var guard = new TargetGuard(TargetGuard.Policy.PUBLIC_ONLY, resolver);
    dns.put("rebind.cx-test.invalid", List.of(ip("93.184.216.34")));
    assertThat(guard.refusal(url("rebind.cx-test.invalid"))).as("accepted at registration").isEmpty();

    dns.put("rebind.cx-test.invalid", List.of(ip("127.0.0.1")));
    try (var sender = sender(TargetGuard.Policy.PUBLIC_ONLY)) {
      var attempt = sender.post(url("rebind.cx-test.invalid"), Map.of(), "{}");
      assertThat(attempt.statusCode()).isZero();
      assertThat(attempt.error()).startsWith("target refused").contains("127.0.0.1");
    }
    assertThat(receiver.getAllServeEvents()).as("nothing reached the loopback receiver").isEmpty();
  }

  @Test
  void theOneJarSettingStillRefusesMetadataAndMappedForms() throws Exception {
    try (var sender = sender(new TargetGuard.Policy(true, false))) {
      for (String address : List.of("169.254.169.254", "0.0.0.0", "::ffff:169.254.169.254", "fe80::1", "fd00:ec2::254")) {
        dns.put("meta.cx-test.invalid", List.of(ip(address)));
        var attempt = sender.post(url("meta.cx-test.invalid"), Map.of(), "{}");
        assertThat(attempt.error()).as(address).startsWith("target refused");
      }
      dns.put("mixed.cx-test.invalid", List.of(ip("127.0.0.1"), ip("169.254.169.254")));
      assertThat(sender.post(url("mixed.cx-test.invalid"), Map.of(), "{}").error()).startsWith("target refused");
    }
    assertThat(receiver.getAllServeEvents()).isEmpty();
  }
}
