package io.cxhub.metrics.event;

import io.cxhub.kit.domain.Channel;
import java.time.Instant;

/** Events for tests, valid unless a test changes them. */
public final class EventFixtures {

  private EventFixtures() {}

  public static BusinessEvent contact(String id, Instant at, Channel channel, String team) {
    return BusinessEvent.builder(id, EventType.CONTACT_OPENED, at).caseId("case-" + id).channel(channel).team(team)
        .build();
  }

  public static BusinessEvent resolved(String id, Instant at, Channel channel, String team, int contacts,
      Long handlingSeconds) {
    return BusinessEvent.builder(id, EventType.CASE_RESOLVED, at).caseId("case-" + id).channel(channel).team(team)
        .contactCount(contacts).handlingSeconds(handlingSeconds).build();
  }

  public static BusinessEvent firstResponse(String id, Instant at, long secondsAfterOpening, Channel channel) {
    return BusinessEvent.builder(id, EventType.FIRST_RESPONSE, at).caseId("case-" + id).channel(channel)
        .openedTime(at.minusSeconds(secondsAfterOpening)).build();
  }

  public static BusinessEvent visit(String id, Instant at, Channel channel) {
    return BusinessEvent.builder(id, EventType.VISIT, at).channel(channel).build();
  }

  public static BusinessEvent step(String id, Instant at, boolean completed, String funnel, String step, int order) {
    return BusinessEvent.builder(id, completed ? EventType.FUNNEL_STEP_COMPLETED : EventType.FUNNEL_STEP_VIEWED, at)
        .funnelId(funnel).step(step).stepOrder(order).channel(Channel.WEB_WIDGET).build();
  }

  public static BusinessEvent order(String id, Instant at, String customer, String currency, long micros) {
    return BusinessEvent.builder(id, EventType.ORDER_PLACED, at).customerId(customer)
        .amount(new Amount(currency, micros)).channel(Channel.WEB_WIDGET).build();
  }
}
