package io.cxhub.metrics.customerfeed;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.domain.Channel;
import io.cxhub.metrics.event.Amount;
import io.cxhub.metrics.event.BusinessEvent;
import io.cxhub.metrics.event.EventType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerEventRelayTest {

  static final Instant AT = Instant.parse("2025-03-14T08:30:00Z"); // a Friday, 09:30 in Paris

  /** The outbox as stored: one entry per key, pending until confirmed. */
  static final class InMemoryOutbox implements CustomerFeedOutbox {
    final Map<String, FeedEntry> entries = new LinkedHashMap<>();
    final Set<String> confirmed = new HashSet<>();

    @Override public void addIfAbsent(List<FeedEntry> list) {
      list.forEach(e -> entries.putIfAbsent(e.tenantId() + ":" + e.eventId(), e));
    }

    @Override public List<FeedEntry> pending(int limit) {
      return entries.entrySet().stream().filter(e -> !confirmed.contains(e.getKey())).limit(limit)
          .map(Map.Entry::getValue).toList();
    }

    @Override public void confirm(List<FeedEntry> list) {
      list.forEach(e -> confirmed.add(e.tenantId() + ":" + e.eventId()));
    }
  }

  /** persona-service: applies each event id once; can fail before or after applying. */
  static final class Persona implements CustomerEventSink {
    final Set<String> applied = new HashSet<>();
    final List<FeedEntry> orders = new ArrayList<>();
    boolean down;
    boolean answerLost;
    /** A loaded persona-service: calls with more entries than this miss their deadline. */
    int largestInTime = Integer.MAX_VALUE;

    @Override public void deliver(String tenantId, List<FeedEntry> entries) {
      if (down) {
        throw new IllegalStateException("UNAVAILABLE");
      }
      if (entries.size() > largestInTime) {
        throw new IllegalStateException("DEADLINE_EXCEEDED");
      }
      entries.stream().filter(e -> applied.add(tenantId + ":" + e.eventId())).forEach(orders::add);
      if (answerLost) {
        answerLost = false;
        throw new IllegalStateException("DEADLINE_EXCEEDED after applying");
      }
    }
  }

  final InMemoryOutbox outbox = new InMemoryOutbox();
  final Persona persona = new Persona();
  final CustomerEventRelay relay = new CustomerEventRelay(outbox, persona, tenant -> ZoneId.of("Europe/Paris"));

  static BusinessEvent order(String id, String customer) {
    return BusinessEvent.builder(id, EventType.ORDER_PLACED, AT).customerId(customer)
        .amount(new Amount("EUR", 12_500_000)).build();
  }

  @Test
  void batchesTooLargeForTheDeadlineShrinkUntilTheyPassThenGrowBack() {
    var orders = new ArrayList<BusinessEvent>();
    for (int i = 0; i < 600; i++) {
      orders.add(order("o" + i, "c" + (i % 40)));
    }
    relay.offer("t", orders);
    persona.largestInTime = 100;
    int runs = 0;
    while (persona.orders.size() < 600 && runs++ < 30) {
      relay.relay();
    }
    assertThat(persona.orders).hasSize(600);
    assertThat(outbox.pending(1000)).isEmpty();
    assertThat(relay.batchSize()).isLessThan(CustomerEventRelay.BATCH);

    // persona-service keeps up again: the batches grow back to full size
    persona.largestInTime = Integer.MAX_VALUE;
    var more = new ArrayList<BusinessEvent>();
    for (int i = 0; i < 2000; i++) {
      more.add(order("n" + i, "c1"));
    }
    relay.offer("t", more);
    relay.relay();
    assertThat(outbox.pending(1000)).isEmpty();
    assertThat(relay.batchSize()).isEqualTo(CustomerEventRelay.BATCH);
  }

  @Test
  void onlyOrdersAndContactsOfKnownCustomersEnterWithTheTenantsLocalWeekdayAndHour() {
    relay.offer("t", List.of(order("o1", "c1"),
        BusinessEvent.builder("k1", EventType.CONTACT_OPENED, AT).caseId("case").customerId("c1")
            .channel(Channel.SUPPORT).build(),
        BusinessEvent.builder("k2", EventType.CONTACT_OPENED, AT).caseId("case").build(),
        BusinessEvent.builder("v1", EventType.VISIT, AT).customerId("c1").build()));

    assertThat(outbox.entries.values()).extracting(FeedEntry::eventId).containsExactly("o1", "k1");
    var contact = outbox.entries.get("t:k1");
    assertThat(contact.weekday()).isEqualTo(5);
    assertThat(contact.hour()).isEqualTo(9);
    assertThat(outbox.entries.get("t:o1").amount()).isEqualTo(12.5);
  }

  @Test
  void anOrderReplayedAfterACrashIsCountedOnce() {
    relay.offer("t", List.of(order("o1", "c1")));
    persona.answerLost = true; // persona-service applied it, the relay never heard back

    assertThat(relay.relay()).isZero();
    relay.offer("t", List.of(order("o1", "c1"))); // the sender retries the event, too
    assertThat(relay.relay()).isEqualTo(1);
    assertThat(relay.relay()).isZero();

    assertThat(persona.orders).extracting(FeedEntry::eventId).containsExactly("o1");
    assertThat(outbox.pending(10)).isEmpty();
  }

  @Test
  void whilePersonaServiceIsDownEventsWaitAndArriveWhenItIsBack() {
    persona.down = true;
    relay.offer("t", List.of(order("o1", "c1"), order("o2", "c2")));
    relay.offer("u", List.of(order("o1", "c9")));

    assertThat(relay.relay()).isZero();
    assertThat(outbox.pending(10)).hasSize(3);

    persona.down = false;
    assertThat(relay.relay()).isEqualTo(3);
    assertThat(persona.applied).containsExactlyInAnyOrder("t:o1", "t:o2", "u:o1");
  }
}
