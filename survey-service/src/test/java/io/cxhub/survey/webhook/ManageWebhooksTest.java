package io.cxhub.survey.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.testing.MutableClock;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManageWebhooksTest {

  private final InMemoryWebhooks store = new InMemoryWebhooks();
  private final ManageWebhooks webhooks = new ManageWebhooks(store.subscriptions, store.deliveries,
      new TargetGuard(TargetGuard.Policy.PUBLIC_ONLY, host -> List.of(InetAddress.getByName("93.184.216.34"))), () -> {},
      new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));

  @Test
  void generatesAStrongSecretWhenNoneIsGiven() {
    var created = webhooks.create("t1", "https://hooks.example.com/cx", List.of("case.opened", "alert.fired"), null);
    assertThat(created.secret()).startsWith("whsec_").hasSize(6 + 52);
    assertThat(created.eventTypes()).containsExactlyInAnyOrder(EventType.CASE_OPENED, EventType.ALERT_FIRED);
  }

  @Test
  void namesEveryBadField() {
    assertThatThrownBy(() -> webhooks.create("t1", "ftp://x", List.of("nope"), "short"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field()).containsExactlyInAnyOrder("url", "event_types", "secret"));
  }

  @Test
  void limitsSubscriptionsPerTenant() {
    for (int i = 0; i < ManageWebhooks.MAX_SUBSCRIPTIONS; i++) {
      webhooks.create("t1", "https://hooks.example.com/" + i, List.of("case.opened"), null);
    }
    assertThatThrownBy(() -> webhooks.create("t1", "https://hooks.example.com/x", List.of("case.opened"), null))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(webhooks.create("t2", "https://hooks.example.com/x", List.of("case.opened"), null)).isNotNull();
  }
}
