package io.cxhub.survey.response.grpc;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.survey.v1.ExportResponsesRequest;
import io.cxhub.proto.survey.v1.GetResponseRequest;
import io.cxhub.proto.survey.v1.ListResponsesRequest;
import io.cxhub.proto.survey.v1.ListResponsesResponse;
import io.cxhub.proto.survey.v1.ResponseServiceGrpc;
import io.cxhub.proto.survey.v1.SurveyResponse;
import io.cxhub.proto.survey.v1.WatchResponsesRequest;
import io.cxhub.survey.response.ExportResponses;
import io.cxhub.survey.response.ListResponses;
import io.cxhub.survey.response.ResponseFeed;
import io.cxhub.survey.response.ResponseQuery;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.survey.v1.ResponseService endpoint, for analysts. */
@Service
class ResponseGrpcService extends ResponseServiceGrpc.ResponseServiceImplBase {

  private static final String CSV = "text/csv; charset=utf-8";

  private final ListResponses listResponses;
  private final ExportResponses exportResponses;
  private final ResponseFeed feed;

  ResponseGrpcService(ListResponses listResponses, ExportResponses exportResponses, ResponseFeed feed) {
    this.listResponses = listResponses;
    this.exportResponses = exportResponses;
    this.feed = feed;
  }

  @Override
  public void watchResponses(WatchResponsesRequest request, StreamObserver<SurveyResponse> response) {
    var calls = (ServerCallStreamObserver<SurveyResponse>) response;
    String tenantId = TenantContext.require();
    // the observer is not thread-safe and submissions publish from many threads
    Object lock = new Object();
    var subscription = feed.watch(tenantId, request.getSurveyId(), accepted -> {
      synchronized (lock) {
        if (!calls.isCancelled()) {
          calls.onNext(ResponseProtoMapper.toProto(accepted));
        }
      }
    });
    calls.setOnCancelHandler(subscription::close);
  }

  @Override
  public void listResponses(ListResponsesRequest request, StreamObserver<ListResponsesResponse> response) {
    var query = new ResponseQuery(
        request.getSurveyId(),
        request.getChannel() == io.cxhub.proto.common.v1.Channel.CHANNEL_UNSPECIFIED
            ? null : ResponseProtoMapper.toChannel(request.getChannel()),
        request.hasStartTime() ? ProtoTimestamps.toInstant(request.getStartTime()) : null,
        request.hasEndTime() ? ProtoTimestamps.toInstant(request.getEndTime()) : null,
        switch (request.getNpsCategory()) {
          case NPS_CATEGORY_PROMOTER -> io.cxhub.kit.domain.NpsCategory.PROMOTER;
          case NPS_CATEGORY_PASSIVE -> io.cxhub.kit.domain.NpsCategory.PASSIVE;
          case NPS_CATEGORY_DETRACTOR -> io.cxhub.kit.domain.NpsCategory.DETRACTOR;
          case NPS_CATEGORY_UNSPECIFIED, UNRECOGNIZED -> null;
        },
        switch (request.getComment()) {
          case COMMENT_FILTER_WITH_COMMENT -> Boolean.TRUE;
          case COMMENT_FILTER_WITHOUT_COMMENT -> Boolean.FALSE;
          case COMMENT_FILTER_UNSPECIFIED, UNRECOGNIZED -> null;
        },
        request.getStageId(),
        request.getTouchpointId());
    var page = listResponses.list(TenantContext.require(), query, request.getPageSize(), request.getPageToken());
    var builder = ListResponsesResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.responses().forEach(r -> builder.addResponses(ResponseProtoMapper.toProto(r)));
    response.onNext(builder.build());
    response.onCompleted();
  }

  @Override
  public void getResponse(GetResponseRequest request, StreamObserver<SurveyResponse> response) {
    response.onNext(ResponseProtoMapper.toProto(listResponses.get(TenantContext.require(), request.getResponseId())));
    response.onCompleted();
  }

  @Override
  public void exportResponses(ExportResponsesRequest request, StreamObserver<HttpBody> response) {
    var calls = (ServerCallStreamObserver<HttpBody>) response;
    exportResponses.export(TenantContext.require(), request.getSurveyId(), chunk -> {
      if (calls.isCancelled()) {
        throw new io.grpc.StatusRuntimeException(io.grpc.Status.CANCELLED.withDescription("client went away"));
      }
      calls.onNext(HttpBody.newBuilder().setContentType(CSV).setData(ByteString.copyFromUtf8(chunk)).build());
    });
    calls.onCompleted();
  }
}
