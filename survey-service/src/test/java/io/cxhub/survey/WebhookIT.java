package io.cxhub.survey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.survey.v1.CreateWebhookSubscriptionRequest;
import io.cxhub.proto.survey.v1.ListWebhookDeliveriesRequest;
import io.cxhub.proto.survey.v1.RedeliverWebhookRequest;
import io.cxhub.proto.survey.v1.WebhookAttempt;
import io.cxhub.proto.survey.v1.WebhookDelivery;
import io.cxhub.proto.survey.v1.WebhookDeliveryState;
import io.cxhub.proto.survey.v1.WebhookServiceGrpc;
import io.cxhub.proto.survey.v1.WebhookServiceGrpc.WebhookServiceBlockingStub;
import io.cxhub.proto.survey.v1.WebhookSubscription;
import io.cxhub.survey.webhook.EventType;
import io.cxhub.survey.webhook.WebhookEvent;
import io.cxhub.survey.webhook.WebhookPublisher;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Webhook subscriptions over real gRPC and deliveries to a WireMock receiver, through the
 * persistent queue in the embedded MongoDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIT {

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private WireMockServer receiver;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;

  static String[] webhookSettings(String initialBackoff, boolean allowLoopback) {
    return new String[] {
        "cx.survey.relay.enabled=false",
        "cx.survey.webhooks.allow-loopback-targets=" + allowLoopback,
        "cx.survey.webhooks.poll-interval=100ms",
        "cx.survey.webhooks.initial-backoff=" + initialBackoff,
        "cx.survey.webhooks.randomization=0",
        "cx.survey.webhooks.request-timeout=2s"};
  }

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    receiver = new WireMockServer(wireMockConfig().dynamicPort());
    receiver.start();
    app = TestServices.startSurvey(mongo, "cx_survey", "localhost:1", webhookSettings("300ms", true));
    channel = TestServices.channel(TestServices.grpcPort(app));
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    receiver.stop();
    mongo.close();
  }

  private static WebhookServiceBlockingStub webhooks(ManagedChannel channel, String tenant) {
    return asTenant(WebhookServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS), tenant);
  }

  private static WebhookSubscription subscribe(ManagedChannel channel, String tenant, String url, String secret) {
    return webhooks(channel, tenant).createWebhookSubscription(CreateWebhookSubscriptionRequest.newBuilder()
        .setSubscription(WebhookSubscription.newBuilder().setUrl(url).addEventTypes("alert.fired").setSecret(secret))
        .build());
  }

  private static void publish(ConfigurableApplicationContext app, String tenant, String eventId) {
    app.getBean(WebhookPublisher.class).publish(new WebhookEvent(tenant, eventId, EventType.ALERT_FIRED,
        Instant.now(), "{\"type\":\"alert.fired\",\"id\":\"" + eventId + "\",\"title\":\"Délai dépassé\"}"));
  }

  private static List<WebhookDelivery> deliveries(ManagedChannel channel, String tenant, String subscriptionId) {
    return webhooks(channel, tenant).listWebhookDeliveries(
        ListWebhookDeliveriesRequest.newBuilder().setSubscriptionId(subscriptionId).build()).getDeliveriesList();
  }

  private List<LoggedRequest> received(String path) {
    return receiver.findAll(postRequestedFor(urlEqualTo(path)));
  }

  @Nested
  class Signing {

    @Test
    void deliveryCarriesAVerifiableSignatureAndItsIds() {
      String tenant = newTenant();
      receiver.stubFor(post("/signed").willReturn(aResponse().withStatus(204)));
      var subscription = subscribe(channel, tenant, receiver.baseUrl() + "/signed", "a-secret-of-24-characters");
      assertThat(subscription.getSecret()).as("shown once, on creation").isEqualTo("a-secret-of-24-characters");

      publish(app, tenant, "evt-1");
      await().atMost(Duration.ofSeconds(10)).until(() -> received("/signed").size() == 1);

      LoggedRequest request = received("/signed").get(0);
      String body = request.getBodyAsString();
      String signature = request.getHeader("CX-Signature");
      assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
      String t = signature.substring(2, signature.indexOf(','));
      String v1 = signature.substring(signature.indexOf("v1=") + 3);
      // recomputed here with the JDK, independently of the production signer
      assertThat(v1).isEqualTo(hmac("a-secret-of-24-characters", t + "." + body));
      assertThat(Math.abs(Long.parseLong(t) - Instant.now().getEpochSecond())).isLessThan(60);
      assertThat(body).contains("Délai dépassé");
      assertThat(request.getHeader("CX-Event-Type")).isEqualTo("alert.fired");

      List<WebhookDelivery> log = deliveries(channel, tenant, subscription.getSubscriptionId());
      assertThat(log).hasSize(1);
      assertThat(request.getHeader("CX-Delivery-Id")).isEqualTo(log.get(0).getDeliveryId());
      assertThat(log.get(0).getState()).isEqualTo(WebhookDeliveryState.WEBHOOK_DELIVERY_STATE_DELIVERED);
      assertThat(webhooks(channel, tenant).getWebhookSubscription(
          io.cxhub.proto.survey.v1.GetWebhookSubscriptionRequest.newBuilder()
              .setSubscriptionId(subscription.getSubscriptionId()).build()).getSecret())
          .as("never shown again").isEmpty();
    }

    @Test
    void manualRedeliverySendsTheSameDeliveryAgain() {
      String tenant = newTenant();
      receiver.stubFor(post("/again").willReturn(aResponse().withStatus(200)));
      var subscription = subscribe(channel, tenant, receiver.baseUrl() + "/again", "");
      assertThat(subscription.getSecret()).as("generated").startsWith("whsec_");
      publish(app, tenant, "evt-2");
      await().atMost(Duration.ofSeconds(10)).until(() -> received("/again").size() == 1);
      String deliveryId = deliveries(channel, tenant, subscription.getSubscriptionId()).get(0).getDeliveryId();

      webhooks(channel, tenant).redeliverWebhook(RedeliverWebhookRequest.newBuilder()
          .setSubscriptionId(subscription.getSubscriptionId()).setDeliveryId(deliveryId).build());
      await().atMost(Duration.ofSeconds(10)).until(() -> received("/again").size() == 2);
      assertThat(received("/again")).extracting(r -> r.getHeader("CX-Delivery-Id")).containsOnly(deliveryId);
      await().atMost(Duration.ofSeconds(5)).until(() ->
          deliveries(channel, tenant, subscription.getSubscriptionId()).get(0).getAttemptsCount() == 2);
    }
  }

  @Nested
  class Retries {

    @Test
    void serverErrorThenSuccessGivesExactlyOneSuccessfulDelivery() {
      String tenant = newTenant();
      receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
      receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs("recovered")
          .willReturn(aResponse().withStatus(200)));
      var subscription = subscribe(channel, tenant, receiver.baseUrl() + "/flaky", "another-secret-16chars");

      publish(app, tenant, "evt-3");
      await().atMost(Duration.ofSeconds(10)).until(() ->
          deliveries(channel, tenant, subscription.getSubscriptionId()).get(0).getState()
              == WebhookDeliveryState.WEBHOOK_DELIVERY_STATE_DELIVERED);

      var delivery = deliveries(channel, tenant, subscription.getSubscriptionId()).get(0);
      assertThat(delivery.getAttemptsList()).extracting(WebhookAttempt::getStatusCode).containsExactly(500, 200);
      assertThat(received("/flaky")).hasSize(2)
          .extracting(r -> r.getHeader("CX-Delivery-Id")).containsOnly(delivery.getDeliveryId());
    }

    @Test
    void clientErrorIsNotRetried() {
      String tenant = newTenant();
      receiver.stubFor(post("/gone").willReturn(aResponse().withStatus(410)));
      var subscription = subscribe(channel, tenant, receiver.baseUrl() + "/gone", "another-secret-16chars");
      publish(app, tenant, "evt-4");
      await().atMost(Duration.ofSeconds(10)).until(() ->
          deliveries(channel, tenant, subscription.getSubscriptionId()).get(0).getState()
              == WebhookDeliveryState.WEBHOOK_DELIVERY_STATE_FAILED);
      assertThat(received("/gone")).hasSize(1);
    }
  }

  @Nested
  class Restart {

    @Test
    void aRestartDuringTheBackoffStillDeliversOnce() throws InterruptedException {
      String tenant = newTenant();
      String database = "cx_survey_restart";
      receiver.stubFor(post("/restart").inScenario("restart").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
      receiver.stubFor(post("/restart").inScenario("restart").whenScenarioStateIs("up")
          .willReturn(aResponse().withStatus(200)));

      // the wait after the failed attempt (3 s) outlives the first instance
      var first = TestServices.startSurvey(mongo, database, "localhost:1", webhookSettings("3s", true));
      var firstChannel = TestServices.channel(TestServices.grpcPort(first));
      String subscriptionId;
      try {
        subscriptionId = subscribe(firstChannel, tenant, receiver.baseUrl() + "/restart", "restart-secret-16ch")
            .getSubscriptionId();
        publish(first, tenant, "evt-5");
        await().atMost(Duration.ofSeconds(10)).until(() -> received("/restart").size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() ->
            deliveries(firstChannel, tenant, subscriptionId).get(0).getAttemptsCount() == 1);
        var pending = deliveries(firstChannel, tenant, subscriptionId).get(0);
        assertThat(pending.getState()).isEqualTo(WebhookDeliveryState.WEBHOOK_DELIVERY_STATE_PENDING);
        assertThat(pending.getNextAttemptTime().getSeconds()).isGreaterThan(Instant.now().getEpochSecond());
      } finally {
        firstChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        first.close();
      }
      assertThat(received("/restart")).as("nothing sent while stopped").hasSize(1);

      var second = TestServices.startSurvey(mongo, database, "localhost:1", webhookSettings("3s", true));
      var secondChannel = TestServices.channel(TestServices.grpcPort(second));
      try {
        await().atMost(Duration.ofSeconds(15)).until(() ->
            deliveries(secondChannel, tenant, subscriptionId).get(0).getState()
                == WebhookDeliveryState.WEBHOOK_DELIVERY_STATE_DELIVERED);
        assertThat(received("/restart")).hasSize(2);
        assertThat(deliveries(secondChannel, tenant, subscriptionId).get(0).getAttemptsList())
            .extracting(WebhookAttempt::getStatusCode).containsExactly(503, 200);
      } finally {
        secondChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        second.close();
      }
    }
  }

  @Nested
  class PrivateTargets {

    @Test
    void refusedAtSubscriptionTimeUnlessAllowed() throws InterruptedException {
      var strict = TestServices.startSurvey(mongo, "cx_survey_strict", "localhost:1", webhookSettings("1s", false));
      var strictChannel = TestServices.channel(TestServices.grpcPort(strict));
      try {
        for (String url : List.of("http://127.0.0.1:8080/h", "http://localhost/h", "http://169.254.169.254/latest",
            "http://10.0.0.5/h", "http://[::1]/h", receiver.baseUrl() + "/x")) {
          var error = failure(() -> subscribe(strictChannel, newTenant(), url, "0123456789abcdef"));
          assertThat(error.getStatus().getCode()).as(url).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(violatedFields(error)).containsExactly("url");
        }
      } finally {
        strictChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        strict.close();
      }
    }

    @Test
    void rejectsUnknownEventTypesAndShortSecrets() {
      var error = failure(() -> webhooks(channel, newTenant()).createWebhookSubscription(
          CreateWebhookSubscriptionRequest.newBuilder().setSubscription(WebhookSubscription.newBuilder()
              .setUrl(receiver.baseUrl() + "/x").addEventTypes("survey.deleted").setSecret("short")).build()));
      assertThat(violatedFields(error)).containsExactlyInAnyOrder("event_types", "secret");
    }
  }

  static String hmac(String secret, String text) {
    try {
      var mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

}
