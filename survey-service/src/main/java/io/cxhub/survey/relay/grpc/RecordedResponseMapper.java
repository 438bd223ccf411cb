package io.cxhub.survey.relay.grpc;

import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.survey.v1.RecordedAnswer;
import io.cxhub.proto.survey.v1.RecordedResponse;
import io.cxhub.proto.survey.v1.RecordedText;
import io.cxhub.survey.response.AnswerValue;
import io.cxhub.survey.response.ResponseAnswer;
import io.cxhub.survey.response.SurveyResponse;
import java.util.List;

/** Builds the feed messages metrics-service records: scored answers with kind and scale, comments, and the respondent's customer id. */
final class RecordedResponseMapper {

  private RecordedResponseMapper() {}

  static RecordResponsesRequest toRequest(List<SurveyResponse> batch) {
    var request = RecordResponsesRequest.newBuilder();
    batch.forEach(r -> request.addResponses(toRecorded(r)));
    return request.build();
  }

  @SuppressWarnings("deprecation")
  static RecordedResponse toRecorded(SurveyResponse r) {
    var builder = RecordedResponse.newBuilder()
        .setResponseId(r.responseId())
        .setSurveyId(r.surveyId())
        .setSurveyVersion(r.surveyVersion())
        .setChannel(ProtoChannels.toProto(r.channel()))
        .setSubmitTime(ProtoTimestamps.toProto(r.submitTime()));
    // the respondent's customer id lets metrics-service slice by segment (persona-service)
    if (r.context().customerId() != null && !r.context().customerId().isBlank()) {
      builder.setCustomerId(r.context().customerId());
    }
    // the journey stage and touchpoint the survey measures: slicing dimensions of the scores
    builder.setStageId(r.journeyLink().stageId());
    builder.setTouchpointId(r.journeyLink().touchpointId());
    // the trace of the request that submitted it continues in metrics-service
    builder.setTraceparent(r.traceParent());
    for (ResponseAnswer a : r.answers()) {
      if (a.kind().isScored() && a.value() instanceof AnswerValue.Score score) {
        builder.addAnswers(RecordedAnswer.newBuilder()
            .setQuestionId(a.questionId())
            .setKind(io.cxhub.proto.survey.v1.QuestionKind.valueOf("QUESTION_KIND_" + a.kind().name()))
            // the name as well, for one release: a metrics-service not yet upgraded reads only it
            .setKindName(a.kind().name())
            .setScore(score.value())
            .setScaleMin(a.scaleMin())
            .setScaleMax(a.scaleMax()));
      } else if (a.value() instanceof AnswerValue.Text text && !text.value().isBlank()) {
        // comments feed metrics-service's text analytics (language, sentiment, themes)
        builder.addTexts(RecordedText.newBuilder().setQuestionId(a.questionId()).setText(text.value()));
      }
    }
    return builder.build();
  }
}
