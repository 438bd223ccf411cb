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
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.Campaign;
import io.cxhub.proto.survey.v1.CreateCampaignRequest;
import io.cxhub.proto.survey.v1.CreateDistributionRequest;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.Distribution;
import io.cxhub.proto.survey.v1.DistributionServiceGrpc;
import io.cxhub.proto.survey.v1.GetCampaignReportRequest;
import io.cxhub.proto.survey.v1.GetPublicSurveyRequest;
import io.cxhub.proto.survey.v1.GetResponseRatesRequest;
import io.cxhub.proto.survey.v1.Invitation;
import io.cxhub.proto.survey.v1.InvitationServiceGrpc;
import io.cxhub.proto.survey.v1.InvitationServiceGrpc.InvitationServiceBlockingStub;
import io.cxhub.proto.survey.v1.InvitationStatus;
import io.cxhub.proto.survey.v1.ListCampaignsRequest;
import io.cxhub.proto.survey.v1.ListInvitationsRequest;
import io.cxhub.proto.survey.v1.ListResponsesRequest;
import io.cxhub.proto.survey.v1.OptOutRequest;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import io.cxhub.proto.survey.v1.Recipient;
import io.cxhub.proto.survey.v1.ReminderStatus;
import io.cxhub.proto.survey.v1.RespondentServiceGrpc;
import io.cxhub.proto.survey.v1.ResponseServiceGrpc;
import io.cxhub.proto.survey.v1.SubmitPublicResponseRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Invitation campaigns end to end over real gRPC: e-mails through a real SMTP server
 * (GreenMail, embedded in the test), SMS through a WireMock provider, the send queue in the
 * embedded MongoDB, and the links in the messages answered through the respondent API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationIT {

  private static final String PUBLIC_URL = "https://feedback.example.test";
  private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(?:/v1/public/surveys|/s)/([A-Za-z0-9]+)");
  private static final Pattern OPT_OUT =
      Pattern.compile(Pattern.quote(PUBLIC_URL) + "/v1/public/invitations/([A-Za-z0-9]+)/opt-out");

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private GreenMail smtp;
  private WireMockServer smsProvider;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;
  private MongoClient client;

  private String[] settings(String database, String... extra) {
    var all = new ArrayList<>(List.of(
        "cx.survey.relay.enabled=false",
        "cx.public-url=" + PUBLIC_URL,
        "cx.survey.webhooks.allow-loopback-targets=true",
        "cx.survey.invitations.poll-interval=100ms",
        "cx.survey.invitations.initial-backoff=200ms",
        "cx.survey.invitations.smtp.host=127.0.0.1",
        "cx.survey.invitations.smtp.port=" + smtp.getSmtp().getPort(),
        "cx.survey.invitations.smtp.security=none",
        "cx.survey.invitations.smtp.from=Enquêtes Acme <surveys@acme.test>",
        "cx.survey.invitations.sms.url=" + smsProvider.baseUrl() + "/sms",
        "cx.survey.invitations.sms.auth-header-value=Bearer sms-secret",
        "cx.survey.invitations.sms.from=ACME"));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    smtp = new GreenMail(new ServerSetup(TestServices.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    smsProvider = new WireMockServer(wireMockConfig().dynamicPort());
    smsProvider.start();
    app = TestServices.startSurvey(mongo, "cx_survey", "localhost:1", settings("cx_survey"));
    channel = TestServices.channel(TestServices.grpcPort(app));
    client = MongoClients.create(mongo.connectionString("cx_survey"));
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    client.close();
    smsProvider.stop();
    smtp.stop();
    mongo.close();
  }

  // --- helpers ---------------------------------------------------------------------------

  private static InvitationServiceBlockingStub invitations(ManagedChannel channel, String tenant) {
    return asTenant(InvitationServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static Distribution distribution(ManagedChannel channel, String tenant) {
    var survey = asTenant(SurveyServiceGrpc.newBlockingStub(channel), tenant).createSurvey(CreateSurveyRequest.newBuilder()
        .setSurvey(Survey.newBuilder().setTitle("Votre livraison").setDefaultLanguage("fr")
            .setState(SurveyState.SURVEY_STATE_ACTIVE)
            .addQuestions(Question.newBuilder().setQuestionId("nps").setKind(QuestionKind.QUESTION_KIND_NPS)
                .setText("Recommanderiez-vous ?").setRequired(true)))
        .build());
    return asTenant(DistributionServiceGrpc.newBlockingStub(channel), tenant).createDistribution(
        CreateDistributionRequest.newBuilder().setSurveyId(survey.getSurveyId())
            .setDistribution(Distribution.newBuilder().setChannel(Channel.CHANNEL_LINK).setName("Invitations"))
            .build());
  }

  private static Recipient email(String customerId, String address) {
    return Recipient.newBuilder().setCustomerId(customerId).setEmail(address).setName("Client " + customerId).build();
  }

  private static Campaign emailCampaign(
      ManagedChannel channel, String tenant, String distributionId, Duration reminder, Recipient... recipients) {
    var campaign = Campaign.newBuilder().setName("Après livraison").setChannel(Channel.CHANNEL_EMAIL).setLanguage("fr");
    if (reminder != null) {
      campaign.setReminderAfter(com.google.protobuf.Duration.newBuilder().setSeconds(reminder.toSeconds()));
    }
    return invitations(channel, tenant).createCampaign(CreateCampaignRequest.newBuilder()
        .setDistributionId(distributionId).setCampaign(campaign).addAllRecipients(Arrays.asList(recipients)).build());
  }

  private List<MimeMessage> mailTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  private static String part(MimeMessage message, String type) throws Exception {
    var multipart = (MimeMultipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType(type)) {
        return part.getContent().toString();
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  private static String token(Pattern pattern, String text) {
    var m = pattern.matcher(text);
    assertThat(m.find()).as("a link in: " + text).isTrue();
    return m.group(1);
  }

  private static List<Invitation> invitationsOf(ManagedChannel channel, String tenant, String campaignId) {
    return invitations(channel, tenant).listInvitations(
        ListInvitationsRequest.newBuilder().setCampaignId(campaignId).setPageSize(100).build()).getInvitationsList();
  }

  private List<Invitation> invitationsOf(String tenant, String campaignId) {
    return invitationsOf(channel, tenant, campaignId);
  }

  private static Invitation invitationTo(List<Invitation> all, String customerId) {
    return all.stream().filter(i -> i.getCustomerId().equals(customerId)).findFirst().orElseThrow();
  }

  private void answer(String token, int score) {
    RespondentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).submitPublicResponse(
        SubmitPublicResponseRequest.newBuilder().setToken(token)
            .addAnswers(Answer.newBuilder().setQuestionId("nps").setScore(score)).build());
  }

  /** What N days of waiting do: the scheduled reminders of a tenant fall due now. */
  private void reminderTimeComes(String tenant) {
    client.getDatabase("cx_survey").getCollection("invitations").updateMany(
        Filters.and(Filters.eq("tenantId", tenant), Filters.eq("nextKind", "REMINDER"), Filters.exists("nextSendAt")),
        Updates.set("nextSendAt", Date.from(Instant.now().minusSeconds(1))));
  }

  // --- scenarios -------------------------------------------------------------------------

  @Nested
  class Email {

    @Test
    void theLinkInTheEmailAnswersTheSurveyAndTheResponseCarriesTheCustomerId() throws Exception {
      String tenant = newTenant();
      var distribution = distribution(channel, tenant);
      var campaign = emailCampaign(channel, tenant, distribution.getDistributionId(), null,
          email("c-1", "alice@example.test"), email("c-2", "bob@example.test"));
      assertThat(campaign.getInvitationCount()).isEqualTo(2);
      assertThat(campaign.getSubject()).as("the survey title by default").isEqualTo("Votre livraison");

      await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("alice@example.test").size() == 1
          && mailTo("bob@example.test").size() == 1);
      MimeMessage mail = mailTo("alice@example.test").get(0);
      assertThat(mail.getSubject()).isEqualTo("Votre livraison");
      assertThat(mail.getFrom()[0].toString()).contains("surveys@acme.test");
      assertThat(mail.isMimeType("multipart/alternative")).isTrue();
      String text = part(mail, "text/plain");
      String html = part(mail, "text/html");
      assertThat(text).contains("Bonjour Client c-1,").contains("Pour ne plus recevoir d'invitations");
      assertThat(html).contains("Répondre au questionnaire").contains("se désinscrire");
      String token = token(LINK, text);
      assertThat(token(LINK, html)).isEqualTo(token);
      assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/v1/public/invitations/" + token + "/opt-out");
      assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
      assertThat(token).isNotEqualTo(distribution.getToken());

      var shown = RespondentServiceGrpc.newBlockingStub(channel).getPublicSurvey(
          GetPublicSurveyRequest.newBuilder().setToken(token).build());
      assertThat(shown.getTitle()).isEqualTo("Votre livraison");
      assertThat(shown.getChannel()).isEqualTo(Channel.CHANNEL_EMAIL);
      answer(token, 9);

      var responses = asTenant(ResponseServiceGrpc.newBlockingStub(channel), tenant).listResponses(
          ListResponsesRequest.newBuilder().setSurveyId(distribution.getSurveyId()).build()).getResponsesList();
      assertThat(responses).hasSize(1);
      assertThat(responses.get(0).getContext().getCustomerId()).isEqualTo("c-1");
      assertThat(responses.get(0).getChannel()).isEqualTo(Channel.CHANNEL_EMAIL);
      assertThat(responses.get(0).getDistributionId()).isEqualTo(distribution.getDistributionId());

      var all = invitationsOf(tenant, campaign.getCampaignId());
      var alice = invitationTo(all, "c-1");
      assertThat(alice.getStatus()).isEqualTo(InvitationStatus.INVITATION_STATUS_DELIVERED);
      assertThat(alice.getResponseId()).isEqualTo(responses.get(0).getResponseId());
      assertThat(alice.hasOpenTime()).isTrue();
      assertThat(alice.getAddress()).as("masked").isEqualTo("a***@example.test");
      assertThat(invitationTo(all, "c-2").hasRespondTime()).isFalse();

      var report = invitations(channel, tenant).getCampaignReport(
          GetCampaignReportRequest.newBuilder().setCampaignId(campaign.getCampaignId()).build());
      assertThat(report.getTotal().getInvited()).isEqualTo(2);
      assertThat(report.getTotal().getSent()).isEqualTo(2);
      assertThat(report.getTotal().getDelivered()).isEqualTo(2);
      assertThat(report.getTotal().getOpened()).isEqualTo(1);
      assertThat(report.getTotal().getResponded()).isEqualTo(1);
      assertThat(report.getTotal().getResponseRate()).isEqualTo(0.5);
      assertThat(report.getTotal().hasMedianTimeToRespond()).isTrue();
      assertThat(report.getByChannelList()).singleElement()
          .satisfies(c -> assertThat(c.getChannel()).isEqualTo(Channel.CHANNEL_EMAIL));

      var rates = invitations(channel, tenant).getResponseRates(
          GetResponseRatesRequest.newBuilder().setSurveyId(distribution.getSurveyId()).build());
      assertThat(rates.getByDistributionList()).singleElement().satisfies(d -> {
        assertThat(d.getDistributionId()).isEqualTo(distribution.getDistributionId());
        assertThat(d.getStats().getResponseRate()).isEqualTo(0.5);
      });
      assertThat(rates.getByCampaignList()).singleElement()
          .satisfies(c -> assertThat(c.getCampaignId()).isEqualTo(campaign.getCampaignId()));
    }

    @Test
    void aReminderGoesOnlyToThoseWhoHaveNotAnswered() throws Exception {
      String tenant = newTenant();
      var distribution = distribution(channel, tenant);
      var campaign = emailCampaign(channel, tenant, distribution.getDistributionId(), Duration.ofDays(3),
          email("r-1", "answers@example.test"), email("r-2", "silent@example.test"));
      await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("answers@example.test").size() == 1
          && mailTo("silent@example.test").size() == 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> invitationsOf(tenant, campaign.getCampaignId()).stream()
          .allMatch(i -> i.getReminderStatus() == ReminderStatus.REMINDER_STATUS_SCHEDULED));
      var scheduled = invitationTo(invitationsOf(tenant, campaign.getCampaignId()), "r-2");
      assertThat(Duration.between(Instant.ofEpochSecond(scheduled.getSentTime().getSeconds()),
          Instant.ofEpochSecond(scheduled.getReminderTime().getSeconds()))).isBetween(
          Duration.ofDays(3).minusSeconds(2), Duration.ofDays(3).plusSeconds(2));
      answer(token(LINK, part(mailTo("answers@example.test").get(0), "text/plain")), 10);

      reminderTimeComes(tenant);
      await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("silent@example.test").size() == 2);
      MimeMessage reminder = mailTo("silent@example.test").get(1);
      assertThat(reminder.getSubject()).isEqualTo("Rappel : Votre livraison");
      assertThat(token(LINK, part(reminder, "text/plain")))
          .as("the same personal link").isEqualTo(token(LINK, part(mailTo("silent@example.test").get(0), "text/plain")));

      await().atMost(Duration.ofSeconds(5)).until(() -> invitationTo(
          invitationsOf(tenant, campaign.getCampaignId()), "r-2").getReminderStatus()
          == ReminderStatus.REMINDER_STATUS_SENT);
      assertThat(invitationTo(invitationsOf(tenant, campaign.getCampaignId()), "r-1").getReminderStatus())
          .isEqualTo(ReminderStatus.REMINDER_STATUS_SKIPPED);
      assertThat(mailTo("answers@example.test")).as("no reminder to a respondent").hasSize(1);
    }

    @Test
    void anOptOutStopsTheReminderAndEveryLaterCampaign() throws Exception {
      String tenant = newTenant();
      var distribution = distribution(channel, tenant);
      var first = emailCampaign(channel, tenant, distribution.getDistributionId(), Duration.ofDays(2),
          email("o-1", "Leave.Me@example.test"), email("o-2", "stays@example.test"));
      await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("Leave.Me@example.test").size() == 1
          && mailTo("stays@example.test").size() == 1);
      String optOutToken = token(OPT_OUT, part(mailTo("Leave.Me@example.test").get(0), "text/plain"));

      var optedOut = RespondentlessOptOut.optOut(channel, optOutToken);
      assertThat(optedOut.getOptedOut()).isTrue();
      assertThat(optedOut.getMessage()).isEqualTo("Vous ne recevrez plus d'invitations à nos questionnaires.");
      RespondentlessOptOut.optOut(channel, optOutToken); // twice changes nothing

      reminderTimeComes(tenant);
      await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("stays@example.test").size() == 2);
      await().atMost(Duration.ofSeconds(5)).until(() -> invitationTo(
          invitationsOf(tenant, first.getCampaignId()), "o-1").getReminderStatus()
          == ReminderStatus.REMINDER_STATUS_SKIPPED);

      // the same address in another case, and the same customer with another address
      var second = emailCampaign(channel, tenant, distribution.getDistributionId(), null,
          email("o-9", "leave.me@EXAMPLE.test"), email("o-1", "new-address@example.test"),
          email("o-3", "stays@example.test"));
      await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("stays@example.test").size() == 3);
      var all = invitationsOf(tenant, second.getCampaignId());
      assertThat(invitationTo(all, "o-9").getStatus()).isEqualTo(InvitationStatus.INVITATION_STATUS_SUPPRESSED);
      assertThat(invitationTo(all, "o-1").getStatus()).isEqualTo(InvitationStatus.INVITATION_STATUS_SUPPRESSED);
      assertThat(mailTo("Leave.Me@example.test")).hasSize(1);
      assertThat(mailTo("leave.me@EXAMPLE.test")).isEmpty();
      assertThat(mailTo("new-address@example.test")).isEmpty();
      var report = invitations(channel, tenant).getCampaignReport(
          GetCampaignReportRequest.newBuilder().setCampaignId(second.getCampaignId()).build());
      assertThat(report.getTotal().getSuppressed()).isEqualTo(2);
    }

    @Test
    void badRecipientsAreAllNamedAndNothingIsStored() {
      String tenant = newTenant();
      var distribution = distribution(channel, tenant);
      var error = failure(() -> emailCampaign(channel, tenant, distribution.getDistributionId(), Duration.ofMinutes(5),
          email("ok", "fine@example.test"), email("bad", "not-an-address"), email("dup", "FINE@example.test"),
          Recipient.newBuilder().setName("no address, no customer id").build()));
      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(error)).containsExactlyInAnyOrder(
          "campaign.reminder_after", "recipients[1].email", "recipients[2].email", "recipients[3].email");
      assertThat(invitations(channel, tenant).listCampaigns(ListCampaignsRequest.newBuilder()
          .setDistributionId(distribution.getDistributionId()).build()).getCampaignsList()).isEmpty();
    }

    @Test
    void anotherTenantsCampaignIsNotFound() {
      String tenant = newTenant();
      var distribution = distribution(channel, tenant);
      var campaign = emailCampaign(channel, tenant, distribution.getDistributionId(), null,
          email("t-1", "tenant-check@example.test"));
      var error = failure(() -> invitations(channel, newTenant()).getCampaignReport(
          GetCampaignReportRequest.newBuilder().setCampaignId(campaign.getCampaignId()).build()));
      assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      var other = failure(() -> emailCampaign(channel, newTenant(), distribution.getDistributionId(), null,
          email("t-2", "x@example.test")));
      assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }
  }

  @Nested
  class Sms {

    @Test
    void anSmsGoesThroughTheProviderWithItsLinkAndAProviderRefusalIsRetried() {
      String tenant = newTenant();
      smsProvider.stubFor(post("/sms").inScenario("sms").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
      smsProvider.stubFor(post("/sms").inScenario("sms").whenScenarioStateIs("up")
          .willReturn(aResponse().withStatus(202).withBody("{\"id\":\"m-1\"}")));
      var distribution = distribution(channel, tenant);
      var campaign = invitations(channel, tenant).createCampaign(CreateCampaignRequest.newBuilder()
          .setDistributionId(distribution.getDistributionId())
          .setCampaign(Campaign.newBuilder().setChannel(Channel.CHANNEL_SMS).setLanguage("en"))
          .addRecipients(Recipient.newBuilder().setCustomerId("s-1").setPhone("+33612345678"))
          .build());

      await().atMost(Duration.ofSeconds(15)).until(() -> invitationsOf(tenant, campaign.getCampaignId()).get(0)
          .getStatus() == InvitationStatus.INVITATION_STATUS_DELIVERED);
      var requests = smsProvider.findAll(postRequestedFor(urlEqualTo("/sms"))
          .withHeader("Authorization", equalTo("Bearer sms-secret")));
      assertThat(requests).hasSize(2);
      String body = requests.get(1).getBodyAsString();
      var json = Document.parse(body);
      assertThat(json.getString("to")).isEqualTo("+33612345678");
      assertThat(json.getString("from")).isEqualTo("ACME");
      String token = token(LINK, json.getString("text"));
      assertThat(json.getString("text")).startsWith("How did we do?").contains("/opt-out");

      var invitation = invitationsOf(tenant, campaign.getCampaignId()).get(0);
      assertThat(invitation.getAttemptsList()).extracting(a -> a.getOutcome()).containsExactly("retry", "accepted");
      assertThat(invitation.getAddress()).isEqualTo("+33*******78");
      answer(token, 4);
      var responses = asTenant(ResponseServiceGrpc.newBlockingStub(channel), tenant).listResponses(
          ListResponsesRequest.newBuilder().setSurveyId(distribution.getSurveyId()).build()).getResponsesList();
      assertThat(responses).singleElement().satisfies(r -> {
        assertThat(r.getChannel()).isEqualTo(Channel.CHANNEL_SMS);
        assertThat(r.getContext().getCustomerId()).isEqualTo("s-1");
      });
    }
  }

  @Nested
  class Restart {

    @Test
    void aRestartInTheMiddleOfACampaignSendsEachMessageOnce() throws Exception {
      String tenant = newTenant();
      String database = "cx_survey_restart";
      // two messages per second per tenant: the campaign outlives the first instance
      String[] throttled = settings(database, "cx.survey.invitations.per-tenant-limit=2",
          "cx.survey.invitations.throttle-window=1s");
      var recipients = new ArrayList<Recipient>();
      for (int i = 0; i < 8; i++) {
        recipients.add(email("m-" + i, "restart-" + i + "@example.test"));
      }
      var first = TestServices.startSurvey(mongo, database, "localhost:1", throttled);
      var firstChannel = TestServices.channel(TestServices.grpcPort(first));
      Campaign campaign;
      try {
        campaign = emailCampaign(firstChannel, tenant, distribution(firstChannel, tenant).getDistributionId(), null,
            recipients.toArray(Recipient[]::new));
        await().atMost(Duration.ofSeconds(15)).until(() -> received(recipients) >= 2);
      } finally {
        firstChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        first.close();
      }
      int beforeRestart = received(recipients);
      assertThat(beforeRestart).as("stopped mid-campaign").isLessThan(8);

      // what a crash between the claim and the send's outcome leaves: a claim never cleared
      var collection = client.getDatabase(database).getCollection("invitations");
      var queued = collection.find(Filters.and(Filters.eq("tenantId", tenant), Filters.eq("status", "QUEUED"))).first();
      assertThat(queued).isNotNull();
      collection.updateOne(Filters.eq("_id", queued.getString("_id")), Updates.combine(
          Updates.unset("nextSendAt"), Updates.set("status", "SENDING"),
          Updates.set("sendingSince", Date.from(Instant.now().minus(Duration.ofHours(1))))));
      String crashed = queued.getString("address");

      var second = TestServices.startSurvey(mongo, database, "localhost:1", throttled);
      var secondChannel = TestServices.channel(TestServices.grpcPort(second));
      try {
        await().atMost(Duration.ofSeconds(20)).until(() -> invitationsOf(secondChannel, tenant, campaign.getCampaignId())
            .stream().noneMatch(i -> i.getStatus() == InvitationStatus.INVITATION_STATUS_QUEUED
                || i.getStatus() == InvitationStatus.INVITATION_STATUS_SENDING));
        for (var r : recipients) {
          assertThat(mailTo(r.getEmail())).as(r.getEmail())
              .hasSize(r.getEmail().equals(crashed) ? 0 : 1);
        }
        var all = invitationsOf(secondChannel, tenant, campaign.getCampaignId());
        assertThat(all).filteredOn(i -> i.getStatus() == InvitationStatus.INVITATION_STATUS_UNCERTAIN).hasSize(1);
        assertThat(all).filteredOn(i -> i.getStatus() == InvitationStatus.INVITATION_STATUS_DELIVERED).hasSize(7);
        assertThat(received(recipients)).isEqualTo(7);
      } finally {
        secondChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        second.close();
      }
    }

    private int received(List<Recipient> recipients) {
      return recipients.stream().mapToInt(r -> mailTo(r.getEmail()).size()).sum();
    }
  }

  /** The public opt-out route, as the link in a message calls it (no tenant). */
  static final class RespondentlessOptOut {
    static io.cxhub.proto.survey.v1.OptOutResponse optOut(ManagedChannel channel, String token) {
      return InvitationServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .optOut(OptOutRequest.newBuilder().setToken(token).build());
    }
  }
}
