package io.cxhub.survey;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.ChoiceSelection;
import io.cxhub.proto.survey.v1.Choice;
import io.cxhub.proto.survey.v1.CommentFilter;
import io.cxhub.proto.survey.v1.CreateDistributionRequest;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.Distribution;
import io.cxhub.proto.survey.v1.DistributionServiceGrpc;
import io.cxhub.proto.survey.v1.ExportResponsesRequest;
import io.cxhub.proto.survey.v1.GetResponseRequest;
import io.cxhub.proto.survey.v1.ListResponsesRequest;
import io.cxhub.proto.survey.v1.NpsCategory;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import io.cxhub.proto.survey.v1.RespondentContext;
import io.cxhub.proto.survey.v1.RespondentServiceGrpc;
import io.cxhub.proto.survey.v1.ResponseServiceGrpc;
import io.cxhub.proto.survey.v1.ResponseServiceGrpc.ResponseServiceBlockingStub;
import io.cxhub.proto.survey.v1.SubmitPublicResponseRequest;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyResponse;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Responses for analysts (list, get, CSV export) over real gRPC against the embedded MongoDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponsesIT {

  private static final String TENANT = "acme";
  private static final String AWKWARD = "Livré « à l'heure », mais \"carton\" abîmé;\nsecond line, élève — ça va?";

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;
  private Survey survey;
  private Distribution sms;
  private Distribution qr;
  private final List<SurveyResponse> submitted = new ArrayList<>();

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    app = TestServices.startSurvey(mongo, "cx_survey", "localhost:1", "cx.survey.relay.enabled=false");
    channel = TestServices.channel(TestServices.grpcPort(app));
    survey = asTenant(SurveyServiceGrpc.newBlockingStub(channel), TENANT)
        .createSurvey(CreateSurveyRequest.newBuilder().setSurvey(Survey.newBuilder().setTitle("Livraison")
            .setState(SurveyState.SURVEY_STATE_ACTIVE)
            .addQuestions(Question.newBuilder().setQuestionId("nps").setKind(QuestionKind.QUESTION_KIND_NPS)
                .setText("Recommend?").setRequired(true))
            .addQuestions(Question.newBuilder().setQuestionId("why").setKind(QuestionKind.QUESTION_KIND_MULTIPLE_CHOICE)
                .setText("Why?").addChoices(Choice.newBuilder().setChoiceId("prix").setLabel("Prix"))
                .addChoices(Choice.newBuilder().setChoiceId("delai").setLabel("Délai")))
            .addQuestions(Question.newBuilder().setQuestionId("comment").setKind(QuestionKind.QUESTION_KIND_FREE_TEXT)
                .setText("Comment?")))
            .build());
    var distributions = asTenant(DistributionServiceGrpc.newBlockingStub(channel), TENANT);
    sms = distributions.createDistribution(CreateDistributionRequest.newBuilder().setSurveyId(survey.getSurveyId())
        .setDistribution(Distribution.newBuilder().setChannel(Channel.CHANNEL_SMS)).build());
    qr = distributions.createDistribution(CreateDistributionRequest.newBuilder().setSurveyId(survey.getSurveyId())
        .setDistribution(Distribution.newBuilder().setChannel(Channel.CHANNEL_QR)).build());
    // 10 promoters by SMS without comment, 5 detractors by QR with an awkward comment
    for (int i = 0; i < 10; i++) {
      submitted.add(submit(sms, 10, null));
    }
    for (int i = 0; i < 5; i++) {
      submitted.add(submit(qr, 2, AWKWARD + i));
    }
  }

  private SurveyResponse submit(Distribution d, int score, String comment) {
    var request = SubmitPublicResponseRequest.newBuilder().setToken(d.getToken())
        .addAnswers(Answer.newBuilder().setQuestionId("nps").setScore(score))
        .addAnswers(Answer.newBuilder().setQuestionId("why").setChoices(ChoiceSelection.newBuilder()
            .addChoiceIds("prix").addChoiceIds("delai")))
        .setContext(RespondentContext.newBuilder().setCustomerId("client, \"VIP\"").setLocale("fr-FR"));
    if (comment != null) {
      request.addAnswers(Answer.newBuilder().setQuestionId("comment").setText(comment));
    }
    return RespondentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .submitPublicResponse(request.build());
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    mongo.close();
  }

  private ResponseServiceBlockingStub responses(String tenant) {
    return asTenant(ResponseServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @Nested
  class Listing {

    @Test
    void filtersByChannelNpsCategoryAndComment() {
      var byQr = responses(TENANT).listResponses(ListResponsesRequest.newBuilder()
          .setChannel(Channel.CHANNEL_QR).setPageSize(100).build());
      assertThat(byQr.getResponsesList()).hasSize(5).allMatch(r -> r.getChannel() == Channel.CHANNEL_QR);

      var promoters = responses(TENANT).listResponses(ListResponsesRequest.newBuilder()
          .setSurveyId(survey.getSurveyId()).setNpsCategory(NpsCategory.NPS_CATEGORY_PROMOTER).setPageSize(100).build());
      assertThat(promoters.getResponsesList()).hasSize(10);

      var withComment = responses(TENANT).listResponses(ListResponsesRequest.newBuilder()
          .setComment(CommentFilter.COMMENT_FILTER_WITH_COMMENT).setPageSize(100).build());
      assertThat(withComment.getResponsesList()).hasSize(5);

      var none = responses(TENANT).listResponses(ListResponsesRequest.newBuilder()
          .setChannel(Channel.CHANNEL_SMS).setNpsCategory(NpsCategory.NPS_CATEGORY_DETRACTOR).build());
      assertThat(none.getResponsesList()).isEmpty();
    }

    @Test
    void pagesThroughEverythingNewestFirstWithoutDuplicates() {
      var seen = new ArrayList<String>();
      String token = "";
      do {
        var page = responses(TENANT).listResponses(ListResponsesRequest.newBuilder()
            .setPageSize(4).setPageToken(token).build());
        page.getResponsesList().forEach(r -> seen.add(r.getResponseId()));
        token = page.getNextPageToken();
      } while (!token.isEmpty());

      assertThat(seen).hasSize(15).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(submitted.stream().map(SurveyResponse::getResponseId).toList());
    }

    /** The repro: a token reused with another filter gave an empty page. */
    @Test
    void aPageTokenReusedWithAnotherFilterIsRefusedNamingIt() {
      var first = responses(TENANT).listResponses(ListResponsesRequest.newBuilder()
          .setChannel(Channel.CHANNEL_QR).setPageSize(2).build());
      assertThat(first.getNextPageToken()).isNotEmpty();

      var e = catchThrowableOfType(StatusRuntimeException.class, () -> responses(TENANT).listResponses(
          ListResponsesRequest.newBuilder().setChannel(Channel.CHANNEL_EMAIL).setPageSize(2)
              .setPageToken(first.getNextPageToken()).build()));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(e.getStatus().getDescription()).contains("page_token");
      var next = responses(TENANT).listResponses(ListResponsesRequest.newBuilder()
          .setChannel(Channel.CHANNEL_QR).setPageSize(2).setPageToken(first.getNextPageToken()).build());
      assertThat(next.getResponsesList()).hasSize(2).allMatch(r -> r.getChannel() == Channel.CHANNEL_QR);
    }

    @Test
    void getsOneAndHidesItFromOtherTenants() {
      var id = submitted.get(0).getResponseId();
      assertThat(responses(TENANT).getResponse(GetResponseRequest.newBuilder().setResponseId(id).build())
          .getContext().getCustomerId()).isEqualTo("client, \"VIP\"");
      var e = catchThrowableOfType(StatusRuntimeException.class,
          () -> responses("globex").getResponse(GetResponseRequest.newBuilder().setResponseId(id).build()));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }
  }

  @Nested
  class LiveFeed {

    @Test
    void aWatcherReceivesResponsesAcceptedAfterItSubscribedForItsTenantAndSurveyOnly() {
      // its own tenant and surveys, so the other tests' counts stay put
      String feedTenant = "feedco";
      var watched = asTenant(SurveyServiceGrpc.newBlockingStub(channel), feedTenant).createSurvey(CreateSurveyRequest
          .newBuilder().setSurvey(survey.toBuilder().clearSurveyId().setState(SurveyState.SURVEY_STATE_ACTIVE)).build());
      var other = asTenant(SurveyServiceGrpc.newBlockingStub(channel), feedTenant).createSurvey(CreateSurveyRequest
          .newBuilder().setSurvey(survey.toBuilder().clearSurveyId().setState(SurveyState.SURVEY_STATE_ACTIVE)).build());
      var link = asTenant(DistributionServiceGrpc.newBlockingStub(channel), feedTenant).createDistribution(
          CreateDistributionRequest.newBuilder().setSurveyId(watched.getSurveyId())
              .setDistribution(Distribution.newBuilder().setChannel(Channel.CHANNEL_QR)).build());
      var otherLink = asTenant(DistributionServiceGrpc.newBlockingStub(channel), feedTenant).createDistribution(
          CreateDistributionRequest.newBuilder().setSurveyId(other.getSurveyId())
              .setDistribution(Distribution.newBuilder().setChannel(Channel.CHANNEL_SMS)).build());
      var received = new java.util.concurrent.CopyOnWriteArrayList<SurveyResponse>();
      var context = io.grpc.Context.current().withCancellation();
      try {
        context.run(() -> asTenant(ResponseServiceGrpc.newStub(channel), feedTenant).watchResponses(
            io.cxhub.proto.survey.v1.WatchResponsesRequest.newBuilder().setSurveyId(watched.getSurveyId()).build(),
            new io.grpc.stub.StreamObserver<>() {
              @Override
              public void onNext(SurveyResponse value) {
                received.add(value);
              }

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {}
            }));
        // the subscription is registered once the call reached the service
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
          var probe = submit(link, 8, null);
          return received.stream().anyMatch(r -> r.getResponseId().equals(probe.getResponseId()));
        });
        received.clear();

        submit(otherLink, 10, null); // another survey: not for this watcher
        var live = submit(link, 1, "Trop lent");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
            .until(() -> received.stream().anyMatch(r -> r.getResponseId().equals(live.getResponseId())));
        assertThat(received).allMatch(r -> r.getSurveyId().equals(watched.getSurveyId()));
        assertThat(received.get(received.size() - 1).getChannel()).isEqualTo(Channel.CHANNEL_QR);
      } finally {
        context.cancel(null);
      }
    }
  }

  @Nested
  class Export {

    @Test
    void theCsvParsesBackToExactlyWhatWasSubmitted() throws Exception {
      var csv = new StringBuilder();
      var chunks = responses(TENANT).exportResponses(
          ExportResponsesRequest.newBuilder().setSurveyId(survey.getSurveyId()).build());
      chunks.forEachRemaining(body -> {
        assertThat(body.getContentType()).isEqualTo("text/csv; charset=utf-8");
        csv.append(body.getData().toStringUtf8());
      });

      List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(csv.toString())).getRecords();

      assertThat(records).hasSize(15);
      assertThat(records.get(0).getParser().getHeaderNames()).containsExactly("response_id", "submit_time",
          "survey_version", "channel", "distribution_id", "customer_id", "order_id", "locale", "nps", "why", "comment");
      assertThat(records).extracting(r -> r.get("response_id"))
          .containsExactlyInAnyOrderElementsOf(submitted.stream().map(SurveyResponse::getResponseId).toList());
      var comments = records.stream().filter(r -> r.get("channel").equals("QR")).map(r -> r.get("comment")).toList();
      assertThat(comments).containsExactlyInAnyOrder(AWKWARD + 0, AWKWARD + 1, AWKWARD + 2, AWKWARD + 3, AWKWARD + 4);
      assertThat(records).allSatisfy(r -> {
        assertThat(r.get("customer_id")).isEqualTo("client, \"VIP\"");
        assertThat(r.get("why")).isEqualTo("prix;delai");
      });
    }

    @Test
    void theNdjsonHasOneResponsePerLineAsGetResponseReturnsIt() throws Exception {
      var ndjson = new StringBuilder();
      responses(TENANT).exportResponses(ExportResponsesRequest.newBuilder().setSurveyId(survey.getSurveyId())
          .setFormat(io.cxhub.proto.survey.v1.ExportFormat.EXPORT_FORMAT_NDJSON).build())
          .forEachRemaining(body -> {
            assertThat(body.getContentType()).isEqualTo("application/x-ndjson");
            ndjson.append(body.getData().toStringUtf8());
          });

      var lines = ndjson.toString().split("\n");
      assertThat(lines).hasSize(15);
      var parsed = new ArrayList<SurveyResponse>();
      for (String line : lines) {
        var r = SurveyResponse.newBuilder();
        com.google.protobuf.util.JsonFormat.parser().merge(line, r);
        parsed.add(r.build());
      }
      assertThat(parsed).containsExactlyInAnyOrderElementsOf(submitted.stream()
          .map(s -> responses(TENANT).getResponse(GetResponseRequest.newBuilder().setResponseId(s.getResponseId()).build()))
          .toList());
      assertThat(parsed).isSortedAccordingTo(java.util.Comparator.comparing(
          (SurveyResponse r) -> com.google.protobuf.util.Timestamps.toNanos(r.getSubmitTime())));
    }
  }
}
