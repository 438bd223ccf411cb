package io.cxhub.survey.outbox;

/**
 * The registration of an outbox subscriber: declaring one bean of this type is all it takes
 * to add a consumer of accepted responses. The response store then writes the subscriber's
 * pending marker in every insert and declares its index; {@link OutboxWorkers} drives it.
 *
 * @param enabled whether this instance runs the subscriber's worker; the pending markers are
 *     written either way, so another instance (or a later start) handles them
 */
public record OutboxSubscription(OutboxSubscriber subscriber, OutboxSettings settings, boolean enabled) {

  public String name() {
    return subscriber.name();
  }
}
