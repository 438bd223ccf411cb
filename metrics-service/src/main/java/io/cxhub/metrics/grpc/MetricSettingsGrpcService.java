package io.cxhub.metrics.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.metrics.settings.MetricSettings;
import io.cxhub.proto.metrics.v1.GetMetricSettingsRequest;
import io.cxhub.proto.metrics.v1.MetricSettingsServiceGrpc;
import io.cxhub.proto.metrics.v1.UpdateMetricSettingsRequest;
import io.cxhub.proto.metrics.v1.UpdateMetricSettingsResponse;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.metrics.v1.MetricSettingsService endpoint (tenant-scoped). */
@Service
class MetricSettingsGrpcService extends MetricSettingsServiceGrpc.MetricSettingsServiceImplBase {

  private final MetricSettings settings;

  MetricSettingsGrpcService(MetricSettings settings) {
    this.settings = settings;
  }

  @Override
  public void getMetricSettings(
      GetMetricSettingsRequest request, StreamObserver<io.cxhub.proto.metrics.v1.MetricSettings> response) {
    response.onNext(io.cxhub.proto.metrics.v1.MetricSettings.newBuilder()
        .setTimeZone(settings.zone(TenantContext.require()).getId())
        .build());
    response.onCompleted();
  }

  @Override
  public void updateMetricSettings(
      UpdateMetricSettingsRequest request, StreamObserver<UpdateMetricSettingsResponse> response) {
    var change = settings.changeZone(TenantContext.require(), request.getSettings().getTimeZone());
    response.onNext(UpdateMetricSettingsResponse.newBuilder()
        .setSettings(io.cxhub.proto.metrics.v1.MetricSettings.newBuilder().setTimeZone(change.zone().getId()))
        .setRecordsRebuilt(change.recordsRebuilt())
        .setBucketsRewritten(change.cubesRewritten())
        .setBucketsChangedDuringRebuild(change.cubesChangedMeanwhile())
        .build());
    response.onCompleted();
  }
}
