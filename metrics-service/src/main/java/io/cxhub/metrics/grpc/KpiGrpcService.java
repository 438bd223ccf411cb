package io.cxhub.metrics.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.metrics.kpi.QueryKpis;
import io.cxhub.proto.metrics.v1.KpiServiceGrpc;
import io.cxhub.proto.metrics.v1.QueryKpisRequest;
import io.cxhub.proto.metrics.v1.QueryKpisResponse;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.metrics.v1.KpiService endpoint (tenant-scoped): maps messages, calls QueryKpis. */
@Service
class KpiGrpcService extends KpiServiceGrpc.KpiServiceImplBase {

  private final QueryKpis queryKpis;

  KpiGrpcService(QueryKpis queryKpis) {
    this.queryKpis = queryKpis;
  }

  @Override
  public void queryKpis(QueryKpisRequest request, StreamObserver<QueryKpisResponse> response) {
    var report = queryKpis.query(TenantContext.require(), KpiProtoMapper.toQuery(request));
    response.onNext(KpiProtoMapper.toProto(report));
    response.onCompleted();
  }
}
