package io.cxhub.survey.webhook.grpc;

import com.google.protobuf.Empty;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.survey.v1.CreateWebhookSubscriptionRequest;
import io.cxhub.proto.survey.v1.DeleteWebhookSubscriptionRequest;
import io.cxhub.proto.survey.v1.GetWebhookSubscriptionRequest;
import io.cxhub.proto.survey.v1.ListWebhookDeliveriesRequest;
import io.cxhub.proto.survey.v1.ListWebhookDeliveriesResponse;
import io.cxhub.proto.survey.v1.ListWebhookSubscriptionsRequest;
import io.cxhub.proto.survey.v1.ListWebhookSubscriptionsResponse;
import io.cxhub.proto.survey.v1.RedeliverWebhookRequest;
import io.cxhub.proto.survey.v1.WebhookDelivery;
import io.cxhub.proto.survey.v1.WebhookServiceGrpc;
import io.cxhub.proto.survey.v1.WebhookSubscription;
import io.cxhub.survey.webhook.ManageWebhooks;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.survey.v1.WebhookService endpoint: maps messages and calls {@link ManageWebhooks}. */
@Service
class WebhookGrpcService extends WebhookServiceGrpc.WebhookServiceImplBase {

  private final ManageWebhooks webhooks;

  WebhookGrpcService(ManageWebhooks webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public void createWebhookSubscription(
      CreateWebhookSubscriptionRequest request, StreamObserver<WebhookSubscription> response) {
    var s = request.getSubscription();
    var created = webhooks.create(TenantContext.require(), s.getUrl(), s.getEventTypesList(), s.getSecret());
    response.onNext(WebhookProtoMapper.toProto(created, true));
    response.onCompleted();
  }

  @Override
  public void getWebhookSubscription(GetWebhookSubscriptionRequest request, StreamObserver<WebhookSubscription> response) {
    response.onNext(WebhookProtoMapper.toProto(webhooks.get(TenantContext.require(), request.getSubscriptionId()), false));
    response.onCompleted();
  }

  @Override
  public void listWebhookSubscriptions(
      ListWebhookSubscriptionsRequest request, StreamObserver<ListWebhookSubscriptionsResponse> response) {
    var builder = ListWebhookSubscriptionsResponse.newBuilder();
    webhooks.list(TenantContext.require()).forEach(s -> builder.addSubscriptions(WebhookProtoMapper.toProto(s, false)));
    response.onNext(builder.build());
    response.onCompleted();
  }

  @Override
  public void deleteWebhookSubscription(DeleteWebhookSubscriptionRequest request, StreamObserver<Empty> response) {
    webhooks.delete(TenantContext.require(), request.getSubscriptionId());
    response.onNext(Empty.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void listWebhookDeliveries(
      ListWebhookDeliveriesRequest request, StreamObserver<ListWebhookDeliveriesResponse> response) {
    var builder = ListWebhookDeliveriesResponse.newBuilder();
    webhooks.deliveries(TenantContext.require(), request.getSubscriptionId(), request.getPageSize())
        .forEach(d -> builder.addDeliveries(WebhookProtoMapper.toProto(d)));
    response.onNext(builder.build());
    response.onCompleted();
  }

  @Override
  public void redeliverWebhook(RedeliverWebhookRequest request, StreamObserver<WebhookDelivery> response) {
    var delivery = webhooks.redeliver(TenantContext.require(), request.getSubscriptionId(), request.getDeliveryId());
    response.onNext(WebhookProtoMapper.toProto(delivery));
    response.onCompleted();
  }
}
