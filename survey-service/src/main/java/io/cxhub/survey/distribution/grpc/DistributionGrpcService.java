package io.cxhub.survey.distribution.grpc;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.survey.v1.CreateDistributionRequest;
import io.cxhub.proto.survey.v1.DistributionServiceGrpc;
import io.cxhub.proto.survey.v1.GetDistributionQrCodeRequest;
import io.cxhub.proto.survey.v1.GetBrandingRequest;
import io.cxhub.proto.survey.v1.GetDistributionRequest;
import io.cxhub.proto.survey.v1.UpdateBrandingRequest;
import io.cxhub.proto.survey.v1.ListDistributionsRequest;
import io.cxhub.proto.survey.v1.ListDistributionsResponse;
import io.cxhub.proto.survey.v1.QrCodeFormat;
import io.cxhub.proto.survey.v1.UpdateDistributionStatusRequest;
import io.cxhub.survey.distribution.Distribution;
import io.cxhub.survey.distribution.DistributionStatus;
import io.cxhub.survey.distribution.ManageBranding;
import io.cxhub.survey.distribution.ManageDistributions;
import io.cxhub.survey.distribution.PageOptions;
import io.cxhub.survey.distribution.PublicUrls;
import io.cxhub.survey.distribution.RenderQrCode;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.survey.v1.DistributionService endpoint. */
@Service
class DistributionGrpcService extends DistributionServiceGrpc.DistributionServiceImplBase {

  private final ManageDistributions distributions;
  private final RenderQrCode qrCodes;
  private final PublicUrls urls;
  private final ManageBranding branding;

  DistributionGrpcService(ManageDistributions distributions, RenderQrCode qrCodes, PublicUrls urls,
      ManageBranding branding) {
    this.distributions = distributions;
    this.branding = branding;
    this.qrCodes = qrCodes;
    this.urls = urls;
  }

  @Override
  public void createDistribution(
      CreateDistributionRequest request, StreamObserver<io.cxhub.proto.survey.v1.Distribution> response) {
    var d = request.getDistribution();
    var created = distributions.create(
        TenantContext.require(),
        request.getSurveyId(),
        ProtoChannels.toDomain(d.getChannel()),
        d.getName(),
        d.hasExpireTime() ? ProtoTimestamps.toInstant(d.getExpireTime()) : null,
        new PageOptions(d.getReviewUrl(), d.getKiosk()));
    reply(response, toProto(created));
  }

  @Override
  public void getDistribution(
      GetDistributionRequest request, StreamObserver<io.cxhub.proto.survey.v1.Distribution> response) {
    reply(response, toProto(distributions.get(TenantContext.require(), request.getDistributionId())));
  }

  @Override
  public void listDistributions(ListDistributionsRequest request, StreamObserver<ListDistributionsResponse> response) {
    var page = distributions.list(
        TenantContext.require(), request.getSurveyId(), request.getPageSize(), request.getPageToken());
    var builder = ListDistributionsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.distributions().forEach(d -> builder.addDistributions(toProto(d)));
    reply(response, builder.build());
  }

  @Override
  public void updateDistributionStatus(
      UpdateDistributionStatusRequest request, StreamObserver<io.cxhub.proto.survey.v1.Distribution> response) {
    var status = switch (request.getStatus()) {
      case DISTRIBUTION_STATUS_ACTIVE -> DistributionStatus.ACTIVE;
      case DISTRIBUTION_STATUS_PAUSED -> DistributionStatus.PAUSED;
      case DISTRIBUTION_STATUS_REVOKED -> DistributionStatus.REVOKED;
      case DISTRIBUTION_STATUS_UNSPECIFIED, UNRECOGNIZED -> null;
    };
    reply(response, toProto(distributions.setStatus(TenantContext.require(), request.getDistributionId(), status)));
  }

  @Override
  public void getDistributionQrCode(GetDistributionQrCodeRequest request, StreamObserver<HttpBody> response) {
    var image = qrCodes.render(TenantContext.require(), request.getDistributionId(),
        request.getFormat() == QrCodeFormat.QR_CODE_FORMAT_SVG, request.getSize());
    reply(response, HttpBody.newBuilder()
        .setContentType(image.contentType())
        .setData(ByteString.copyFrom(image.data()))
        .build());
  }

  @Override
  public void getBranding(GetBrandingRequest request, StreamObserver<io.cxhub.proto.survey.v1.Branding> response) {
    reply(response, DistributionProtoMapper.toProto(branding.get(TenantContext.require())));
  }

  @Override
  public void updateBranding(UpdateBrandingRequest request, StreamObserver<io.cxhub.proto.survey.v1.Branding> response) {
    var updated = branding.update(TenantContext.require(),
        request.hasBranding() ? DistributionProtoMapper.toDomain(request.getBranding()) : null);
    reply(response, DistributionProtoMapper.toProto(updated));
  }

  private io.cxhub.proto.survey.v1.Distribution toProto(Distribution d) {
    var builder = io.cxhub.proto.survey.v1.Distribution.newBuilder()
        .setDistributionId(d.id())
        .setSurveyId(d.surveyId())
        .setChannel(ProtoChannels.toProto(d.channel()))
        .setName(d.name())
        .setToken(d.token())
        .setPublicUrl(urls.of(d.token()))
        .setStatus(io.cxhub.proto.survey.v1.DistributionStatus.valueOf("DISTRIBUTION_STATUS_" + d.status().name()))
        .setCreateTime(ProtoTimestamps.toProto(d.createTime()))
        .setUpdateTime(ProtoTimestamps.toProto(d.updateTime()))
        .setReviewUrl(d.page().reviewUrl())
        .setKiosk(d.page().kiosk());
    d.expiry().ifPresent(t -> builder.setExpireTime(ProtoTimestamps.toProto(t)));
    return builder.build();
  }

  private static <T> void reply(StreamObserver<T> response, T message) {
    response.onNext(message);
    response.onCompleted();
  }
}
