package io.cxhub.metrics.event.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.domain.Channel;
import io.cxhub.metrics.event.Amount;
import io.cxhub.metrics.event.BusinessEvent;
import io.cxhub.metrics.event.EventType;
import io.cxhub.metrics.ingest.Profile;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class BusinessEventCodecTest {

  private final BusinessEventCodec codec = new BusinessEventCodec();

  /** Through BSON and back, as the ledger stores it. */
  private BusinessEvent roundTrip(BusinessEvent event) {
    return codec.decode(Document.parse(codec.encode(event).toJson()));
  }

  @Test
  void keepsEveryFieldAndInstantsToTheNanosecond() {
    var event = BusinessEvent.builder("e1", EventType.FIRST_RESPONSE, Instant.parse("2026-03-10T09:00:00.123456789Z"))
        .channel(Channel.SUPPORT).team("n1").stageId("after-sales").touchpointId("hotline").caseId("k1")
        .openedTime(Instant.parse("2026-03-10T08:59:59.999999999Z")).contactCount(2).handlingSeconds(0L)
        .customerId("c1").funnelId("f").step("s").stepOrder(3).amount(new Amount("EUR", 1_500_000))
        .profile(Profile.of("smb", "p-busy", "at_risk")).build();

    assertThat(roundTrip(event)).isEqualTo(event);
  }

  @Test
  void leavesAbsentFieldsAbsent() {
    var event = BusinessEvent.builder("v1", EventType.VISIT, Instant.parse("2026-03-10T09:00:00Z")).build();

    assertThat(codec.encode(event).keySet()).containsExactly("eventId", "type", "occurTime");
    assertThat(roundTrip(event)).isEqualTo(event);
  }

  @Test
  void anEventRecordedBeforeProfilesWereKeptHasNone() {
    var stored = new Document("eventId", "o1").append("type", "ORDER_PLACED")
        .append("occurTime", "2026-03-10T09:00:00Z").append("customerId", "c1")
        .append("currency", "EUR").append("amountMicros", 1_000_000L);

    // counted in the cells without segment, persona and tier, as it was: a recount agrees
    assertThat(codec.decode(stored).profile()).isEqualTo(Profile.NONE);
  }
}
