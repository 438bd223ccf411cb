package io.cxhub.survey.webhook;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Storage port of webhook subscriptions; every method is scoped to one tenant. */
public interface WebhookSubscriptions {

  void insert(WebhookSubscription subscription);

  Optional<WebhookSubscription> find(String tenantId, String subscriptionId);

  /** Oldest first. */
  List<WebhookSubscription> list(String tenantId);

  /**
   * Every tenant that has a subscription, i.e. whose delivery queue the dispatcher must
   * watch. (Pending deliveries of a tenant whose last subscription was deleted are
   * abandoned with it.)
   */
  Set<String> tenants();

  /** @return false if there was no such subscription */
  boolean delete(String tenantId, String subscriptionId);
}
