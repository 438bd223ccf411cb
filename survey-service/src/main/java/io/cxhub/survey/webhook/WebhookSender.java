package io.cxhub.survey.webhook;

import java.util.Map;

/** Sends one signed HTTP POST; never throws for a failed call, which is an attempt result. */
@FunctionalInterface
public interface WebhookSender {

  DeliveryAttempt post(String url, Map<String, String> headers, String body);
}
