package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.apikey.BootstrapApiKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminKeyTest {

  @Test
  void aKeyGeneratedOnThisStartIsShown() {
    var key = AdminKey.of(new BootstrapApiKey(Optional.of("cxk_new"), false), Optional.empty());

    assertThat(key).isEqualTo(new AdminKey.GeneratedNow("cxk_new"));
    assertThat(key.secret()).contains("cxk_new");
  }

  @Test
  void aConfiguredKeyIsKnownButNotShown() {
    var key = AdminKey.of(new BootstrapApiKey(Optional.empty(), true), Optional.of("s3cret"));

    assertThat(key).isInstanceOf(AdminKey.Configured.class);
    assertThat(key.secret()).contains("s3cret");
    assertThat(key.toString()).doesNotContain("s3cret");
  }

  @Test
  void withoutEitherTheKeyWasShownOnAnEarlierStart() {
    var key = AdminKey.of(new BootstrapApiKey(Optional.empty(), false), Optional.empty());

    assertThat(key).isInstanceOf(AdminKey.Existing.class);
    assertThat(key.secret()).isEmpty();
  }
}
