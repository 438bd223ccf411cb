package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.local.demo.DemoOutbox;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalConfigTest {

  @Test
  void defaultsAreTheQuickStartPorts() {
    var config = LocalConfig.fromEnvironment(Map.of());

    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.mongoPort()).isZero();
    assertThat(config.gatewayAddress()).isEqualTo("127.0.0.1");
    assertThat(config.gatewayPort()).isEqualTo(8080);
    assertThat(config.gatewayManagementPort()).isEqualTo(8090);
    assertThat(config.ports(HubService.SURVEY)).isEqualTo(new LocalConfig.ServicePorts(9091, 8081));
    assertThat(config.ports(HubService.METRICS)).isEqualTo(new LocalConfig.ServicePorts(9092, 8082));
    assertThat(config.ports(HubService.PERSONA)).isEqualTo(new LocalConfig.ServicePorts(9093, 8083));
    assertThat(config.ports(HubService.JOURNEY)).isEqualTo(new LocalConfig.ServicePorts(9094, 8084));
    assertThat(config.bootstrapApiKey()).isEmpty();
    assertThat(config.startThreads()).isEqualTo(2);
  }

  @Test
  void environmentOverridesEachSetting() {
    var config = LocalConfig.fromEnvironment(Map.of(
        "CX_DATA_DIR", "/var/lib/cx",
        "CX_MONGO_PORT", "27018",
        "GATEWAY_ADDRESS", "0.0.0.0",
        "GATEWAY_PORT", "0",
        "GATEWAY_MANAGEMENT_PORT", "18090",
        "SURVEY_GRPC_PORT", "19091",
        "JOURNEY_HTTP_PORT", "18084",
        "CX_BOOTSTRAP_API_KEY", "s3cret",
        "CX_START_THREADS", "1"));

    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/cx"));
    assertThat(config.mongoPort()).isEqualTo(27018);
    assertThat(config.gatewayAddress()).isEqualTo("0.0.0.0");
    assertThat(config.gatewayPort()).isZero();
    assertThat(config.gatewayManagementPort()).isEqualTo(18090);
    assertThat(config.ports(HubService.SURVEY)).isEqualTo(new LocalConfig.ServicePorts(19091, 8081));
    assertThat(config.ports(HubService.JOURNEY)).isEqualTo(new LocalConfig.ServicePorts(9094, 18084));
    assertThat(config.bootstrapApiKey()).contains("s3cret");
    assertThat(config.startThreads()).isEqualTo(1);
  }

  @Test
  void rejectsAPortThatIsNotOneNamingTheVariable() {
    assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("METRICS_GRPC_PORT", "70000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("METRICS_GRPC_PORT")
        .hasMessageContaining("70000");
    assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("GATEWAY_PORT", "http")))
        .hasMessageContaining("GATEWAY_PORT");
  }

  @Test
  void blankKeyMeansNoKey() {
    assertThat(LocalConfig.fromEnvironment(Map.of("CX_BOOTSTRAP_API_KEY", " ")).bootstrapApiKey()).isEmpty();
  }

  @Test
  void neverPrintsTheKey() {
    var config = LocalConfig.onFreePorts(Path.of("d")).withBootstrapApiKey("s3cret-value");

    assertThat(config.toString()).doesNotContain("s3cret-value").contains("<set>");
  }

  @Test
  void aDemoOutboxOnlyForTheChannelsTheUserConfiguredNothingFor() {
    var plain = LocalConfig.fromEnvironment(Map.of());
    assertThat(plain.demoOutbox()).as("never outside --demo").isEmpty();
    assertThat(plain.withDemoOutbox(Map.of()).demoOutbox())
        .containsExactlyInAnyOrder(DemoOutbox.Channel.MAIL, DemoOutbox.Channel.SMS);
    assertThat(plain.withDemoOutbox(Map.of("CX_SMTP_HOST", "smtp.example.test")).demoOutbox())
        .containsExactly(DemoOutbox.Channel.SMS);
    assertThat(plain.withDemoOutbox(Map.of("CX_SMS_URL", "https://sms.example.test/send", "CX_SMTP_HOST", " ")).demoOutbox())
        .containsExactly(DemoOutbox.Channel.MAIL);
  }
}
