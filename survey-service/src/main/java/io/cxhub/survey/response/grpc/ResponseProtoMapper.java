package io.cxhub.survey.response.grpc;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.proto.survey.v1.Answer;
import io.cxhub.proto.survey.v1.ChoiceSelection;
import io.cxhub.proto.survey.v1.SubmitResponseRequest;
import io.cxhub.survey.response.AnswerValue;
import io.cxhub.survey.response.ResponseAnswer;
import io.cxhub.survey.response.ResponseSubmission;
import io.cxhub.survey.response.SubmittedAnswer;
import io.cxhub.survey.response.SurveyResponse;

/** Response messages of the cx.survey.v1 contract to and from the domain. */
public final class ResponseProtoMapper {

  private ResponseProtoMapper() {}

  public static ResponseSubmission toSubmission(SubmitResponseRequest request) {
    var answers = request.getAnswersList().stream()
        .map(a -> new SubmittedAnswer(a.getQuestionId(), toValue(a)))
        .toList();
    return new ResponseSubmission(request.getSurveyId(), answers, toChannel(request.getChannel()),
        request.getIdempotencyKey(), request.hasContext() ? toContext(request.getContext()) : null,
        request.hasSubmitTime() ? java.time.Instant.ofEpochSecond(request.getSubmitTime().getSeconds(),
            request.getSubmitTime().getNanos()) : null);
  }

  /** The respondent context as sent (validated with the answers, on every route alike). */
  public static io.cxhub.survey.response.RespondentContext toContext(io.cxhub.proto.survey.v1.RespondentContext c) {
    return new io.cxhub.survey.response.RespondentContext(c.getCustomerId(), c.getOrderId(), c.getLocale(),
        c.getMetadataMap());
  }

  private static AnswerValue toValue(Answer answer) {
    return switch (answer.getValueCase()) {
      case SCORE -> new AnswerValue.Score(answer.getScore());
      case TEXT -> new AnswerValue.Text(answer.getText());
      case CHOICES -> new AnswerValue.Choices(answer.getChoices().getChoiceIdsList());
      case VALUE_NOT_SET -> null;
    };
  }

  /**
   * @return {@link Channel#UNSPECIFIED} when unspecified (the domain default applies)
   * @throws InvalidInputException for a channel number this version does not know: a
   *     response must not be counted under the wrong channel
   */
  public static Channel toChannel(io.cxhub.proto.common.v1.Channel channel) {
    if (channel == io.cxhub.proto.common.v1.Channel.UNRECOGNIZED) {
      throw InvalidInputException.of("channel", "is not a known channel");
    }
    return ProtoChannels.toDomain(channel);
  }

  public static io.cxhub.proto.survey.v1.SurveyResponse toProto(SurveyResponse response) {
    var builder = io.cxhub.proto.survey.v1.SurveyResponse.newBuilder()
        .setResponseId(response.responseId())
        .setSurveyId(response.surveyId())
        .setSurveyVersion(response.surveyVersion())
        .setChannel(ProtoChannels.toProto(response.channel()))
        .setSubmitTime(ProtoTimestamps.toProto(response.submitTime()))
        .setDistributionId(response.distributionId());
    var context = response.context();
    if (!context.equals(io.cxhub.survey.response.RespondentContext.NONE)) {
      builder.setContext(io.cxhub.proto.survey.v1.RespondentContext.newBuilder()
          .setCustomerId(context.customerId())
          .setOrderId(context.orderId())
          .setLocale(context.locale())
          .putAllMetadata(context.metadata()));
    }
    for (ResponseAnswer a : response.answers()) {
      var answer = Answer.newBuilder().setQuestionId(a.questionId());
      if (a.value() instanceof AnswerValue.Score s) {
        answer.setScore(s.value());
      } else if (a.value() instanceof AnswerValue.Text t) {
        answer.setText(t.value());
      } else if (a.value() instanceof AnswerValue.Choices c) {
        answer.setChoices(ChoiceSelection.newBuilder().addAllChoiceIds(c.choiceIds()));
      }
      builder.addAnswers(answer);
    }
    return builder.build();
  }
}
