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

  private final TargetGuard.Resolver resolver = host -> {
    var found = dns.get(host);
    if (found != null) {
      return found;
    }
    return List.of(InetAddress.getByName(host)); // literals only in this test
  };
  private final TargetGuard guard = new TargetGuard(TargetGuard.Policy.PUBLIC_ONLY, resolver);
  /** The one-jar run's setting. */
  private final TargetGuard loopbackAllowed = new TargetGuard(new TargetGuard.Policy(true, false), resolver);
  private final TargetGuard privateAllowed = new TargetGuard(new TargetGuard.Policy(false, true), resolver);

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

  @ParameterizedTest
  @ValueSource(strings = {
      "http://169.254.169.254/latest/meta-data", "http://169.254.0.1/", "http://0.0.0.0/", "http://0.1.2.3/",
      "http://[::]/", "http://[fe80::1]/", "http://[febf::1]/", "http://[fec0::1]/", "http://[fd00:ec2::254]/",
      "http://[fc00::1]/", "http://[ff02::1]/", "http://224.0.0.1/", "http://239.255.255.250/", "http://240.0.0.1/",
      "http://255.255.255.255/", "http://100.100.100.200/", "http://168.63.129.16/", "http://192.0.0.192/",
      "http://[::ffff:169.254.169.254]/", "http://[::ffff:a9fe:a9fe]/", "http://[::169.254.169.254]/",
      "http://[64:ff9b::a9fe:a9fe]/", "http://[64:ff9b:1::1]/", "http://[2002:a9fe:a9fe::1]/",
      "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[2001:db8::1]/", "http://[::ffff:0.0.0.0]/",
      "https://metadata.example.com/"})
  void refusesLinkLocalUnspecifiedUniqueLocalMulticastAndMetadataWhateverTheSettings(String url) {
    assertThat(guard.refusal(url)).isPresent();
    assertThat(loopbackAllowed.refusal(url)).isPresent();
    assertThat(privateAllowed.refusal(url)).isPresent();
    assertThat(new TargetGuard(new TargetGuard.Policy(true, true), resolver).refusal(url)).isPresent();
  }

  @Test
  void theOneJarSettingAllowsLoopbackOnly() {
    for (String url : List.of("http://127.0.0.1:8080/x", "http://[::1]/x", "http://[::ffff:127.0.0.1]/x",
        "http://127.1.2.3/")) {
      assertThat(loopbackAllowed.refusal(url)).as(url).isEmpty();
      assertThat(guard.refusal(url)).as(url).isPresent();
    }
    for (String url : List.of("http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.5.4/", "http://100.64.0.1/",
        "http://[::ffff:10.0.0.1]/", "https://sneaky.example.com/hook")) {
      assertThat(loopbackAllowed.refusal(url)).as(url).isPresent();
      assertThat(privateAllowed.refusal(url)).as(url).isEmpty();
    }
    assertThat(privateAllowed.refusal("http://127.0.0.1/")).isPresent();
  }

  @Test
  void judgesEveryFormOfAnAddress() {
    assertThat(TargetGuard.classify(ip("8.8.8.8"))).isEqualTo(TargetGuard.AddressClass.PUBLIC);
    assertThat(TargetGuard.classify(ip("2606:4700:4700::1111"))).isEqualTo(TargetGuard.AddressClass.PUBLIC);
    assertThat(TargetGuard.classify(ip("64:ff9b::808:808"))).isEqualTo(TargetGuard.AddressClass.PUBLIC);
    assertThat(TargetGuard.classify(ip("64:ff9b::7f00:1"))).isEqualTo(TargetGuard.AddressClass.LOOPBACK);
    assertThat(TargetGuard.classify(ip("2002:0a00:0001::1"))).isEqualTo(TargetGuard.AddressClass.PRIVATE);
    assertThat(TargetGuard.classify(ip("::1"))).isEqualTo(TargetGuard.AddressClass.LOOPBACK);
    assertThat(TargetGuard.classify(ip("172.32.0.1"))).isEqualTo(TargetGuard.AddressClass.PUBLIC);
    assertThat(TargetGuard.classify(ip("172.31.255.255"))).isEqualTo(TargetGuard.AddressClass.PRIVATE);
  }
}
