package io.cxhub.survey.survey.grpc;

import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.ListSurveysResponse;
import io.cxhub.survey.survey.Choice;
import io.cxhub.survey.survey.JourneyLink;
import io.cxhub.survey.survey.ListSurveys;
import io.cxhub.survey.survey.Question;
import io.cxhub.survey.survey.QuestionKind;
import io.cxhub.survey.survey.Survey;
import io.cxhub.survey.survey.SurveyDraft;
import io.cxhub.survey.survey.SurveyState;

/** Survey messages of the cx.survey.v1 contract to and from the domain. */
final class SurveyProtoMapper {

  private SurveyProtoMapper() {}

  /** @return null when the request has no survey (the validator reports it) */
  static SurveyDraft toDraft(CreateSurveyRequest request) {
    return request.hasSurvey() ? toDraft(request.getSurvey()) : null;
  }

  /** @return null for SURVEY_STATE_UNSPECIFIED (the use case's default) */
  static SurveyState toState(io.cxhub.proto.survey.v1.SurveyState state) {
    return switch (state) {
      case SURVEY_STATE_DRAFT -> SurveyState.DRAFT;
      case SURVEY_STATE_ACTIVE -> SurveyState.ACTIVE;
      case SURVEY_STATE_CLOSED -> SurveyState.CLOSED;
      case SURVEY_STATE_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }

  static SurveyDraft toDraft(io.cxhub.proto.survey.v1.Survey survey) {
    var questions = survey.getQuestionsList().stream()
        .map(q -> new SurveyDraft.QuestionDraft(
            q.getQuestionId(),
            toKind(q.getKind()),
            q.getText(),
            q.getRequired(),
            q.getScaleMin(),
            q.getScaleMax(),
            q.getChoicesList().stream()
                .map(c -> new Choice(c.getChoiceId(), c.getLabel(), c.getLabelTranslationsMap()))
                .toList(),
            q.getTextTranslationsMap()))
        .toList();
    return new SurveyDraft(
        survey.getTitle(),
        survey.getDescription(),
        questions,
        survey.getDefaultLanguage(),
        survey.getTitleTranslationsMap(),
        new JourneyLink(survey.getJourneyId(), survey.getStageId(), survey.getTouchpointId()));
  }

  static QuestionKind toKind(io.cxhub.proto.survey.v1.QuestionKind kind) {
    return switch (kind) {
      case QUESTION_KIND_NPS -> QuestionKind.NPS;
      case QUESTION_KIND_CSAT -> QuestionKind.CSAT;
      case QUESTION_KIND_CES -> QuestionKind.CES;
      case QUESTION_KIND_RATING -> QuestionKind.RATING;
      case QUESTION_KIND_SINGLE_CHOICE -> QuestionKind.SINGLE_CHOICE;
      case QUESTION_KIND_MULTIPLE_CHOICE -> QuestionKind.MULTIPLE_CHOICE;
      case QUESTION_KIND_FREE_TEXT -> QuestionKind.FREE_TEXT;
      case QUESTION_KIND_UNSPECIFIED, UNRECOGNIZED -> null;
    };
  }

  static io.cxhub.proto.survey.v1.QuestionKind toProto(QuestionKind kind) {
    return io.cxhub.proto.survey.v1.QuestionKind.valueOf("QUESTION_KIND_" + kind.name());
  }

  static io.cxhub.proto.survey.v1.SurveyState toProto(SurveyState state) {
    return io.cxhub.proto.survey.v1.SurveyState.valueOf("SURVEY_STATE_" + state.name());
  }

  static io.cxhub.proto.survey.v1.Survey toProto(Survey survey) {
    var builder = io.cxhub.proto.survey.v1.Survey.newBuilder()
        .setSurveyId(survey.id())
        .setTitle(survey.title())
        .setDescription(survey.description())
        .setState(toProto(survey.state()))
        .setVersion(survey.version())
        .setCreateTime(ProtoTimestamps.toProto(survey.createTime()))
        .setUpdateTime(ProtoTimestamps.toProto(survey.updateTime()))
        .setDefaultLanguage(survey.defaultLanguage())
        .putAllTitleTranslations(survey.titleTranslations())
        .setJourneyId(survey.journeyLink().journeyId())
        .setStageId(survey.journeyLink().stageId())
        .setTouchpointId(survey.journeyLink().touchpointId());
    for (Question q : survey.questions()) {
      var question = io.cxhub.proto.survey.v1.Question.newBuilder()
          .setQuestionId(q.id())
          .setKind(toProto(q.kind()))
          .setText(q.text())
          .setRequired(q.required())
          .setScaleMin(q.scaleMin())
          .setScaleMax(q.scaleMax())
          .putAllTextTranslations(q.textTranslations());
      for (Choice c : q.choices()) {
        question.addChoices(io.cxhub.proto.survey.v1.Choice.newBuilder()
            .setChoiceId(c.id())
            .setLabel(c.label())
            .putAllLabelTranslations(c.labelTranslations()));
      }
      builder.addQuestions(question);
    }
    return builder.build();
  }

  static ListSurveysResponse toProto(ListSurveys.Page page) {
    var builder = ListSurveysResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.surveys().forEach(s -> builder.addSurveys(toProto(s)));
    return builder.build();
  }
}
