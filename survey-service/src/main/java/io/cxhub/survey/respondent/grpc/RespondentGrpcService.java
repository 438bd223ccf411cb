package io.cxhub.survey.respondent.grpc;

import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.Choice;
import io.cxhub.proto.survey.v1.GetPublicSurveyRequest;
import io.cxhub.proto.survey.v1.LinkAvailability;
import io.cxhub.proto.survey.v1.PublicSurvey;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.RespondentServiceGrpc;
import io.cxhub.proto.survey.v1.SubmitPublicResponseRequest;
import io.cxhub.proto.survey.v1.SurveyResponse;
import io.cxhub.survey.distribution.ManageBranding;
import io.cxhub.survey.distribution.grpc.DistributionProtoMapper;
import io.cxhub.survey.respondent.PublicSubmission;
import io.cxhub.survey.respondent.PublicSurveys;
import io.cxhub.survey.respondent.SubmitPublicResponse;
import io.cxhub.survey.response.AnswerValue;
import io.cxhub.survey.response.RespondentContext;
import io.cxhub.survey.response.SubmittedAnswer;
import io.cxhub.survey.response.grpc.ResponseProtoMapper;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The public cx.survey.v1.RespondentService endpoint (no tenant: the token designates it). */
@Service
class RespondentGrpcService extends RespondentServiceGrpc.RespondentServiceImplBase {

  private final PublicSurveys publicSurveys;
  private final SubmitPublicResponse submit;
  private final ManageBranding branding;

  RespondentGrpcService(PublicSurveys publicSurveys, SubmitPublicResponse submit, ManageBranding branding) {
    this.publicSurveys = publicSurveys;
    this.submit = submit;
    this.branding = branding;
  }

  @Override
  public void getPublicSurvey(GetPublicSurveyRequest request, StreamObserver<PublicSurvey> response) {
    var opened = publicSurveys.view(request.getToken());
    var survey = opened.survey();
    String language = PublicSurveys.language(survey, request.getLang(), request.getAcceptLanguage());
    var builder = PublicSurvey.newBuilder()
        .setToken(request.getToken())
        .setLanguage(language)
        .setTitle(survey.title(language))
        .setVersion(survey.version())
        .setChannel(ProtoChannels.toProto(opened.channel()))
        .addAllLanguages(PublicSurveys.languages(survey))
        .setAvailability(LinkAvailability.valueOf("LINK_AVAILABILITY_" + publicSurveys.availability(opened).name()))
        .setBranding(DistributionProtoMapper.toProto(
            branding.get(opened.distribution().tenantId()).forDistribution(opened.distribution())))
        .setKiosk(opened.distribution().page().kiosk());
    for (var q : survey.questions()) {
      var question = Question.newBuilder()
          .setQuestionId(q.id())
          .setKind(io.cxhub.proto.survey.v1.QuestionKind.valueOf("QUESTION_KIND_" + q.kind().name()))
          .setText(q.text(language))
          .setRequired(q.required())
          .setScaleMin(q.scaleMin())
          .setScaleMax(q.scaleMax());
      q.choices().forEach(c -> question.addChoices(
          Choice.newBuilder().setChoiceId(c.id()).setLabel(c.label(language))));
      builder.addQuestions(question);
    }
    response.onNext(builder.build());
    response.onCompleted();
  }

  @Override
  public void submitPublicResponse(SubmitPublicResponseRequest request, StreamObserver<SurveyResponse> response) {
    var answers = request.getAnswersList().stream().map(a -> new SubmittedAnswer(a.getQuestionId(), value(a))).toList();
    var c = request.getContext();
    var submission = new PublicSubmission(
        request.getToken(),
        answers,
        new RespondentContext(c.getCustomerId(), c.getOrderId(), c.getLocale(), c.getMetadataMap()),
        request.getIdempotencyKey());
    var accepted = submit.submit(submission, ClientAddressInterceptor.current());
    response.onNext(ResponseProtoMapper.toProto(accepted));
    response.onCompleted();
  }

  private static AnswerValue value(Answer answer) {
    return switch (answer.getValueCase()) {
      case SCORE -> new AnswerValue.Score(answer.getScore());
      case TEXT -> new AnswerValue.Text(answer.getText());
      case CHOICES -> new AnswerValue.Choices(answer.getChoices().getChoiceIdsList());
      case VALUE_NOT_SET -> null;
    };
  }
}
