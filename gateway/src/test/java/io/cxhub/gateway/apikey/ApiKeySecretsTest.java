package io.cxhub.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ApiKeySecretsTest {

  private final ApiKeySecrets secrets = new ApiKeySecrets(new SecureRandom());

  @Test
  void makesPrefixedBase64UrlSecretsOf256Bits() {
    String secret = secrets.newSecret();

    assertThat(secret).startsWith("cxk_").hasSize(4 + 43).matches("cxk_[A-Za-z0-9_-]{43}");
    assertThat(secrets.newSecret()).isNotEqualTo(secret);
  }

  @Test
  void hashesWithSha256Hex() {
    assertThat(ApiKeySecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ApiKeySecrets.hash("abc")).isEqualTo(ApiKeySecrets.hash("abc")).isNotEqualTo(ApiKeySecrets.hash("abd"));
  }

  @Test
  void showsOnlyTheFirstCharactersOfASecret() {
    String secret = secrets.newSecret();

    assertThat(ApiKeySecrets.visiblePrefix(secret)).hasSize(12).isEqualTo(secret.substring(0, 12));
  }

  @Test
  void makesHexKeyIds() {
    assertThat(secrets.newKeyId()).matches("[0-9a-f]{16}");
  }
}
