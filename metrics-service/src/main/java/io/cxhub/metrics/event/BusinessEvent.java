package io.cxhub.metrics.event;

import io.cxhub.kit.domain.Channel;
import io.cxhub.metrics.ingest.Profile;
import io.cxhub.metrics.rollup.LedgerItem;
import java.time.Instant;

/**
 * An operational or business event as received (see cx.metrics.v1.Event). Fields a type does
 * not use may be set and are ignored; absent values are null (texts: empty). Only events that
 * passed {@link EventValidation} are recorded.
 *
 * @param eventId the sender's id, unique per tenant: it makes the event count once
 * @param handlingSeconds CASE_RESOLVED: handling time; null when not reported
 * @param openedTime FIRST_RESPONSE: when the case was opened
 * @param contactCount CASE_RESOLVED: contacts made about the case
 * @param stepOrder FUNNEL_STEP_*: position of the step, from 1
 * @param profile the customer's segment, persona and value tier as resolved when the event
 *     was first recorded ({@link RecordEvents}): {@link Profile#NONE} without a customer id,
 *     {@link Profile#UNASSIGNED} when it could not be resolved. Stored with the event in the
 *     ledger, so every retry, completion and recount counts it in the same cells
 */
public record BusinessEvent(
    String eventId,
    EventType type,
    Instant occurTime,
    Channel channel,
    String team,
    String stageId,
    String touchpointId,
    String caseId,
    Instant openedTime,
    int contactCount,
    Long handlingSeconds,
    String customerId,
    String funnelId,
    String step,
    int stepOrder,
    Amount amount,
    Profile profile) implements LedgerItem {

  public BusinessEvent {
    channel = channel == null ? Channel.UNSPECIFIED : channel;
    team = text(team);
    stageId = text(stageId);
    touchpointId = text(touchpointId);
    caseId = text(caseId);
    customerId = text(customerId);
    funnelId = text(funnelId);
    step = text(step);
    profile = profile == null ? Profile.NONE : profile;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  @Override
  public String itemId() {
    return eventId;
  }

  /** The same event with its customer's profile. */
  public BusinessEvent withProfile(Profile resolved) {
    return new BusinessEvent(eventId, type, occurTime, channel, team, stageId, touchpointId, caseId, openedTime,
        contactCount, handlingSeconds, customerId, funnelId, step, stepOrder, amount, resolved);
  }

  /** A builder, for adapters and tests; every field starts absent. */
  public static Builder builder(String eventId, EventType type, Instant occurTime) {
    return new Builder(eventId, type, occurTime);
  }

  /** Collects the optional fields of an event. */
  public static final class Builder {
    private final String eventId;
    private final EventType type;
    private final Instant occurTime;
    private Channel channel = Channel.UNSPECIFIED;
    private String team = "";
    private String stageId = "";
    private String touchpointId = "";
    private String caseId = "";
    private Instant openedTime;
    private int contactCount;
    private Long handlingSeconds;
    private String customerId = "";
    private String funnelId = "";
    private String step = "";
    private int stepOrder;
    private Amount amount;
    private Profile profile = Profile.NONE;

    private Builder(String eventId, EventType type, Instant occurTime) {
      this.eventId = eventId;
      this.type = type;
      this.occurTime = occurTime;
    }

    public Builder channel(Channel value) { channel = value; return this; }
    public Builder team(String value) { team = value; return this; }
    public Builder stageId(String value) { stageId = value; return this; }
    public Builder touchpointId(String value) { touchpointId = value; return this; }
    public Builder caseId(String value) { caseId = value; return this; }
    public Builder openedTime(Instant value) { openedTime = value; return this; }
    public Builder contactCount(int value) { contactCount = value; return this; }
    public Builder handlingSeconds(Long value) { handlingSeconds = value; return this; }
    public Builder customerId(String value) { customerId = value; return this; }
    public Builder funnelId(String value) { funnelId = value; return this; }
    public Builder step(String value) { step = value; return this; }
    public Builder stepOrder(int value) { stepOrder = value; return this; }
    public Builder amount(Amount value) { amount = value; return this; }
    public Builder profile(Profile value) { profile = value; return this; }

    public BusinessEvent build() {
      return new BusinessEvent(eventId, type, occurTime, channel, team, stageId, touchpointId, caseId, openedTime,
          contactCount, handlingSeconds, customerId, funnelId, step, stepOrder, amount, profile);
    }
  }
}
