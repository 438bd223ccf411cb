package io.cxhub.metrics.grpc;

import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.metrics.ingest.RecordOutcome;
import io.cxhub.metrics.ingest.RecordedResponse;
import io.cxhub.metrics.ingest.ScoredAnswer;
import io.cxhub.metrics.nps.NpsQuery;
import io.cxhub.metrics.nps.NpsReport;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.metrics.v1.GetNpsRequest;
import io.cxhub.proto.metrics.v1.NpsResult;
import io.cxhub.proto.metrics.v1.RecordResponsesResponse;
import java.time.Instant;
import java.util.List;

/** cx.metrics.v1 messages to and from the domain. */
final class MetricsProtoMapper {

  private MetricsProtoMapper() {}

  static List<RecordedResponse> toResponses(List<io.cxhub.proto.survey.v1.RecordedResponse> responses) {
    return responses.stream().map(MetricsProtoMapper::toResponse).toList();
  }

  static RecordedResponse toResponse(io.cxhub.proto.survey.v1.RecordedResponse r) {
    var answers = r.getAnswersList().stream()
        .map(a -> new ScoredAnswer(a.getQuestionId(), a.getKind(), a.getScore(), a.getScaleMin(), a.getScaleMax()))
        .toList();
    Instant submitTime = r.hasSubmitTime() ? ProtoTimestamps.toInstant(r.getSubmitTime()) : null;
    return new RecordedResponse(
        r.getResponseId(), r.getSurveyId(), r.getSurveyVersion(), channel(r.getChannel()), submitTime, answers,
        r.getCustomerId(), r.getStageId(), r.getTouchpointId(), null);
  }

  /**
   * The channel as a reporting dimension: the name of the shared domain channel (the enum
   * name without its prefix, as survey-service stores it), or UNRECOGNIZED for a number
   * this version does not know.
   */
  static String channel(Channel channel) {
    if (channel == Channel.UNRECOGNIZED) {
      return "UNRECOGNIZED";
    }
    return ProtoChannels.toDomain(channel).name();
  }

  static RecordResponsesResponse toProto(RecordOutcome outcome) {
    return RecordResponsesResponse.newBuilder()
        .addAllRecordedResponseIds(outcome.recordedResponseIds())
        .setAppliedCount(outcome.applied())
        .setDuplicateCount(outcome.duplicates())
        .build();
  }

  static NpsQuery toQuery(GetNpsRequest request) {
    return new NpsQuery(
        request.getSurveyId(),
        request.getQuestionId(),
        request.getPeriod().getStartDate(),
        request.getPeriod().getEndDate());
  }

  static NpsResult toProto(NpsReport report, GetNpsRequest request) {
    var score = report.score();
    var result = NpsResult.newBuilder()
        .setSurveyId(report.surveyId())
        .setQuestionId(report.questionId())
        .setNps(score.score())
        .setN(score.n())
        .setPromoters(score.promoters())
        .setPassives(score.passives())
        .setDetractors(score.detractors());
    if (request.hasPeriod()) {
      result.setPeriod(request.getPeriod());
    }
    return result.build();
  }
}
