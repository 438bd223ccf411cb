package io.cxhub.survey.response;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Propagation state of a response, per outbox subscriber (e.g. {@code metrics},
 * {@code alerts}), stored inside the response document itself: accepting a response and
 * recording that every subscriber must see it is then one single-document write.
 */
public record Outbox(Map<String, Delivery> subscribers) {

  public static final Outbox NONE = new Outbox(Map.of());

  /**
   * One subscriber's state.
   *
   * @param attempts attempts the subscriber did not handle so far
   * @param nextAttemptAt the subscriber is not handed the response before this instant
   * @param doneAt null while pending; when it was handled (or set aside as FAILED)
   * @param error why it was set aside; null otherwise
   */
  public record Delivery(OutboxState state, int attempts, Instant nextAttemptAt, Instant doneAt, String error) {

    public static Delivery pending(Instant now) {
      return new Delivery(OutboxState.PENDING, 0, now, null, null);
    }

    /** Not for this subscriber (e.g. imported history for the alert evaluation): delivered at once. */
    public static Delivery notForSubscriber(Instant now) {
      return new Delivery(OutboxState.DELIVERED, 0, now, now, null);
    }
  }

  public Outbox {
    subscribers = Map.copyOf(subscribers);
  }

  /** Pending for each of {@code subscribers} since {@code now}. */
  public static Outbox pending(Instant now, Collection<String> subscribers) {
    var map = new LinkedHashMap<String, Delivery>();
    subscribers.forEach(s -> map.put(s, Delivery.pending(now)));
    return new Outbox(map);
  }

  /**
   * Pending for each of {@code subscribers} since {@code now}, except {@code skipped}, which
   * are stored as delivered (imported history for subscribers that act on the present).
   */
  public static Outbox pending(Instant now, Collection<String> subscribers, java.util.Set<String> skipped) {
    var map = new LinkedHashMap<String, Delivery>();
    subscribers.forEach(s -> map.put(s, skipped.contains(s) ? Delivery.notForSubscriber(now) : Delivery.pending(now)));
    return new Outbox(map);
  }

  /** The subscriber's state; a subscriber registered after the response was stored never sees it. */
  public Delivery of(String subscriber) {
    Delivery d = subscribers.get(subscriber);
    return d != null ? d : new Delivery(OutboxState.DELIVERED, 0, Instant.EPOCH, Instant.EPOCH, null);
  }

  public Outbox with(String subscriber, Delivery delivery) {
    var map = new LinkedHashMap<>(subscribers);
    map.put(subscriber, delivery);
    return new Outbox(map);
  }
}
