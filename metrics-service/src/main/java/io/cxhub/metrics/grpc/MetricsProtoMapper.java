package io.cxhub.metrics.grpc;

import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.metrics.ingest.AnswerKind;
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

  /** The free-text answers of the responses, with the NPS and CSAT of the same response. */
  static List<io.cxhub.metrics.text.feed.Comment> toComments(
      String tenantId, List<io.cxhub.proto.survey.v1.RecordedResponse> responses) {
    var out = new java.util.ArrayList<io.cxhub.metrics.text.feed.Comment>();
    for (var r : responses) {
      if (r.getTextsCount() == 0 || !r.hasSubmitTime()) {
        continue;
      }
      int nps = -1;
      int csat = -1;
      for (var a : r.getAnswersList()) {
        if (nps < 0 && kind(a) == AnswerKind.NPS && a.getScore() >= 0 && a.getScore() <= 10) {
          nps = a.getScore();
        } else if (csat < 0 && kind(a) == AnswerKind.CSAT && a.getScaleMax() > a.getScaleMin()) {
          csat = a.getScore() >= a.getScaleMax() - 1 ? 1 : 0; // top two of the scale
        }
      }
      for (var t : r.getTextsList()) {
        if (t.getText().isBlank() || t.getQuestionId().isEmpty()) {
          continue;
        }
        out.add(new io.cxhub.metrics.text.feed.Comment(tenantId, r.getResponseId(), t.getQuestionId(), r.getSurveyId(),
            channel(r.getChannel()), r.getStageId(), r.getTouchpointId(), r.getCustomerId(),
            ProtoTimestamps.toInstant(r.getSubmitTime()), t.getText(), nps, csat));
      }
    }
    return out;
  }

  /**
   * The answer's kind: the enum field, or for a relay written before it existed the kind
   * by name in the deprecated {@code kind_name}; null when neither names a scored kind.
   */
  static AnswerKind kind(io.cxhub.proto.survey.v1.RecordedAnswer a) {
    return switch (a.getKind()) {
      case QUESTION_KIND_NPS -> AnswerKind.NPS;
      case QUESTION_KIND_CSAT -> AnswerKind.CSAT;
      case QUESTION_KIND_CES -> AnswerKind.CES;
      case QUESTION_KIND_RATING -> AnswerKind.RATING;
      case QUESTION_KIND_UNSPECIFIED -> legacyKind(a.getKindName());
      default -> null;
    };
  }

  @SuppressWarnings("deprecation")
  private static AnswerKind legacyKind(String name) {
    for (var k : AnswerKind.values()) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }

  static RecordedResponse toResponse(io.cxhub.proto.survey.v1.RecordedResponse r) {
    var answers = r.getAnswersList().stream()
        .map(a -> new ScoredAnswer(a.getQuestionId(), kind(a), a.getScore(), a.getScaleMin(), a.getScaleMax()))
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
