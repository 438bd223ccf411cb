package io.cxhub.survey.invitation.grpc;

import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.survey.v1.Campaign;
import io.cxhub.proto.survey.v1.CampaignReport;
import io.cxhub.proto.survey.v1.CreateCampaignRequest;
import io.cxhub.proto.survey.v1.GetCampaignReportRequest;
import io.cxhub.proto.survey.v1.GetCampaignRequest;
import io.cxhub.proto.survey.v1.GetResponseRatesRequest;
import io.cxhub.proto.survey.v1.Invitation;
import io.cxhub.proto.survey.v1.InvitationServiceGrpc;
import io.cxhub.proto.survey.v1.ListCampaignsRequest;
import io.cxhub.proto.survey.v1.ListCampaignsResponse;
import io.cxhub.proto.survey.v1.ListInvitationsRequest;
import io.cxhub.proto.survey.v1.ListInvitationsResponse;
import io.cxhub.proto.survey.v1.OptOutRequest;
import io.cxhub.proto.survey.v1.OptOutResponse;
import io.cxhub.proto.survey.v1.RecordInvitationBounceRequest;
import io.cxhub.proto.survey.v1.ResponseRates;
import io.cxhub.survey.invitation.CampaignReports;
import io.cxhub.survey.invitation.ManageCampaigns;
import io.cxhub.survey.invitation.OptOut;
import io.cxhub.survey.invitation.Recipient;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.survey.v1.InvitationService endpoint: maps messages and calls the use cases. */
@Service
class InvitationGrpcService extends InvitationServiceGrpc.InvitationServiceImplBase {

  private final ManageCampaigns campaigns;
  private final CampaignReports reports;
  private final OptOut optOut;

  InvitationGrpcService(ManageCampaigns campaigns, CampaignReports reports, OptOut optOut) {
    this.campaigns = campaigns;
    this.reports = reports;
    this.optOut = optOut;
  }

  @Override
  public void createCampaign(CreateCampaignRequest request, StreamObserver<Campaign> response) {
    var c = request.getCampaign();
    var spec = new ManageCampaigns.NewCampaign(
        c.getName(),
        ProtoChannels.toDomain(c.getChannel()),
        c.getSubject(),
        c.getMessage(),
        c.getLanguage(),
        c.hasReminderAfter() ? InvitationProtoMapper.toDomain(c.getReminderAfter()) : null);
    var recipients = request.getRecipientsList().stream()
        .map(r -> new Recipient(r.getCustomerId(), r.getEmail(), r.getPhone(), r.getName()))
        .toList();
    var created = campaigns.create(TenantContext.require(), request.getDistributionId(), spec, recipients);
    response.onNext(InvitationProtoMapper.toProto(created));
    response.onCompleted();
  }

  @Override
  public void getCampaign(GetCampaignRequest request, StreamObserver<Campaign> response) {
    response.onNext(InvitationProtoMapper.toProto(campaigns.get(TenantContext.require(), request.getCampaignId())));
    response.onCompleted();
  }

  @Override
  public void listCampaigns(ListCampaignsRequest request, StreamObserver<ListCampaignsResponse> response) {
    var b = ListCampaignsResponse.newBuilder();
    campaigns.list(TenantContext.require(), request.getDistributionId())
        .forEach(c -> b.addCampaigns(InvitationProtoMapper.toProto(c)));
    response.onNext(b.build());
    response.onCompleted();
  }

  @Override
  public void listInvitations(ListInvitationsRequest request, StreamObserver<ListInvitationsResponse> response) {
    var page = campaigns.invitations(
        TenantContext.require(), request.getCampaignId(), request.getPageSize(), request.getPageToken());
    var b = ListInvitationsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.invitations().forEach(i -> b.addInvitations(InvitationProtoMapper.toProto(i)));
    response.onNext(b.build());
    response.onCompleted();
  }

  @Override
  public void getCampaignReport(GetCampaignReportRequest request, StreamObserver<CampaignReport> response) {
    response.onNext(InvitationProtoMapper.toProto(reports.report(TenantContext.require(), request.getCampaignId())));
    response.onCompleted();
  }

  @Override
  public void getResponseRates(GetResponseRatesRequest request, StreamObserver<ResponseRates> response) {
    response.onNext(InvitationProtoMapper.toProto(reports.rates(TenantContext.require(), request.getSurveyId())));
    response.onCompleted();
  }

  @Override
  public void recordInvitationBounce(RecordInvitationBounceRequest request, StreamObserver<Invitation> response) {
    var bounced = campaigns.recordBounce(TenantContext.require(), request.getInvitationId(), request.getReason());
    response.onNext(InvitationProtoMapper.toProto(bounced));
    response.onCompleted();
  }

  @Override
  public void optOut(OptOutRequest request, StreamObserver<OptOutResponse> response) {
    String message = optOut.optOut(request.getToken());
    response.onNext(OptOutResponse.newBuilder().setOptedOut(true).setMessage(message).build());
    response.onCompleted();
  }
}
