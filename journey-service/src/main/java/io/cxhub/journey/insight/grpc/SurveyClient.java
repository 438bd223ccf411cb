package io.cxhub.journey.insight.grpc;

import com.google.protobuf.Timestamp;
import io.cxhub.journey.insight.AlertSink;
import io.cxhub.journey.insight.DayRange;
import io.cxhub.journey.insight.Feedback;
import io.cxhub.journey.insight.Indicators.IndicatorsUnavailableException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.grpc.Peer;
import io.cxhub.kit.grpc.PeerCallException;
import io.cxhub.proto.survey.v1.AlertServiceGrpc;
import io.cxhub.proto.survey.v1.CommentFilter;
import io.cxhub.proto.survey.v1.FireAlertRequest;
import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.ListResponsesRequest;
import io.cxhub.proto.survey.v1.NpsCategory;
import io.cxhub.proto.survey.v1.QuestionKind;
import io.cxhub.proto.survey.v1.ResponseServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.AbstractStub;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of survey-service: detractor comments and response samples
 * ({@code ResponseService.ListResponses}, {@code SurveyService.GetSurvey}) and the one
 * notification path ({@code AlertService.FireAlert}, internal). Owns the stubs, the
 * per-call deadline and the Resilience4j circuit breaker {@code survey}.
 *
 * <p>Fallbacks: verbatims are best effort (an empty list when survey-service cannot
 * answer); a sample or an alert that cannot be read or delivered fails with
 * {@link IndicatorsUnavailableException} (the alert is sent again later with the same id).
 */
public final class SurveyClient implements Feedback, AlertSink {

  private static final Logger log = LoggerFactory.getLogger(SurveyClient.class);
  static final String SOURCE = "journey-service";
  private static final int PAGE = 100;

  private final ResponseServiceGrpc.ResponseServiceBlockingStub responses;
  private final SurveyServiceGrpc.SurveyServiceBlockingStub surveys;
  private final AlertServiceGrpc.AlertServiceBlockingStub alerts;
  private final Peer peer;

  /** @param channel the channel to survey-service; its owner shuts it down */
  public SurveyClient(Channel channel, CircuitBreaker circuitBreaker, Duration deadline) {
    this.responses = ResponseServiceGrpc.newBlockingStub(channel);
    this.surveys = SurveyServiceGrpc.newBlockingStub(channel);
    this.alerts = AlertServiceGrpc.newBlockingStub(channel);
    this.peer = new Peer("survey-service", circuitBreaker, deadline);
  }

  @Override
  public List<Verbatim> detractorComments(String tenantId, String stageId, String touchpointId, DayRange period, int limit) {
    var request = ListResponsesRequest.newBuilder()
        .setStageId(stageId).setTouchpointId(touchpointId)
        .setNpsCategory(NpsCategory.NPS_CATEGORY_DETRACTOR)
        .setComment(CommentFilter.COMMENT_FILTER_WITH_COMMENT)
        .setStartTime(start(period)).setEndTime(end(period))
        .setPageSize(limit).build();
    try {
      var page = call(tenantId, responses, s -> s.listResponses(request));
      var found = new ArrayList<Verbatim>();
      for (var r : page.getResponsesList()) {
        int score = r.getAnswersList().stream().filter(a -> a.hasScore()).mapToInt(a -> a.getScore()).min().orElse(-1);
        String text = r.getAnswersList().stream().filter(a -> a.hasText() && !a.getText().isBlank())
            .map(a -> a.getText()).findFirst().orElse("");
        found.add(new Verbatim(r.getResponseId(), r.getSurveyId(), score, text));
      }
      return found;
    } catch (IndicatorsUnavailableException e) {
      log.warn("verbatims not available tenant={} cause={}", tenantId, e.getMessage());
      return List.of();
    }
  }

  @Override
  public DetractorCustomers detractorCustomers(String tenantId, String stageId, String touchpointId, DayRange period,
      int maxResponses) {
    var ids = new java.util.LinkedHashSet<String>();
    long read = 0;
    String token = "";
    do {
      var request = ListResponsesRequest.newBuilder()
          .setStageId(stageId).setTouchpointId(touchpointId)
          .setNpsCategory(NpsCategory.NPS_CATEGORY_DETRACTOR)
          .setStartTime(start(period)).setEndTime(end(period))
          .setPageSize((int) Math.min(PAGE, maxResponses - read)).setPageToken(token).build();
      var page = call(tenantId, responses, s -> s.listResponses(request));
      for (var r : page.getResponsesList()) {
        if (!r.getContext().getCustomerId().isEmpty()) {
          ids.add(r.getContext().getCustomerId());
        }
      }
      read += page.getResponsesCount();
      token = page.getNextPageToken();
    } while (!token.isEmpty() && read < maxResponses);
    return new DetractorCustomers(ids, read, !token.isEmpty());
  }

  @Override
  public ResponseSample sample(String tenantId, String surveyId, DayRange period, int limit) {
    var survey = call(tenantId, surveys, s -> s.getSurvey(GetSurveyRequest.newBuilder().setSurveyId(surveyId).build()));
    Map<String, String> kinds = new LinkedHashMap<>();
    Map<String, int[]> scales = new HashMap<>();
    for (var q : survey.getQuestionsList()) {
      if (q.getKind() == QuestionKind.QUESTION_KIND_NPS || q.getKind() == QuestionKind.QUESTION_KIND_CSAT
          || q.getKind() == QuestionKind.QUESTION_KIND_CES || q.getKind() == QuestionKind.QUESTION_KIND_RATING) {
        kinds.put(q.getQuestionId(), q.getKind().name().replace("QUESTION_KIND_", ""));
        scales.put(q.getQuestionId(), new int[] {q.getScaleMin(), q.getScaleMax()});
      }
    }
    var rows = new ArrayList<Map<String, Integer>>();
    String token = "";
    do {
      var request = ListResponsesRequest.newBuilder().setSurveyId(surveyId)
          .setStartTime(start(period)).setEndTime(end(period))
          .setPageSize(Math.min(PAGE, limit - rows.size())).setPageToken(token).build();
      var page = call(tenantId, responses, s -> s.listResponses(request));
      for (var r : page.getResponsesList()) {
        var row = new HashMap<String, Integer>();
        r.getAnswersList().stream().filter(a -> a.hasScore() && kinds.containsKey(a.getQuestionId()))
            .forEach(a -> row.put(a.getQuestionId(), a.getScore()));
        rows.add(row);
      }
      token = page.getNextPageToken();
    } while (!token.isEmpty() && rows.size() < limit);
    return new ResponseSample(kinds, scales, rows);
  }

  @Override
  public void fire(String tenantId, Alert alert) {
    var request = FireAlertRequest.newBuilder()
        .setAlertId(alert.alertId()).setTitle(alert.title()).setSeverity(alert.severity()).setSource(SOURCE)
        .setStageId(alert.stageId()).setTouchpointId(alert.touchpointId()).build();
    call(tenantId, alerts, s -> s.fireAlert(request));
  }

  private <S extends AbstractStub<S>, T> T call(String tenantId, S stub, Function<S, T> rpc) {
    try {
      return peer.call(tenantId, stub, rpc);
    } catch (PeerCallException e) {
      if (e.code() == Status.Code.NOT_FOUND) {
        var description = e.status().getDescription();
        throw new NotFoundException("survey", description == null ? "" : description);
      }
      // a refusal of a healthy peer is not retried later either: the caller gets it as unavailable
      throw new IndicatorsUnavailableException(e.getMessage(), e);
    }
  }

  private static Timestamp start(DayRange period) {
    return Timestamp.newBuilder().setSeconds(period.start().atStartOfDay(ZoneOffset.UTC).toEpochSecond()).build();
  }

  private static Timestamp end(DayRange period) {
    return Timestamp.newBuilder().setSeconds(period.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()).build();
  }
}
