package io.cxhub.journey;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.survey.v1.AlertServiceGrpc;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.FireAlertRequest;
import io.cxhub.proto.survey.v1.FireAlertResponse;
import io.cxhub.proto.survey.v1.ListResponsesRequest;
import io.cxhub.proto.survey.v1.ListResponsesResponse;
import io.cxhub.proto.survey.v1.ResponseServiceGrpc;
import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyResponse;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.cxhub.proto.persona.v1.Customer;
import io.cxhub.proto.persona.v1.CustomerServiceGrpc;
import io.cxhub.proto.persona.v1.CustomerTransactional;
import io.cxhub.proto.persona.v1.CustomerValue;
import io.cxhub.proto.persona.v1.LookupCustomersRequest;
import io.cxhub.proto.persona.v1.LookupCustomersResponse;
import io.cxhub.proto.survey.v1.CommentFilter;
import io.cxhub.proto.survey.v1.NpsCategory;
import io.cxhub.proto.survey.v1.RespondentContext;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for survey-service's FireAlert (idempotent per alert id, as the real one) and
 * ListResponses (one canned detractor comment per stage asked for), served on a real port
 * behind the kit's tenant interceptor.
 */
final class FakeSurveyService {

  /** A FireAlert call as received. */
  record Fired(String tenantId, FireAlertRequest request) {}

  final List<Fired> calls = new ArrayList<>();
  final Map<String, Fired> byAlertId = new LinkedHashMap<>();
  final List<ListResponsesRequest> listed = new ArrayList<>();

  final AlertServiceGrpc.AlertServiceImplBase alerts = new AlertServiceGrpc.AlertServiceImplBase() {
    @Override
    public void fireAlert(FireAlertRequest request, StreamObserver<FireAlertResponse> response) {
      synchronized (FakeSurveyService.this) {
        var fired = new Fired(TenantContext.require(), request);
        calls.add(fired);
        byAlertId.putIfAbsent(request.getAlertId(), fired);
      }
      response.onNext(FireAlertResponse.newBuilder().setEventId("evt-" + request.getAlertId()).build());
      response.onCompleted();
    }
  };

  final ResponseServiceGrpc.ResponseServiceImplBase responses = new ResponseServiceGrpc.ResponseServiceImplBase() {
    @Override
    public void listResponses(ListResponsesRequest request, StreamObserver<ListResponsesResponse> response) {
      synchronized (FakeSurveyService.this) {
        listed.add(request);
      }
      if (request.getSurveyId().equals(KEY_DRIVER_SURVEY)) {
        response.onNext(keyDriverPage(request.getPageToken()));
        response.onCompleted();
        return;
      }
      if (request.getComment() == CommentFilter.COMMENT_FILTER_UNSPECIFIED
          && request.getNpsCategory() == NpsCategory.NPS_CATEGORY_DETRACTOR) {
        response.onNext(detractorCustomersPage(request));
        response.onCompleted();
        return;
      }
      response.onNext(ListResponsesResponse.newBuilder()
          .addResponses(SurveyResponse.newBuilder().setResponseId("resp-1").setSurveyId("s-delivery")
              .addAnswers(Answer.newBuilder().setQuestionId("nps").setScore(2))
              .addAnswers(Answer.newBuilder().setQuestionId("why").setText("Colis livré avec 5 jours de retard")))
          .build());
      response.onCompleted();
    }
  };

  /**
   * Detractor responses of the delivery stage for the revenue at risk, two pages: customers
   * c-1 (twice), c-2, c-3 (not valued), c-9 (unknown to persona-service) and an anonymous one.
   */
  static ListResponsesResponse detractorCustomersPage(ListResponsesRequest request) {
    var page = ListResponsesResponse.newBuilder();
    if (!request.getStageId().equals("livraison")) {
      return page.build();
    }
    List<String> ids = request.getPageToken().isEmpty() ? List.of("c-1", "c-2", "") : List.of("c-1", "c-3", "c-9");
    for (String id : ids) {
      page.addResponses(SurveyResponse.newBuilder().setResponseId("d-" + id).setSurveyId("s-livraison")
          .setContext(RespondentContext.newBuilder().setCustomerId(id))
          .addAnswers(Answer.newBuilder().setQuestionId("nps").setScore(2)));
    }
    if (request.getPageToken().isEmpty()) {
      page.setNextPageToken("page-2");
    }
    return page.build();
  }

  /** persona-service's LookupCustomers: c-1 and c-2 valued in euros, c-3 known but never valued. */
  final CustomerServiceGrpc.CustomerServiceImplBase customers = new CustomerServiceGrpc.CustomerServiceImplBase() {
    @Override
    public void lookupCustomers(LookupCustomersRequest request, StreamObserver<LookupCustomersResponse> response) {
      var known = Map.of(
          "c-1", Customer.newBuilder().setCustomerId("c-1")
              .setTransactional(CustomerTransactional.newBuilder().setTotalSpent(800).setCurrency("EUR"))
              .setValue(CustomerValue.newBuilder().setClv(1200.5)).build(),
          "c-2", Customer.newBuilder().setCustomerId("c-2")
              .setTransactional(CustomerTransactional.newBuilder().setTotalSpent(100).setCurrency("EUR"))
              .setValue(CustomerValue.newBuilder().setClv(300)).build(),
          "c-3", Customer.newBuilder().setCustomerId("c-3").build());
      var answer = LookupCustomersResponse.newBuilder();
      request.getCustomerIdsList().stream().filter(known::containsKey).forEach(id -> answer.addCustomers(known.get(id)));
      response.onNext(answer.build());
      response.onCompleted();
    }
  };

  /** A survey with an overall NPS and two aspect ratings, whose 300 responses follow the delivery rating. */
  static final String KEY_DRIVER_SURVEY = "s-key-drivers";

  final SurveyServiceGrpc.SurveyServiceImplBase surveys = new SurveyServiceGrpc.SurveyServiceImplBase() {
    @Override
    public void getSurvey(GetSurveyRequest request, StreamObserver<Survey> response) {
      response.onNext(Survey.newBuilder().setSurveyId(request.getSurveyId())
          .addQuestions(Question.newBuilder().setQuestionId("nps").setKind(QuestionKind.QUESTION_KIND_NPS).setScaleMin(0).setScaleMax(10))
          .addQuestions(Question.newBuilder().setQuestionId("delivery").setKind(QuestionKind.QUESTION_KIND_RATING).setScaleMin(1).setScaleMax(5))
          .addQuestions(Question.newBuilder().setQuestionId("price").setKind(QuestionKind.QUESTION_KIND_RATING).setScaleMin(1).setScaleMax(5))
          .addQuestions(Question.newBuilder().setQuestionId("why").setKind(QuestionKind.QUESTION_KIND_FREE_TEXT))
          .build());
      response.onCompleted();
    }
  };

  /** Three pages of 100: the overall score is twice the delivery rating, give or take the price. */
  private static ListResponsesResponse keyDriverPage(String token) {
    int page = token.isEmpty() ? 0 : Integer.parseInt(token);
    var builder = ListResponsesResponse.newBuilder();
    var random = new java.util.Random(page);
    for (int i = 0; i < 100; i++) {
      int delivery = 1 + random.nextInt(5);
      int price = 1 + random.nextInt(5);
      int nps = Math.max(0, Math.min(10, 2 * delivery + (price >= 4 ? 1 : 0) - 1 + random.nextInt(2)));
      builder.addResponses(SurveyResponse.newBuilder().setResponseId("kd-" + page + "-" + i).setSurveyId(KEY_DRIVER_SURVEY)
          .addAnswers(Answer.newBuilder().setQuestionId("nps").setScore(nps))
          .addAnswers(Answer.newBuilder().setQuestionId("delivery").setScore(delivery))
          .addAnswers(Answer.newBuilder().setQuestionId("price").setScore(price)));
    }
    return builder.setNextPageToken(page < 2 ? Integer.toString(page + 1) : "").build();
  }

  synchronized List<Fired> alertsOf(String tenant) {
    return byAlertId.values().stream().filter(f -> f.tenantId().equals(tenant)).toList();
  }
}
