package io.cxhub.metrics.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.metrics.ingest.RecordResponses;
import io.cxhub.metrics.nps.GetNps;
import io.cxhub.proto.metrics.v1.GetNpsRequest;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.NpsResult;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.metrics.v1.RecordResponsesResponse;
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

  MetricsGrpcService(RecordResponses recordResponses, GetNps getNps) {
    this.recordResponses = recordResponses;
    this.getNps = getNps;
  }

  @Override
  public void recordResponses(RecordResponsesRequest request, StreamObserver<RecordResponsesResponse> response) {
    var outcome = recordResponses.record(
        TenantContext.require(), MetricsProtoMapper.toResponses(request.getResponsesList()));
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
