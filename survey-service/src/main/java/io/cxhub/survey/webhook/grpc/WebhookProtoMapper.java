package io.cxhub.survey.webhook.grpc;

import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.proto.survey.v1.WebhookAttempt;
import io.cxhub.proto.survey.v1.WebhookDeliveryState;
import io.cxhub.survey.webhook.DeliveryAttempt;
import io.cxhub.survey.webhook.EventType;
import io.cxhub.survey.webhook.WebhookDelivery;
import io.cxhub.survey.webhook.WebhookSubscription;

final class WebhookProtoMapper {

  private WebhookProtoMapper() {}

  /** Without the secret, except where {@code withSecret} (the creation answer only). */
  static io.cxhub.proto.survey.v1.WebhookSubscription toProto(WebhookSubscription s, boolean withSecret) {
    var builder = io.cxhub.proto.survey.v1.WebhookSubscription.newBuilder()
        .setSubscriptionId(s.subscriptionId())
        .setUrl(s.url())
        .addAllEventTypes(s.eventTypes().stream().sorted().map(EventType::wireName).toList())
        .setCreateTime(ProtoTimestamps.toProto(s.createdAt()));
    if (withSecret) {
      builder.setSecret(s.secret());
    }
    return builder.build();
  }

  static io.cxhub.proto.survey.v1.WebhookDelivery toProto(WebhookDelivery d) {
    var builder = io.cxhub.proto.survey.v1.WebhookDelivery.newBuilder()
        .setDeliveryId(d.deliveryId())
        .setSubscriptionId(d.subscriptionId())
        .setEventType(d.eventType().wireName())
        .setEventId(d.eventId())
        .setState(switch (d.state()) {
          case PENDING -> WebhookDeliveryState.WEBHOOK_DELIVERY_STATE_PENDING;
          case DELIVERED -> WebhookDeliveryState.WEBHOOK_DELIVERY_STATE_DELIVERED;
          case FAILED -> WebhookDeliveryState.WEBHOOK_DELIVERY_STATE_FAILED;
        })
        .setBody(d.body())
        .setCreateTime(ProtoTimestamps.toProto(d.createdAt()));
    if (d.nextAttemptAt() != null && d.state() == io.cxhub.survey.webhook.DeliveryState.PENDING) {
      builder.setNextAttemptTime(ProtoTimestamps.toProto(d.nextAttemptAt()));
    }
    for (DeliveryAttempt a : d.attempts()) {
      var attempt = WebhookAttempt.newBuilder()
          .setTime(ProtoTimestamps.toProto(a.at()))
          .setStatusCode(a.statusCode())
          .setDurationMs(a.duration().toMillis());
      if (a.error() != null) {
        attempt.setError(a.error());
      }
      builder.addAttempts(attempt);
    }
    return builder.build();
  }
}
