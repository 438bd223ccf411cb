package io.cxhub.survey.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private final Map<String, List<InetAddress>> dns = Map.of(
      "hooks.example.com", List.of(ip("93.184.216.34")),
      "sneaky.example.com", List.of(ip("93.184.216.34"), ip("10.1.2.3")),
      "metadata.example.com", List.of(ip("169.254.169.254")));

  private final TargetGuard guard = new TargetGuard(false, host -> {
    var found = dns.get(host);
    if (found != null) {
      return found;
    }
    return List.of(InetAddress.getByName(host)); // literals only in this test
  });

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1/x", "http://localhost:8080/x", "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/",
      "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/", "http://[::1]/", "http://[fd00::1]/",
      "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/",
      "https://sneaky.example.com/hook", "https://metadata.example.com/"})
  void refusesPrivateTargets(String url) {
    assertThat(guard.refusal(url)).isPresent();
  }

  @Test
  void acceptsPublicTargets() {
    assertThat(guard.refusal("https://hooks.example.com/cx")).isEmpty();
    assertThat(guard.refusal("https://93.184.216.34/cx")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://hooks.example.com/", "not a url", "https:///nohost", "https://user:pw@hooks.example.com/"})
  void refusesMalformedTargets(String url) {
    assertThat(guard.refusal(url)).isPresent();
  }

  @Test
  void configurationMayAllowPrivateTargets() {
    assertThat(new TargetGuard(true, host -> List.of(ip("127.0.0.1"))).refusal("http://localhost:8080/x")).isEmpty();
  }
}
