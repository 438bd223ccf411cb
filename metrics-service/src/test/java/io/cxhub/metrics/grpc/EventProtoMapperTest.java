package io.cxhub.metrics.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.metrics.event.Amount;
import io.cxhub.metrics.event.EventType;
import io.cxhub.metrics.event.RecordEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventProtoMapperTest {

  private static java.util.List<RecordEvents.ImportLine> read(String text) {
    return EventProtoMapper.readNdjson(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsOneEventPerLineByJsonOrProtoNamesAndNumbersLinesWithBlanks() {
    var lines = read("""
        {"eventId":"o1","type":"EVENT_TYPE_ORDER_PLACED","occurTime":"2026-03-10T09:00:00.123456789Z",\
        "customer_id":"c1","amount":{"currencyCode":"EUR","units":"12","nanos":340000000}}

        {"event_id":"v1","type":4,"occur_time":"2026-03-10T09:00:00Z"}\r
        """);

    assertThat(lines).extracting(RecordEvents.ImportLine::number).containsExactly(1, 3);
    var order = lines.get(0).event();
    assertThat(lines.get(0).problems()).isEmpty();
    assertThat(order.type()).isEqualTo(EventType.ORDER_PLACED);
    assertThat(order.occurTime()).isEqualTo(Instant.parse("2026-03-10T09:00:00.123456789Z"));
    assertThat(order.customerId()).isEqualTo("c1");
    assertThat(order.amount()).isEqualTo(new Amount("EUR", 12_340_000));
    assertThat(lines.get(1).event().type()).isEqualTo(EventType.VISIT);
  }

  @Test
  void namesTheFieldsOfALineThatCannotBeRead() {
    var line = read("{\"eventId\":\"e\",\"colour\":\"red\",\"contactCount\":\"many\",\"amount\":{\"currencyCode\":\"EUR\",\"nanos\":1}}")
        .get(0);

    assertThat(line.problems()).extracting(FieldViolation::field)
        .containsExactly("colour", "contact_count", "amount.nanos");
  }

  @Test
  void reportsALineThatIsNotAJsonObjectAsAWhole() {
    assertThat(read("[1,2]\nnot json").stream().map(l -> l.problems().get(0).field() + "@" + l.number()))
        .containsExactly("@1", "@2");
    assertThat(read("[1,2]").get(0).event()).isNull();
  }

  @Test
  void givesJsonNamesInAnswers() {
    assertThat(EventProtoMapper.jsonPath("amount.currency_code")).isEqualTo("amount.currencyCode");
    assertThat(EventProtoMapper.jsonPath("events[3].occur_time")).isEqualTo("events[3].occurTime");
    assertThat(EventProtoMapper.jsonPath("")).isEmpty();
  }
}
