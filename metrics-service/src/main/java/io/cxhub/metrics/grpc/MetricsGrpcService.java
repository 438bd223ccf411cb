package io.cxhub.metrics.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.metrics.ingest.RecordResponses;
import io.cxhub.metrics.nps.GetNps;
import io.cxhub.metrics.text.feed.CommentQueue;
import io.cxhub.proto.metrics.v1.GetNpsRequest;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.NpsResult;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.metrics.v1.RecordResponsesResponse;
import io.cxhub.metrics.ingest.CustomerExperiences;
import io.cxhub.proto.metrics.v1.CustomerExperienceChunk;
import io.cxhub.proto.metrics.v1.StreamCustomerExperienceRequest;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/**
 * The cx.metrics.v1.MetricsService endpoint: maps messages and calls the use cases, with the
 * tenant of the call's metadata (both RPCs are tenant-scoped).
 */
@Service
class MetricsGrpcService extends MetricsServiceGrpc.MetricsServiceImplBase {

  private final RecordResponses recordResponses;
  private final GetNps getNps;
  private final CommentQueue comments;
  private final CustomerExperiences experiences;

  MetricsGrpcService(RecordResponses recordResponses, GetNps getNps, CommentQueue comments,
      CustomerExperiences experiences) {
    this.recordResponses = recordResponses;
    this.getNps = getNps;
    this.comments = comments;
    this.experiences = experiences;
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
    var outcome = recordResponses.record(tenant, MetricsProtoMapper.toResponses(request.getResponsesList()));
    // comments wait in metrics-service's own queue: analysed behind, never slowing this call
    // much (one unordered insert); a retried batch adds nothing (ids are unique)
    comments.enqueue(MetricsProtoMapper.toComments(tenant, request.getResponsesList()));
    response.onNext(MetricsProtoMapper.toProto(outcome));
    response.onCompleted();
  }

  @Override
  public void getNps(GetNpsRequest request, StreamObserver<NpsResult> response) {
    var report = getNps.get(TenantContext.require(), MetricsProtoMapper.toQuery(request));
    response.onNext(MetricsProtoMapper.toProto(report, request));
    response.onCompleted();
  }
}
