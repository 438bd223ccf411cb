package io.cxhub.survey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.failure;
import static io.cxhub.kit.testing.GrpcCalls.newTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.survey.v1.AddCaseNoteRequest;
import io.cxhub.proto.survey.v1.AlertActions;
import io.cxhub.proto.survey.v1.AlertConditions;
import io.cxhub.proto.survey.v1.AlertRule;
import io.cxhub.proto.survey.v1.AlertServiceGrpc;
import io.cxhub.proto.survey.v1.AlertServiceGrpc.AlertServiceBlockingStub;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.Case;
import io.cxhub.proto.survey.v1.CaseStatus;
import io.cxhub.proto.survey.v1.CreateAlertRuleRequest;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.CreateWebhookSubscriptionRequest;
import io.cxhub.proto.survey.v1.FireAlertRequest;
import io.cxhub.proto.survey.v1.ListCasesRequest;
import io.cxhub.proto.survey.v1.ListWebhookDeliveriesRequest;
import io.cxhub.proto.survey.v1.NpsCategory;
import io.cxhub.proto.survey.v1.PlaybookStep;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import io.cxhub.proto.survey.v1.SubmitResponseRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.cxhub.proto.survey.v1.TransitionCaseRequest;
import io.cxhub.proto.survey.v1.UpdateCaseRequest;
import io.cxhub.proto.survey.v1.WebhookServiceGrpc;
import io.cxhub.proto.survey.v1.WebhookSubscription;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * The closed loop over real gRPC: responses submitted through SubmitResponse are evaluated
 * in the background against alert rules, which open cases and fire signed webhooks to a
 * WireMock receiver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertIT {

  private static final String SECRET = "closed-loop-secret-123";

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private WireMockServer receiver;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    receiver = new WireMockServer(wireMockConfig().dynamicPort());
    receiver.start();
    receiver.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(200)));
    app = TestServices.startSurvey(mongo, "cx_survey", "localhost:1",
        "cx.survey.relay.enabled=false",
        "cx.survey.alerts.poll-interval=100ms",
        "cx.survey.webhooks.allow-loopback-targets=true",
        "cx.survey.webhooks.poll-interval=100ms");
    channel = TestServices.channel(TestServices.grpcPort(app));
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    receiver.stop();
    mongo.close();
  }

  private AlertServiceBlockingStub alerts(String tenant) {
    return asTenant(AlertServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS), tenant);
  }

  private String subscribe(String tenant, String... types) {
    return asTenant(WebhookServiceGrpc.newBlockingStub(channel), tenant).createWebhookSubscription(
        CreateWebhookSubscriptionRequest.newBuilder().setSubscription(WebhookSubscription.newBuilder()
            .setUrl(receiver.baseUrl() + "/hooks/" + tenant).addAllEventTypes(List.of(types)).setSecret(SECRET))
            .build()).getSubscriptionId();
  }

  /** The tenant of each survey created, to answer it as the tenant's partner system. */
  private final java.util.Map<String, String> surveyTenants = new java.util.concurrent.ConcurrentHashMap<>();

  private String survey(String tenant) {
    Survey survey = asTenant(SurveyServiceGrpc.newBlockingStub(channel), tenant).createSurvey(CreateSurveyRequest
        .newBuilder().setSurvey(Survey.newBuilder().setTitle("Après livraison")
            .addQuestions(Question.newBuilder().setQuestionId("nps").setKind(QuestionKind.QUESTION_KIND_NPS)
                .setText("Recommend us?").setRequired(true))
            .addQuestions(Question.newBuilder().setQuestionId("comment").setKind(QuestionKind.QUESTION_KIND_FREE_TEXT)
                .setText("Why?")))
        .build());
    surveyTenants.put(survey.getSurveyId(), tenant);
    return survey.getSurveyId();
  }

  /** Submitted by the survey tenant's partner system. */
  private void respond(String surveyId, int nps, String comment) {
    var request = SubmitResponseRequest.newBuilder().setSurveyId(surveyId)
        .addAnswers(Answer.newBuilder().setQuestionId("nps").setScore(nps));
    if (comment != null) {
      request.addAnswers(Answer.newBuilder().setQuestionId("comment").setText(comment));
    }
    asTenant(SurveyServiceGrpc.newBlockingStub(channel), surveyTenants.get(surveyId)).withDeadlineAfter(10, TimeUnit.SECONDS)
        .submitResponse(request.build());
  }

  private String rule(String tenant, AlertConditions.Builder conditions, AlertActions.Builder actions) {
    return alerts(tenant).createAlertRule(CreateAlertRuleRequest.newBuilder().setRule(AlertRule.newBuilder()
        .setName("rule for " + tenant).setEnabled(true).setConditions(conditions).setActions(actions)).build())
        .getRuleId();
  }

  private List<Case> cases(String tenant, ListCasesRequest.Builder filter) {
    return alerts(tenant).listCases(filter.build()).getCasesList();
  }

  private List<LoggedRequest> received(String tenant, String eventType) {
    return receiver.findAll(postRequestedFor(urlEqualTo("/hooks/" + tenant))).stream()
        .filter(r -> eventType.equals(r.getHeader("CX-Event-Type"))).toList();
  }

  private static void assertSigned(LoggedRequest request) {
    String signature = request.getHeader("CX-Signature");
    String t = signature.substring(2, signature.indexOf(','));
    assertThat(signature.substring(signature.indexOf("v1=") + 3))
        .isEqualTo(WebhookIT.hmac(SECRET, t + "." + request.getBodyAsString()));
    assertThat(request.getHeader("CX-Delivery-Id")).isNotBlank();
  }

  @Nested
  class DetractorLoop {

    @Test
    void detractorResponseOpensADetractorCaseAndFiresSignedWebhooks() {
      String tenant = newTenant();
      subscribe(tenant, "case.opened", "alert.fired", "response.created");
      String surveyId = survey(tenant);
      String ruleId = rule(tenant,
          AlertConditions.newBuilder().addCategories(NpsCategory.NPS_CATEGORY_DETRACTOR),
          AlertActions.newBuilder().setOpenCase(true).setNotifyWebhooks(true).setTeam("care"));

      respond(surveyId, 10, "Parfait");
      respond(surveyId, 3, "Colis abîmé");

      await().atMost(Duration.ofSeconds(10)).until(() -> !cases(tenant, ListCasesRequest.newBuilder()).isEmpty());
      await().atMost(Duration.ofSeconds(10)).until(() ->
          received(tenant, "case.opened").size() == 1 && received(tenant, "alert.fired").size() == 1
              && received(tenant, "response.created").size() == 2);

      List<Case> cases = cases(tenant, ListCasesRequest.newBuilder());
      assertThat(cases).as("only the detractor opened a case").hasSize(1);
      Case c = cases.get(0);
      assertThat(c.getCategory()).isEqualTo(NpsCategory.NPS_CATEGORY_DETRACTOR);
      assertThat(c.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_OPEN);
      assertThat(c.getRuleId()).isEqualTo(ruleId);
      assertThat(c.getSurveyId()).isEqualTo(surveyId);
      assertThat(c.getTeam()).isEqualTo("care");
      assertThat(c.getPlaybookList()).extracting(PlaybookStep::getKey)
          .containsExactly("contact", "learn-cause", "fix", "confirm");
      assertThat(c.getSlaBreached()).isFalse();
      assertThat(c.getFirstContactDueTime().getSeconds()).isGreaterThan(c.getCreateTime().getSeconds());

      LoggedRequest opened = received(tenant, "case.opened").get(0);
      assertSigned(opened);
      assertThat(opened.getBodyAsString()).contains("\"type\":\"case.opened\"").contains(c.getCaseId())
          .contains("\"category\":\"detractor\"");
      LoggedRequest alert = received(tenant, "alert.fired").get(0);
      assertSigned(alert);
      assertThat(alert.getBodyAsString()).contains(ruleId).contains(c.getCaseId());
    }

    @Test
    void keywordsMatchWithoutCaseOrAccents() {
      String tenant = newTenant();
      String surveyId = survey(tenant);
      rule(tenant,
          AlertConditions.newBuilder().addKeywords("livraison en retard").addKeywords("delai"),
          AlertActions.newBuilder().setOpenCase(true));

      respond(surveyId, 9, "Livraison EN RETARD mais gentil livreur");
      respond(surveyId, 8, "Le délai était long");
      respond(surveyId, 2, "Produit cassé");
      respond(surveyId, 9, null);

      await().atMost(Duration.ofSeconds(10)).until(() -> cases(tenant, ListCasesRequest.newBuilder()).size() >= 2);
      // the worker handles responses oldest first: once a later response is done, the others are too
      respond(surveyId, 9, "délai");
      await().atMost(Duration.ofSeconds(10)).until(() -> cases(tenant, ListCasesRequest.newBuilder()).size() == 3);
      assertThat(cases(tenant, ListCasesRequest.newBuilder()))
          .extracting(Case::getCategory)
          .containsExactlyInAnyOrder(NpsCategory.NPS_CATEGORY_PROMOTER, NpsCategory.NPS_CATEGORY_PASSIVE,
              NpsCategory.NPS_CATEGORY_PROMOTER);
      assertThat(cases(tenant, ListCasesRequest.newBuilder().setCategory(NpsCategory.NPS_CATEGORY_PROMOTER)))
          .hasSize(2).allSatisfy(c -> assertThat(c.getPlaybookList()).extracting(PlaybookStep::getKey)
              .containsExactly("thank", "ask-why", "invite"));
    }
  }

  @Nested
  class CaseLifecycle {

    private Case openCase(String tenant) {
      String surveyId = survey(tenant);
      rule(tenant, AlertConditions.newBuilder().setHasMaxScore(true).setMaxScore(6),
          AlertActions.newBuilder().setOpenCase(true));
      respond(surveyId, 0, null);
      await().atMost(Duration.ofSeconds(10)).until(() -> !cases(tenant, ListCasesRequest.newBuilder()).isEmpty());
      return cases(tenant, ListCasesRequest.newBuilder()).get(0);
    }

    private Case move(String tenant, String caseId, CaseStatus status) {
      return alerts(tenant).transitionCase(TransitionCaseRequest.newBuilder().setCaseId(caseId).setStatus(status).build());
    }

    @Test
    void invalidTransitionsAreRejectedNamingTheStates() {
      String tenant = newTenant();
      subscribe(tenant, "case.updated");
      String caseId = openCase(tenant).getCaseId();
      var error = failure(() -> move(tenant, caseId, CaseStatus.CASE_STATUS_RESOLVED));
      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(error.getStatus().getDescription()).contains("OPEN").contains("RESOLVED");

      for (var status : List.of(CaseStatus.CASE_STATUS_IN_PROGRESS, CaseStatus.CASE_STATUS_CONTACTED,
          CaseStatus.CASE_STATUS_RESOLVED, CaseStatus.CASE_STATUS_CLOSED)) {
        assertThat(move(tenant, caseId, status).getStatus()).isEqualTo(status);
      }
      assertThat(failure(() -> move(tenant, caseId, CaseStatus.CASE_STATUS_CONTACTED)).getStatus().getCode())
          .isEqualTo(Status.Code.FAILED_PRECONDITION);
      Case reopened = move(tenant, caseId, CaseStatus.CASE_STATUS_OPEN);
      assertThat(reopened.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_OPEN);
      assertThat(reopened.hasFirstContactTime()).isTrue();
      assertThat(reopened.hasResolveTime()).isFalse();

      // one signed case.updated per accepted change, none for the rejected ones
      await().atMost(Duration.ofSeconds(10)).until(() -> received(tenant, "case.updated").size() == 5);
      var updates = received(tenant, "case.updated");
      updates.forEach(AlertIT::assertSigned);
      assertThat(updates).extracting(r -> r.getHeader("CX-Delivery-Id")).doesNotHaveDuplicates();
      assertThat(updates).anySatisfy(r -> assertThat(r.getBodyAsString()).contains("\"status\":\"closed\""));
    }

    @Test
    void assignNoteTagFilterAndPage() {
      String tenant = newTenant();
      String caseId = openCase(tenant).getCaseId();
      alerts(tenant).updateCase(UpdateCaseRequest.newBuilder().setCaseId(caseId).setAssignee("alice")
          .setTeam("care").setRootCause("late-delivery").build());
      Case noted = alerts(tenant).addCaseNote(AddCaseNoteRequest.newBuilder().setCaseId(caseId).setAuthor("alice")
          .setText("Rappel prévu demain").build());
      assertThat(noted.getNotesList()).hasSize(1);
      assertThat(noted.getRootCause()).isEqualTo("late-delivery");

      assertThat(cases(tenant, ListCasesRequest.newBuilder().setAssignee("alice"))).hasSize(1);
      assertThat(cases(tenant, ListCasesRequest.newBuilder().setAssignee("bob"))).isEmpty();
      assertThat(cases(tenant, ListCasesRequest.newBuilder().setStatus(CaseStatus.CASE_STATUS_OPEN))).hasSize(1);
      assertThat(cases(tenant, ListCasesRequest.newBuilder().setStatus(CaseStatus.CASE_STATUS_CLOSED))).isEmpty();
      assertThat(cases(tenant, ListCasesRequest.newBuilder().setBreachedOnly(true))).as("24 h SLA").isEmpty();

      // two more cases, then page through all three one at a time
      String surveyId = cases(tenant, ListCasesRequest.newBuilder()).get(0).getSurveyId();
      respond(surveyId, 1, null);
      respond(surveyId, 2, null);
      await().atMost(Duration.ofSeconds(10)).until(() -> cases(tenant, ListCasesRequest.newBuilder()).size() == 3);
      var seen = new ArrayList<String>();
      String token = "";
      do {
        var page = alerts(tenant).listCases(ListCasesRequest.newBuilder().setPageSize(1).setPageToken(token).build());
        page.getCasesList().forEach(c -> seen.add(c.getCaseId()));
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      assertThat(seen).hasSize(3).doesNotHaveDuplicates();
    }
  }

  @Nested
  class Rules {

    @Test
    void ruleNeedsAnActionAndASaneRange() {
      var error = failure(() -> alerts(newTenant()).createAlertRule(CreateAlertRuleRequest.newBuilder()
          .setRule(AlertRule.newBuilder().setName("x").setConditions(AlertConditions.newBuilder()
              .setHasMinScore(true).setMinScore(9).setHasMaxScore(true).setMaxScore(3))).build()));
      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(error)).containsExactlyInAnyOrder("rule.conditions.max_score", "rule.actions");
    }

    @Test
    void ruleNamingASurveyTheTenantDoesNotHaveIsRefused() {
      String owner = newTenant();
      String surveyId = survey(owner);
      String other = newTenant();
      for (String wrong : List.of("nosuchsurvey", surveyId)) {
        String tenant = wrong.equals(surveyId) ? other : owner;
        var error = failure(() -> alerts(tenant).createAlertRule(CreateAlertRuleRequest.newBuilder()
            .setRule(AlertRule.newBuilder().setName("x").setEnabled(true)
                .setConditions(AlertConditions.newBuilder().setSurveyId(wrong))
                .setActions(AlertActions.newBuilder().setOpenCase(true))).build()));
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error)).containsExactly("rule.conditions.survey_id");
      }
      String ruleId = rule(owner, AlertConditions.newBuilder().setSurveyId(surveyId), AlertActions.newBuilder().setOpenCase(true));
      assertThat(ruleId).isNotEmpty();
    }
  }

  @Nested
  class FiredAlerts {

    @Test
    void fireAlertNotifiesOnceAndOpensOneCasePerAlertId() {
      String tenant = newTenant();
      String subscriptionId = subscribe(tenant, "alert.fired", "case.opened");
      var request = FireAlertRequest.newBuilder().setAlertId("nps-drop-2026-w10").setTitle("NPS below 20 this week")
          .setSeverity("critical").setSource("metrics-service").setStageId("delivery").setOpenCase(true).build();

      var first = alerts(tenant).fireAlert(request);
      var second = alerts(tenant).fireAlert(request);
      assertThat(second).isEqualTo(first);
      assertThat(first.getCaseId()).isNotEmpty();

      await().atMost(Duration.ofSeconds(10)).until(() ->
          received(tenant, "alert.fired").size() == 1 && received(tenant, "case.opened").size() == 1);
      assertSigned(received(tenant, "alert.fired").get(0));
      assertThat(received(tenant, "alert.fired").get(0).getBodyAsString())
          .contains("nps-drop-2026-w10").contains("critical").contains("delivery");
      assertThat(asTenant(WebhookServiceGrpc.newBlockingStub(channel), tenant).listWebhookDeliveries(
          ListWebhookDeliveriesRequest.newBuilder().setSubscriptionId(subscriptionId).build()).getDeliveriesList())
          .hasSize(2);
      Case c = alerts(tenant).getCase(io.cxhub.proto.survey.v1.GetCaseRequest.newBuilder()
          .setCaseId(first.getCaseId()).build());
      assertThat(c.getAlertId()).isEqualTo("nps-drop-2026-w10");
      assertThat(c.getPlaybookList()).extracting(PlaybookStep::getKey).containsExactly("investigate", "act");
    }

    @Test
    void unknownRuleIsNotFound() {
      var error = failure(() -> alerts(newTenant()).fireAlert(FireAlertRequest.newBuilder().setAlertId("a")
          .setTitle("t").setRuleId("nope").build()));
      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }
  }
}
