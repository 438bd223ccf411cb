package io.cxhub.metrics.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.kit.trace.TraceParents;
import io.cxhub.metrics.ingest.CustomerExperiences;
import io.cxhub.metrics.ingest.RecordResponses;
import io.cxhub.metrics.nps.GetNps;
import io.cxhub.metrics.text.feed.CommentQueue;
import io.cxhub.proto.metrics.v1.CustomerExperienceChunk;
import io.cxhub.proto.metrics.v1.GetNpsRequest;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.NpsResult;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.metrics.v1.RecordResponsesResponse;
import io.cxhub.proto.metrics.v1.StreamCustomerExperienceRequest;
import io.cxhub.proto.survey.v1.RecordedResponse;
import io.grpc.stub.StreamObserver;
import io.micrometer.tracing.Span;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The cx.metrics.v1.MetricsService endpoint: maps messages and calls the use cases, with the
 * tenant of the call's metadata (both RPCs are tenant-scoped).
 */
@Service
class MetricsGrpcService extends MetricsServiceGrpc.MetricsServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(MetricsGrpcService.class);

  private final RecordResponses recordResponses;
  private final GetNps getNps;
  private final CommentQueue comments;
  private final CustomerExperiences experiences;
  private final TraceParents traces;

  MetricsGrpcService(RecordResponses recordResponses, GetNps getNps, CommentQueue comments,
      CustomerExperiences experiences, TraceParents traces) {
    this.recordResponses = recordResponses;
    this.getNps = getNps;
    this.comments = comments;
    this.experiences = experiences;
    this.traces = traces;
  }

  @Override
  public void streamCustomerExperience(StreamCustomerExperienceRequest request,
      StreamObserver<CustomerExperienceChunk> response) {
    var all = experiences.of(TenantContext.require());
    for (int from = 0; from < all.size(); from += 1000) {
      var chunk = CustomerExperienceChunk.newBuilder();
      all.subList(from, Math.min(from + 1000, all.size())).forEach(e -> chunk.addCustomers(
          io.cxhub.proto.metrics.v1.CustomerExperience.newBuilder().setCustomerId(e.customerId())
              .setLastNps(e.lastNps()).setEffort(e.effort()).setSatisfaction(e.satisfaction())
              .setResponses(e.responses())));
      response.onNext(chunk.build());
    }
    response.onCompleted();
  }

  @Override
  public void recordResponses(RecordResponsesRequest request, StreamObserver<RecordResponsesResponse> response) {
    String tenant = TenantContext.require();
    // each response continues the trace of the request that submitted it (a batch mixes
    // traces): one span per response, child of its stored traceparent, over the batch's work
    var spans = new ArrayList<Span>();
    for (RecordedResponse r : request.getResponsesList()) {
      if (TraceParents.isValid(r.getTraceparent())) {
        spans.add(traces.startChild(r.getTraceparent(), "record response")
            .tag("cx.tenant", tenant).tag("cx.response", r.getResponseId()));
      }
    }
    try {
      var outcome = recordResponses.record(tenant, MetricsProtoMapper.toResponses(request.getResponsesList()));
      // comments wait in metrics-service's own queue: analysed behind, never slowing this call
      // much (one unordered insert); a retried batch adds nothing (ids are unique)
      comments.enqueue(MetricsProtoMapper.toComments(tenant, request.getResponsesList()));
      logRecorded(tenant, request, spans);
      response.onNext(MetricsProtoMapper.toProto(outcome));
      response.onCompleted();
    } catch (RuntimeException e) {
      spans.forEach(span -> span.error(e));
      throw e;
    } finally {
      spans.forEach(Span::end);
    }
  }

  /** One line per traced response, in its own trace; untraced ones as one line for the batch. */
  private void logRecorded(String tenant, RecordResponsesRequest request, List<Span> spans) {
    int i = 0;
    for (RecordedResponse r : request.getResponsesList()) {
      if (TraceParents.isValid(r.getTraceparent())) {
        try (var scope = traces.inScope(spans.get(i++))) {
          log.info("response recorded tenant={} survey={} response={}", tenant, r.getSurveyId(), r.getResponseId());
        }
      }
    }
    if (i < request.getResponsesCount()) {
      log.info("responses recorded tenant={} untraced={}", tenant, request.getResponsesCount() - i);
    }
  }

  @Override
  public void getNps(GetNpsRequest request, StreamObserver<NpsResult> response) {
    var report = getNps.get(TenantContext.require(), MetricsProtoMapper.toQuery(request));
    response.onNext(MetricsProtoMapper.toProto(report, request));
    response.onCompleted();
  }
}
