package io.cxhub.metrics.event.mongo;

import io.cxhub.kit.domain.Channel;
import io.cxhub.metrics.event.Amount;
import io.cxhub.metrics.event.BusinessEvent;
import io.cxhub.metrics.event.EventType;
import io.cxhub.metrics.ingest.Profile;
import io.cxhub.metrics.rollup.mongo.LedgerCodec;
import java.time.Instant;
import org.bson.Document;

/**
 * A business event in its ledger document ({@code events} collection, see MongoLedger):
 *
 * <pre>
 * item: { eventId, type, occurTime: "2026-03-14T10:00:00.123456789Z", channel, team, stageId, touchpointId,
 *   caseId, openedTime, contactCount, handlingSeconds, customerId, funnelId, step, stepOrder,
 *   currency, amountMicros, segment, persona, valueTier }
 * </pre>
 *
 * <p>{@code segment}, {@code persona} and {@code valueTier} are the customer's profile resolved
 * when the event was first recorded; an event recorded before they were kept has none (empty:
 * counted like an event without a customer, as it was).
 *
 * <p>Instants are stored as ISO-8601 text, to the nanosecond: a recount must rebuild exactly
 * the event that was counted (a BSON date keeps milliseconds only, which could move a
 * response time across a second). Empty and absent fields are left out.
 */
public final class BusinessEventCodec implements LedgerCodec<BusinessEvent> {

  @Override
  public Document encode(BusinessEvent e) {
    var doc = new Document("eventId", e.eventId()).append("type", e.type().name())
        .append("occurTime", e.occurTime().toString());
    put(doc, "channel", e.channel() == Channel.UNSPECIFIED ? "" : e.channel().name());
    put(doc, "team", e.team());
    put(doc, "stageId", e.stageId());
    put(doc, "touchpointId", e.touchpointId());
    put(doc, "caseId", e.caseId());
    if (e.openedTime() != null) {
      doc.append("openedTime", e.openedTime().toString());
    }
    if (e.contactCount() != 0) {
      doc.append("contactCount", e.contactCount());
    }
    if (e.handlingSeconds() != null) {
      doc.append("handlingSeconds", e.handlingSeconds());
    }
    put(doc, "customerId", e.customerId());
    put(doc, "funnelId", e.funnelId());
    put(doc, "step", e.step());
    if (e.stepOrder() != 0) {
      doc.append("stepOrder", e.stepOrder());
    }
    if (e.amount() != null) {
      doc.append("currency", e.amount().currency()).append("amountMicros", e.amount().micros());
    }
    put(doc, "segment", e.profile().segment());
    put(doc, "persona", e.profile().persona());
    put(doc, "valueTier", e.profile().valueTier());
    return doc;
  }

  @Override
  public BusinessEvent decode(Document d) {
    String opened = d.getString("openedTime");
    Number handling = d.get("handlingSeconds", Number.class);
    Number micros = d.get("amountMicros", Number.class);
    return BusinessEvent.builder(d.getString("eventId"), EventType.fromName(d.getString("type")),
            Instant.parse(d.getString("occurTime")))
        .channel(Channel.fromName(d.getString("channel")))
        .team(d.getString("team"))
        .stageId(d.getString("stageId"))
        .touchpointId(d.getString("touchpointId"))
        .caseId(d.getString("caseId"))
        .openedTime(opened == null ? null : Instant.parse(opened))
        .contactCount(d.get("contactCount", 0))
        .handlingSeconds(handling == null ? null : handling.longValue())
        .customerId(d.getString("customerId"))
        .funnelId(d.getString("funnelId"))
        .step(d.getString("step"))
        .stepOrder(d.get("stepOrder", 0))
        .amount(micros == null ? null : new Amount(d.getString("currency"), micros.longValue()))
        .profile(new Profile(d.getString("segment"), d.getString("persona"), d.getString("valueTier")))
        .build();
  }

  private static void put(Document doc, String field, String value) {
    if (value != null && !value.isEmpty()) {
      doc.append(field, value);
    }
  }
}
