package io.cxhub.metrics.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.Violations;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventValidationTest {

  private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");

  private static List<String> fields(BusinessEvent event) {
    var violations = new Violations();
    EventValidation.validate(event, "events[3].", NOW, violations);
    return violations.asList().stream().map(FieldViolation::field).toList();
  }

  @Test
  void acceptsAFullyDescribedEventOfEachType() {
    assertThat(fields(EventFixtures.contact("e1", NOW, io.cxhub.kit.domain.Channel.SUPPORT, "n1"))).isEmpty();
    assertThat(fields(EventFixtures.resolved("e2", NOW, io.cxhub.kit.domain.Channel.SUPPORT, "n1", 2, 300L))).isEmpty();
    assertThat(fields(EventFixtures.firstResponse("e3", NOW, 60, io.cxhub.kit.domain.Channel.EMAIL))).isEmpty();
    assertThat(fields(EventFixtures.visit("e4", NOW, io.cxhub.kit.domain.Channel.IN_APP))).isEmpty();
    assertThat(fields(EventFixtures.step("e5", NOW, true, "checkout", "payment", 2))).isEmpty();
    assertThat(fields(EventFixtures.order("e6", NOW, "c1", "EUR", 12_500_000))).isEmpty();
  }

  @Test
  void namesEveryMissingCommonFieldWithItsIndexPath() {
    var event = BusinessEvent.builder("", null, null).build();

    assertThat(fields(event)).containsExactly("events[3].event_id", "events[3].type", "events[3].occur_time");
  }

  @Test
  void rejectsEventIdsWithSpacesOrTooLong() {
    assertThat(fields(BusinessEvent.builder("a b", EventType.VISIT, NOW).build())).containsExactly("events[3].event_id");
    assertThat(fields(BusinessEvent.builder("x".repeat(129), EventType.VISIT, NOW).build()))
        .containsExactly("events[3].event_id");
  }

  @Test
  void rejectsEventsFromTheFutureBeyondClockSkew() {
    assertThat(fields(EventFixtures.visit("e", NOW.plusSeconds(299), null))).isEmpty();
    assertThat(fields(EventFixtures.visit("e", NOW.plusSeconds(301), null))).containsExactly("events[3].occur_time");
  }

  @Test
  void namesTheFieldsEachTypeNeeds() {
    assertThat(fields(BusinessEvent.builder("e", EventType.CONTACT_OPENED, NOW).build()))
        .containsExactly("events[3].case_id");
    assertThat(fields(BusinessEvent.builder("e", EventType.FIRST_RESPONSE, NOW).caseId("c").build()))
        .containsExactly("events[3].opened_time");
    assertThat(fields(BusinessEvent.builder("e", EventType.FIRST_RESPONSE, NOW).caseId("c")
        .openedTime(NOW.plusSeconds(1)).build())).containsExactly("events[3].opened_time");
    assertThat(fields(BusinessEvent.builder("e", EventType.CASE_RESOLVED, NOW).caseId("c").handlingSeconds(-1L).build()))
        .containsExactly("events[3].contact_count", "events[3].handling_seconds");
    assertThat(fields(BusinessEvent.builder("e", EventType.FUNNEL_STEP_VIEWED, NOW).build()))
        .containsExactly("events[3].funnel_id", "events[3].step", "events[3].step_order");
    assertThat(fields(BusinessEvent.builder("e", EventType.ORDER_PLACED, NOW).build()))
        .containsExactly("events[3].customer_id", "events[3].amount");
  }

  @Test
  void amountsAreExactMillionthsWithAnIsoCurrency() {
    var violations = new Violations();
    assertThat(Amount.of("EUR", 12, 340_000_000, "amount", violations)).isEqualTo(new Amount("EUR", 12_340_000));
    assertThat(Amount.of("eur", 1, 1, "events[0].amount", violations)).isNull();
    assertThat(Amount.of("EUR", -1, 0, "events[1].amount", violations)).isNull();

    assertThat(violations.asList()).extracting(FieldViolation::field)
        .containsExactly("events[0].amount.currency_code", "events[0].amount.nanos", "events[1].amount");
  }
}
