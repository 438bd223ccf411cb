package io.cxhub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.embedded.EmbeddedMongo;
import io.cxhub.gateway.apikey.BootstrapApiKey;
import io.cxhub.gateway.testing.FakeDistributionService;
import io.cxhub.gateway.testing.FakeRespondentService;
import io.cxhub.gateway.testing.FakeResponseService;
import io.cxhub.gateway.testing.FakeSurveyService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as it runs: Spring Cloud Gateway on a real port, its database on the
 * embedded MongoDB server, and a real gRPC survey-service stand-in on a Netty port.
 * Everything is asserted through HTTP.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + GatewayApplication.NAME)
@AutoConfigureObservability
class GatewayIT {

  private static final String ADMIN_KEY = "cxk_integration-test-admin-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dataDir;

  static EmbeddedMongo mongo;
  static Server surveyServer;
  static int closedPort;
  static final FakeSurveyService survey = new FakeSurveyService();
  static final FakeDistributionService distributions = new FakeDistributionService();
  static final FakeRespondentService respondents = new FakeRespondentService();
  static final FakeResponseService responses = new FakeResponseService();

  @Autowired
  WebTestClient http;

  @LocalManagementPort
  int managementPort;

  @org.junit.jupiter.api.BeforeEach
  void generousTimeout() {
    // CI machines are slow and shared: the tests assert behaviour, never speed. (Not
    // @AutoConfigureWebTestClient, which binds the client to a mock server, not the port.)
    http = http.mutate().responseTimeout(java.time.Duration.ofSeconds(60))
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
  }

  @Autowired
  BootstrapApiKey bootstrap;

  @BeforeAll
  static void startDependencies() throws IOException {
    mongo = EmbeddedMongo.startOnFreePort(dataDir);
    surveyServer = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(survey.definition()).addService(distributions)
        .addService(respondents.definition()).addService(responses).build().start();
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort(); // nothing listens there once closed
    }
  }

  @AfterAll
  static void stopDependencies() throws InterruptedException {
    surveyServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    mongo.close();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.data.mongodb.uri", () -> mongo.connectionString("cx_gateway"));
    registry.add("cx.gateway.backends.survey", () -> "127.0.0.1:" + surveyServer.getPort());
    registry.add("cx.gateway.backends.metrics", () -> "127.0.0.1:" + closedPort);
    registry.add("cx.gateway.bootstrap-api-key", () -> ADMIN_KEY);
    registry.add("cx.gateway.sse.heartbeat", () -> "300ms");
  }

  @Test
  void loadsItsOwnConfigurationFile(@Autowired org.springframework.core.env.Environment environment) {
    // every service shares one classpath in the one-jar launcher: the gateway reads gateway.yml
    assertThat(environment.getProperty("spring.application.name")).isEqualTo(GatewayApplication.NAME);
  }

  @Nested
  class Authentication {

    @Test
    void refusesARequestWithoutKey() {
      http.get().uri("/v1/surveys/s1").exchange()
          .expectStatus().isUnauthorized()
          .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void refusesAnUnknownKey() {
      http.get().uri("/v1/surveys/s1").header(HttpHeaders.AUTHORIZATION, "Bearer cxk_made-up")
          .exchange()
          .expectStatus().isUnauthorized()
          .expectBody().jsonPath("$.type").isEqualTo("urn:cx:problem:unauthenticated");
    }

    @Test
    void forwardsTheKeysTenantAndIgnoresOneSentByTheClient() {
      http.get().uri("/v1/surveys/s1")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .header("x-tenant-id", "someone-else")
          .exchange()
          .expectStatus().isOk()
          .expectHeader().valueEquals("RateLimit-Limit", "1200")
          .expectHeader().exists("RateLimit-Remaining")
          .expectHeader().exists("RateLimit-Reset")
          .expectBody().jsonPath("$.surveyId").isEqualTo("s1");

      assertThat(survey.lastCall().get(FakeSurveyService.TENANT)).isEqualTo("default");
    }

    /**
     * The survey-id route is for partner systems: it needs a key with the SCOPE_INGEST
     * scope, forwards the key's tenant, and accepts the full respondent context (the issue's
     * repro: {@code context.customerId} was refused with 400 "Unknown field").
     */
    @Test
    void aPartnerSubmitsWithAnIngestKeyAndTheFullRespondentContext() throws Exception {
      String body = "{\"answers\":[{\"questionId\":\"nps\",\"score\":9}],"
          + "\"context\":{\"customerId\":\"cust-42\",\"orderId\":\"o-7\",\"locale\":\"fr-FR\","
          + "\"metadata\":{\"crm\":\"salesforce\"}}}";
      WebTestClient operator = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).build();
      http.post().uri("/v1/surveys/s1/responses").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
          .exchange()
          .expectStatus().isUnauthorized();

      String readOnly = json(operator.post().uri("/v1/admin/tenants/default/apiKeys")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"displayName\":\"BI\",\"role\":\"TENANT_ROLE_ANALYST\",\"scopes\":[\"SCOPE_READ\",\"SCOPE_WRITE\"]}")
          .exchange().expectStatus().isOk()
          .expectBody().returnResult().getResponseBody()).path("secret").asText();
      http.post().uri("/v1/surveys/s1/responses").header(HttpHeaders.AUTHORIZATION, "Bearer " + readOnly)
          .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
          .exchange()
          .expectStatus().isForbidden()
          .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("SCOPE_INGEST"));

      String partner = json(operator.post().uri("/v1/admin/tenants/default/apiKeys")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"displayName\":\"CRM\",\"role\":\"TENANT_ROLE_ANALYST\",\"scopes\":[\"SCOPE_INGEST\"]}")
          .exchange().expectStatus().isOk()
          .expectBody().returnResult().getResponseBody()).path("secret").asText();
      http.post().uri("/v1/surveys/s1/responses").header(HttpHeaders.AUTHORIZATION, "Bearer " + partner)
          .header("x-tenant-id", "someone-else")
          .header("Idempotency-Key", "crm-1")
          .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
          .exchange()
          .expectStatus().isOk()
          .expectHeader().exists("RateLimit-Limit")
          .expectHeader().exists("RateLimit-Remaining")
          .expectBody()
          .jsonPath("$.responseId").isEqualTo("r-1")
          .jsonPath("$.context.customerId").isEqualTo("cust-42")
          .jsonPath("$.context.metadata.crm").isEqualTo("salesforce");

      assertThat(survey.lastCall().get(FakeSurveyService.TENANT)).isEqualTo("default");
    }

    @Test
    void installedTheConfiguredBootstrapKeyWithoutGeneratingOne() {
      assertThat(bootstrap.fromEnvironment()).isTrue();
      assertThat(bootstrap.generatedSecret()).isEmpty();
    }
  }

  @Nested
  class Transcoding {

    @Test
    void namesTheInvalidFieldOfARefusedResponse() {
      http.post().uri("/v1/surveys/s1/responses").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"answers\":[{\"questionId\":\"nps\",\"score\":11}]}")
          .exchange()
          .expectStatus().isBadRequest()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.type").isEqualTo("urn:cx:problem:invalid-argument")
          .jsonPath("$.title").isEqualTo("Invalid argument")
          // the detail is written from the violations, in the JSON names the client sent
          .jsonPath("$.detail").isEqualTo("answers[0].score: Must be from 0 to 10.")
          .jsonPath("$.totalErrors").isEqualTo(1)
          .jsonPath("$.instance").isEqualTo("/v1/surveys/s1/responses")
          .jsonPath("$.errors[0].field").isEqualTo("answers[0].score")
          .jsonPath("$.errors[0].message").isEqualTo("Must be from 0 to 10.");
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongType() {
      http.post().uri("/v1/surveys/s1/responses").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"answers\":[{\"questionId\":\"nps\",\"score\":\"high\"}],\"mood\":\"good\"}")
          .exchange()
          .expectStatus().isBadRequest()
          .expectBody()
          .jsonPath("$.errors[0].field").isEqualTo("answers[0].score")
          .jsonPath("$.errors[1].field").isEqualTo("mood");
    }

    @Test
    void refusesMalformedJsonAndOtherMediaTypes() {
      http.post().uri("/v1/surveys/s1/responses").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"answers\":")
          .exchange()
          .expectStatus().isBadRequest()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
      http.post().uri("/v1/surveys/s1/responses").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).contentType(MediaType.TEXT_PLAIN).bodyValue("nine")
          .exchange()
          .expectStatus().isEqualTo(415);
    }

    @Test
    void refusesABodyOverTheLimit() {
      http.post().uri("/v1/surveys/s1/responses").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"idempotencyKey\":\"" + "x".repeat(1_100_000) + "\"}")
          .exchange()
          .expectStatus().isEqualTo(413)
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void readsQueryParameters() {
      http.get().uri("/v1/surveys?pageSize=1").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .exchange()
          .expectStatus().isOk()
          .expectBody()
          .jsonPath("$.surveys[0].surveyId").isEqualTo("s1")
          .jsonPath("$.nextPageToken").isEqualTo("next");
      http.get().uri("/v1/surveys?pageSize=lots").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .exchange()
          .expectStatus().isBadRequest()
          .expectBody().jsonPath("$.errors[0].field").isEqualTo("pageSize");
    }

    @Test
    void mapsNotFoundFromTheBackend() {
      http.get().uri("/v1/surveys/missing").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .exchange()
          .expectStatus().isNotFound()
          .expectBody().jsonPath("$.detail").isEqualTo("Survey 'missing' does not exist.");
    }

    @Test
    void answersUnavailableWhenTheBackendIsDown() {
      http.get().uri("/v1/surveys/s1/nps").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .exchange()
          .expectStatus().isEqualTo(503)
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblems() {
      http.get().uri("/v1/nothing-here").exchange()
          .expectStatus().isNotFound()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
      http.delete().uri("/v1/surveys").exchange()
          .expectStatus().isEqualTo(405)
          .expectHeader().valueEquals(HttpHeaders.ALLOW, "GET, POST");
      http.get().uri("/not-an-api-path").exchange()
          .expectStatus().isNotFound()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void echoesTheRequestIdAndPassesItOn() {
      http.get().uri("/v1/surveys/s1").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .header("x-request-id", "trace-me-42")
          .exchange()
          .expectStatus().isOk()
          .expectHeader().valueEquals("x-request-id", "trace-me-42");

      assertThat(survey.lastCall().get(FakeSurveyService.REQUEST_ID)).isEqualTo("trace-me-42");
    }
  }

  @Nested
  class Respondents {

    @Test
    void publicRoutesNeedNoKeyAndGetTheHeaderBoundFieldsAndTheClientAddress() {
      http.post().uri("/v1/public/surveys/tok123/responses")
          .header("Idempotency-Key", "key-7")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"answers\":[{\"questionId\":\"nps\",\"score\":9}]}")
          .exchange()
          .expectStatus().isOk()
          .expectBody().jsonPath("$.responseId").isEqualTo("r-key-7");

      assertThat(respondents.lastSubmission.get().getIdempotencyKey()).isEqualTo("key-7");
      assertThat(respondents.lastSubmission.get().getToken()).isEqualTo("tok123");
      assertThat(respondents.lastHeaders.get().get(FakeRespondentService.CLIENT_ADDRESS)).isNotBlank();
      assertThat(respondents.lastHeaders.get().get(FakeSurveyService.TENANT)).isNull();
    }

    @Test
    void passesAcceptLanguageAndLetsLangWin() {
      http.get().uri("/v1/public/surveys/tok123").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,fr;q=0.9")
          .exchange()
          .expectStatus().isOk()
          .expectBody().jsonPath("$.language").isEqualTo("from-header:fr-FR,fr;q=0.9");
      http.get().uri("/v1/public/surveys/tok123?lang=en").header(HttpHeaders.ACCEPT_LANGUAGE, "fr")
          .exchange()
          .expectStatus().isOk()
          .expectBody().jsonPath("$.language").isEqualTo("en");
    }

    @Test
    void aRateLimitedSubmissionIs429WithRetryAfter() {
      http.post().uri("/v1/public/surveys/limited/responses")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus().isEqualTo(429)
          .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "43")
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.status").isEqualTo(429);
    }

    @Test
    void documentsHeaderBoundFieldsAsHeaders() throws Exception {
      var body = http.get().uri("/v3/api-docs").exchange()
          .expectStatus().isOk()
          .expectBody(String.class).returnResult().getResponseBody();
      var parameters = JSON.readTree(body).at("/paths/~1v1~1public~1surveys~1{token}/get/parameters");
      assertThat(parameters.toString()).contains("\"name\":\"Accept-Language\",\"in\":\"header\"")
          .doesNotContain("acceptLanguage");
    }
  }

  @Nested
  class LiveFeed {

    @Test
    void commitsAtOnceSendsEachResponseAsAnEventAndKeepsTheConnectionAlive() {
      var received = new StringBuffer();
      var body = http.get().uri("/v1/responses:watch?surveyId=s1")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .accept(MediaType.TEXT_EVENT_STREAM)
          .exchange()
          .expectStatus().isOk()
          .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
          .returnResult(org.springframework.core.io.buffer.DataBuffer.class).getResponseBody();
      var subscription = body.subscribe(buffer -> {
        received.append(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
      });
      try {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
            .until(() -> received.toString().contains(": connected") && !responses.watchers.isEmpty());

        responses.emit(io.cxhub.proto.survey.v1.SurveyResponse.newBuilder().setResponseId("live-1").build());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
            .until(() -> received.toString().contains("data: {\"responseId\":\"live-1\""));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
            .until(() -> received.toString().contains(": heartbeat"));
      } finally {
        subscription.dispose();
      }
    }
  }

  @Nested
  class BinaryBodies {

    @Test
    void writesAnHttpBodyReplyAsRawBytesWithItsContentType() {
      var png = http.get().uri("/v1/distributions/d1/qr-code")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .exchange()
          .expectStatus().isOk()
          .expectHeader().contentType(MediaType.IMAGE_PNG)
          .expectHeader().contentLength(FakeDistributionService.PNG.length)
          .expectBody(byte[].class).returnResult().getResponseBody();
      assertThat(png).isEqualTo(FakeDistributionService.PNG);

      http.get().uri("/v1/distributions/d1/qr-code?format=QR_CODE_FORMAT_SVG")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .exchange()
          .expectStatus().isOk()
          .expectHeader().contentType("image/svg+xml")
          .expectBody(String.class).isEqualTo(FakeDistributionService.SVG);
    }

    @Test
    void streamsAServerStreamingHttpBodyAsOneBody() {
      var csv = http.get().uri("/v1/surveys/s1/responses:export")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .exchange()
          .expectStatus().isOk()
          .expectHeader().contentType("text/csv;charset=utf-8")
          .expectBody(byte[].class).returnResult().getResponseBody();
      assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(String.join("", FakeResponseService.CHUNKS));
    }

    @Test
    void streamsAnExportAsItComesInsteadOfBufferingTheBody() {
      var received = new StringBuilder();
      http.get().uri("/v1/surveys/" + FakeResponseService.HELD + "/responses:export")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
          .exchange()
          .expectStatus().isOk()
          .returnResult(byte[].class).getResponseBody()
          // the backend holds the rest until the first chunk got here: a gateway that
          // buffered the body would never deliver it, and the backend would give up
          .doOnNext(chunk -> {
            received.append(new String(chunk, java.nio.charset.StandardCharsets.UTF_8));
            responses.releaseHeld.countDown();
          })
          .blockLast(java.time.Duration.ofSeconds(60));
      assertThat(responses.heldReleased).isTrue();
      assertThat(received.toString()).isEqualTo(String.join("", FakeResponseService.CHUNKS));
    }

    @Test
    void documentsAnHttpBodyReplyAsBinary() throws Exception {
      var body = http.get().uri("/v3/api-docs").exchange()
          .expectStatus().isOk()
          .expectBody(String.class).returnResult().getResponseBody();
      var ok = JSON.readTree(body).at("/paths/~1v1~1distributions~1{distribution_id}~1qr-code/get/responses/200/content");
      assertThat(ok.path("*/*").path("schema").path("format").asText()).isEqualTo("binary");
    }
  }

  @Nested
  class Administration {

    @Test
    void issuesAKeyThatActsForItsTenantUntilRevoked() throws Exception {
      admin().post().uri("/v1/admin/tenants").contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"tenantId\":\"acme\",\"displayName\":\"Acme Corp\"}")
          .exchange()
          .expectStatus().isOk()
          .expectBody()
          .jsonPath("$.tenantId").isEqualTo("acme")
          .jsonPath("$.createTime").isNotEmpty();

      JsonNode issued = json(admin().post().uri("/v1/admin/tenants/acme/apiKeys").contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"displayName\":\"CRM integration\",\"role\":\"TENANT_ROLE_ANALYST\","
              + "\"scopes\":[\"SCOPE_READ\",\"SCOPE_INGEST\",\"SCOPE_WRITE\"]}")
          .exchange()
          .expectStatus().isOk()
          .expectBody().returnResult().getResponseBody());
      String secret = issued.path("secret").asText();
      String keyId = issued.path("keyId").asText();
      assertThat(secret).startsWith("cxk_");
      assertThat(issued.path("role").asText()).isEqualTo("TENANT_ROLE_ANALYST");
      assertThat(issued.path("tenantId").asText()).isEqualTo("acme");

      admin().get().uri("/v1/admin/tenants/acme/apiKeys").exchange()
          .expectStatus().isOk()
          .expectBody()
          .jsonPath("$.apiKeys[0].keyId").isEqualTo(keyId)
          .jsonPath("$.apiKeys[0].secret").isEqualTo("")
          .jsonPath("$.apiKeys[0].secretPrefix").isEqualTo(secret.substring(0, 12));

      http.get().uri("/v1/surveys/s1").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
          .exchange()
          .expectStatus().isOk();
      assertThat(survey.lastCall().get(FakeSurveyService.TENANT)).isEqualTo("acme");

      http.get().uri("/v1/admin/tenants").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
          .exchange()
          .expectStatus().isForbidden()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

      admin().delete().uri("/v1/admin/tenants/acme/apiKeys/" + keyId).exchange()
          .expectStatus().isOk()
          .expectBody().json("{}");

      http.get().uri("/v1/surveys/s1").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
          .exchange()
          .expectStatus().isUnauthorized();
      admin().get().uri("/v1/admin/tenants/acme/apiKeys").exchange()
          .expectBody().jsonPath("$.apiKeys[0].revokeTime").isNotEmpty();
    }

    @Test
    void refusesADuplicateTenant() {
      String body = "{\"tenantId\":\"globex\",\"displayName\":\"Globex\"}";
      admin().post().uri("/v1/admin/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
          .exchange().expectStatus().isOk();

      admin().post().uri("/v1/admin/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
          .exchange()
          .expectStatus().isEqualTo(409)
          .expectBody().jsonPath("$.type").isEqualTo("urn:cx:problem:already-exists");
    }

    @Test
    void namesTheInvalidFieldsOfATenant() {
      admin().post().uri("/v1/admin/tenants").contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"tenantId\":\"No Spaces!\",\"displayName\":\"\"}")
          .exchange()
          .expectStatus().isBadRequest()
          .expectBody()
          .jsonPath("$.errors[?(@.field == 'tenant.tenantId')]").exists()
          .jsonPath("$.errors[?(@.field == 'tenant.displayName')]").exists();
    }

    @Test
    void refusesAKeyForAnUnknownTenant() {
      admin().post().uri("/v1/admin/tenants/nobody-here/apiKeys").contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"displayName\":\"CRM\",\"role\":\"TENANT_ROLE_VIEWER\",\"scopes\":[\"SCOPE_READ\"]}")
          .exchange()
          .expectStatus().isNotFound();
    }

    @Test
    void aTenantAdminManagesOnlyItsOwnTenantAndItsKeysHaveTheirScopes() throws Exception {
      admin().post().uri("/v1/admin/tenants").contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"tenantId\":\"initech\",\"displayName\":\"Initech\"}")
          .exchange().expectStatus().isOk();
      String initechAdmin = json(admin().post().uri("/v1/admin/tenants/initech/apiKeys")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"displayName\":\"Initech admin\",\"role\":\"TENANT_ROLE_ADMIN\","
              + "\"scopes\":[\"SCOPE_READ\",\"SCOPE_WRITE\"]}")
          .exchange().expectStatus().isOk()
          .expectBody().returnResult().getResponseBody()).path("secret").asText();
      WebTestClient asInitech = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + initechAdmin).build();

      // the issue's repro: another tenant's admin asking for an admin key of tenant default
      JsonNode otherTenant = json(asInitech.post().uri("/v1/admin/tenants/default/apiKeys")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"displayName\":\"x\",\"role\":\"TENANT_ROLE_ADMIN\",\"scopes\":[\"SCOPE_READ\"]}")
          .exchange().expectStatus().isNotFound()
          .expectBody().returnResult().getResponseBody());
      JsonNode missingTenant = json(admin().post().uri("/v1/admin/tenants/default-2/apiKeys")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"displayName\":\"x\",\"role\":\"TENANT_ROLE_ADMIN\",\"scopes\":[\"SCOPE_READ\"]}")
          .exchange().expectStatus().isNotFound()
          .expectBody().returnResult().getResponseBody());
      assertThat(otherTenant.path("type")).isEqualTo(missingTenant.path("type"));
      assertThat(otherTenant.path("title")).isEqualTo(missingTenant.path("title"));
      assertThat(otherTenant.path("detail").asText()).isEqualTo("Tenant 'default' does not exist.");
      assertThat(missingTenant.path("detail").asText()).isEqualTo("Tenant 'default-2' does not exist.");
      asInitech.get().uri("/v1/admin/tenants").exchange()
          .expectStatus().isForbidden()
          .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("platform operator"));

      // the tenant's admin issues a read-only key: it reads, and is refused writes naming the scope
      String readOnly = json(asInitech.post().uri("/v1/admin/tenants/initech/apiKeys")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"displayName\":\"BI tool\",\"role\":\"TENANT_ROLE_VIEWER\",\"scopes\":[\"SCOPE_READ\"]}")
          .exchange().expectStatus().isOk()
          .expectBody().returnResult().getResponseBody()).path("secret").asText();
      http.get().uri("/v1/surveys/s1").header(HttpHeaders.AUTHORIZATION, "Bearer " + readOnly)
          .exchange().expectStatus().isOk();
      http.post().uri("/v1/surveys").header(HttpHeaders.AUTHORIZATION, "Bearer " + readOnly)
          .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"x\"}")
          .exchange().expectStatus().isForbidden()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("TENANT_ROLE_ANALYST"));
      asInitech.post().uri("/v1/admin/tenants/initech/apiKeys").contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"displayName\":\"ETL\",\"role\":\"TENANT_ROLE_ANALYST\",\"scopes\":[\"SCOPE_INGEST\"]}")
          .exchange().expectStatus().isForbidden()
          .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("SCOPE_INGEST"));

      // ... and reads its audit log, newest first, with who and from where
      asInitech.get().uri("/v1/admin/tenants/initech/auditEvents").exchange()
          .expectStatus().isOk()
          .expectBody()
          .jsonPath("$.auditEvents.length()").isEqualTo(3)
          .jsonPath("$.auditEvents[0].type").isEqualTo("AUDIT_EVENT_TYPE_API_KEY_CREATED")
          .jsonPath("$.auditEvents[0].apiKey.displayName").isEqualTo("BI tool")
          .jsonPath("$.auditEvents[0].actor.displayName").isEqualTo("Initech admin")
          .jsonPath("$.auditEvents[0].clientAddress").isEqualTo("127.0.0.1")
          .jsonPath("$.auditEvents[2].type").isEqualTo("AUDIT_EVENT_TYPE_TENANT_CREATED")
          .jsonPath("$.auditEvents[2].actor.platformOperator").isEqualTo(true);
      asInitech.get().uri("/v1/admin/tenants/default/auditEvents").exchange().expectStatus().isNotFound();
    }

    @Test
    void listsTheBootstrapTenant() {
      admin().get().uri("/v1/admin/tenants?pageSize=100").exchange()
          .expectStatus().isOk()
          .expectBody().jsonPath("$.tenants[?(@.tenantId == 'default')].displayName").isEqualTo("Default");
    }

    private WebTestClient admin() {
      return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).build();
    }
  }

  @Nested
  class Documentation {

    @Test
    void servesTheOpenApiDocument() throws Exception {
      JsonNode doc = json(http.get().uri("/v3/api-docs").exchange()
          .expectStatus().isOk()
          .expectHeader().contentType(MediaType.APPLICATION_JSON)
          .expectBody().returnResult().getResponseBody());

      assertThat(doc.path("openapi").asText()).startsWith("3.");
      assertThat(doc.path("paths").has("/v1/surveys/{survey_id}")).isTrue();
      assertThat(doc.path("paths").has("/v1/admin/tenants")).isTrue();
    }

    @Test
    void servesSwaggerUiOnTheDocument() {
      String location = http.get().uri("/swagger-ui.html").exchange()
          .expectStatus().isFound()
          .returnResult(Void.class).getResponseHeaders().getLocation().toString();

      http.get().uri(location).exchange()
          .expectStatus().isOk()
          .expectBody(String.class).value(html -> assertThat(html).contains("swagger-ui"));
      http.get().uri(location.replace("index.html", "swagger-initializer.js")).exchange()
          .expectStatus().isOk()
          .expectBody(String.class).value(js -> assertThat(js).contains("\"/v3/api-docs\""));
    }

    @Test
    void reportsHealthAndMetricsOnTheManagementPortOnly() {
      WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
          .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
      management.get().uri("/actuator/health/readiness").exchange()
          .expectStatus().isOk()
          .expectBody().jsonPath("$.status").isEqualTo("UP");
      management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
      management.get().uri("/actuator/prometheus").exchange()
          .expectStatus().isOk()
          .expectBody(String.class).value(text -> assertThat(text)
              .contains("resilience4j_circuitbreaker_state")
              // latency histograms (p95/p99 in Prometheus), tagged with the deployable
              .contains("http_server_requests_seconds_bucket{application=\"gateway\""));
      http.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
      http.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }
  }

  @Nested
  class KeepAlive {

    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    /**
     * A browser reuses one connection for the page, its static files and its API calls.
     * A static file (answered asynchronously), then a handler that answers at once, then
     * any request: reactor-netty 1.2 stopped reading the connection after the second
     * (reactor/reactor-netty#4361), so the third hung until the client gave up.
     */
    @Test
    void answersEveryRequestOfAReusedConnection() throws IOException {
      String webjar = http.get().uri("/swagger-ui.html").exchange().expectStatus().isFound()
          .returnResult(Void.class).getResponseHeaders().getLocation().getPath();
      String[] paths = {webjar, webjar.replace("index.html", "swagger-initializer.js"), "/v3/api-docs",
          webjar};
      for (int round = 0; round < 20; round++) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
          socket.setSoTimeout(10_000);
          var in = new java.io.BufferedInputStream(socket.getInputStream());
          var out = socket.getOutputStream();
          for (String path : paths) {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            try {
              assertThat(readResponse(in)).as("round %d, %s", round, path).startsWith("HTTP/1.1 200");
            } catch (java.net.SocketTimeoutException e) {
              throw new AssertionError("round " + round + ": no answer to " + path + " on a reused connection", e);
            }
          }
        }
      }
    }

    /** Reads one response with a Content-Length body; returns its status line. */
    private String readResponse(java.io.InputStream in) throws IOException {
      var head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed after: " + head);
        }
        head.append((char) b);
      }
      long length = head.toString().lines()
          .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
          .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip()))
          .findFirst().orElseThrow(() -> new IOException("no Content-Length in " + head));
      in.readNBytes((int) length);
      return head.substring(0, head.indexOf("\r\n"));
    }
  }

  private static JsonNode json(byte[] body) throws IOException {
    return JSON.readTree(body);
  }
}
