package io.cxhub.metrics.alert.grpc;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.grpc.Peer;
import io.cxhub.kit.grpc.PeerCallException;
import io.cxhub.metrics.alert.KnownSurveys;
import io.cxhub.proto.survey.v1.GetSurveyRequest;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc.SurveyServiceBlockingStub;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Channel;
import io.grpc.Status;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks survey-service's {@code SurveyService.GetSurvey}, as the rule's tenant, whether each
 * survey exists. Shares the Resilience4j circuit breaker {@code survey} with the alert client.
 *
 * <p>NOT_FOUND (and INVALID_ARGUMENT: not even a well-formed id) means the survey is unknown.
 * A peer failure, an open circuit or any other refusal means survey-service could not answer:
 * {@link DependencyUnavailableException}, so the rule is refused with UNAVAILABLE rather than
 * stored unchecked (a rule on a survey that does not exist never fires, silently).
 */
public final class SurveyDirectoryClient implements KnownSurveys {

  private final Channel channel;
  private final SurveyServiceBlockingStub stub;
  private final Peer peer;

  /** @param channel the channel to survey-service; its owner shuts it down */
  public SurveyDirectoryClient(Channel channel, CircuitBreaker circuitBreaker, Duration deadline) {
    this.channel = channel;
    this.stub = SurveyServiceGrpc.newBlockingStub(channel);
    this.peer = new Peer("survey-service", circuitBreaker, deadline);
  }

  @Override
  public Set<String> unknown(String tenantId, Collection<String> surveyIds) {
    Reconnect.nowIfFailed(channel);
    var unknown = new TreeSet<String>();
    for (String surveyId : new TreeSet<>(surveyIds)) {
      if (!exists(tenantId, surveyId)) {
        unknown.add(surveyId);
      }
    }
    return unknown;
  }

  private boolean exists(String tenantId, String surveyId) {
    var request = GetSurveyRequest.newBuilder().setSurveyId(surveyId).build();
    try {
      peer.call(tenantId, stub, s -> s.getSurvey(request));
      return true;
    } catch (PeerCallException e) {
      if (e.code() == Status.Code.NOT_FOUND || e.code() == Status.Code.INVALID_ARGUMENT) {
        return false;
      }
      throw new DependencyUnavailableException("the survey ids cannot be checked: " + e.getMessage(), e);
    }
  }
}
