package io.cxhub.survey.response.grpc;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.kit.tenant.TenantContext;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.cxhub.proto.survey.v1.ExportFormat;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The cx.survey.v1.ResponseService endpoint, for analysts. */
@Service
class ResponseGrpcService extends ResponseServiceGrpc.ResponseServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(ResponseGrpcService.class);
  private static final String CSV = "text/csv; charset=utf-8";
  private static final String NDJSON = "application/x-ndjson";

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
          case NPS_CATEGORY_PROMOTER -> ResponseQuery.NpsCategory.PROMOTER;
          case NPS_CATEGORY_PASSIVE -> ResponseQuery.NpsCategory.PASSIVE;
          case NPS_CATEGORY_DETRACTOR -> ResponseQuery.NpsCategory.DETRACTOR;
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

  /**
   * Streams the export as the client reads: a batch is read from the store only when the
   * call is ready for more (gRPC flow control, driven by the gateway's HTTP writes), so a
   * slow reader holds the export back instead of piling batches up in memory.
   */
  @Override
  public void exportResponses(ExportResponsesRequest request, StreamObserver<HttpBody> response) {
    var calls = (ServerCallStreamObserver<HttpBody>) response;
    ExportResponses.Export export = exportResponses.open(TenantContext.require(), request.getSurveyId());
    var pump = new ExportPump(calls, export, request.getFormat() == ExportFormat.EXPORT_FORMAT_NDJSON);
    calls.setOnCancelHandler(() -> { }); // the pump sees isCancelled() and stops
    calls.setOnReadyHandler(pump);
    pump.run();
  }

  /** Sends batches while the call is ready; runs on the call's serialized callbacks. */
  private static final class ExportPump implements Runnable {

    private static final JsonFormat.Printer JSON =
        JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();

    private final ServerCallStreamObserver<HttpBody> calls;
    private final ExportResponses.Export export;
    private final boolean ndjson;
    private boolean headerSent;
    private boolean finished;

    ExportPump(ServerCallStreamObserver<HttpBody> calls, ExportResponses.Export export, boolean ndjson) {
      this.calls = calls;
      this.export = export;
      this.ndjson = ndjson;
    }

    @Override
    public void run() {
      try {
        while (!finished && !calls.isCancelled() && calls.isReady()) {
          if (!headerSent) {
            headerSent = true;
            // NDJSON has no header; its first message still types the body before any row
            send(ndjson ? ByteString.EMPTY : ByteString.copyFromUtf8(export.csvHeader()));
            continue;
          }
          List<io.cxhub.survey.response.SurveyResponse> batch = export.next();
          if (batch.isEmpty()) {
            finished = true;
            calls.onCompleted();
            return;
          }
          send(ndjson ? ndjson(batch) : ByteString.copyFromUtf8(export.csv(batch)));
        }
      } catch (RuntimeException | InvalidProtocolBufferException e) {
        finished = true;
        log.warn("export failed after it started: {}", e.toString());
        calls.onError(io.grpc.Status.INTERNAL.withDescription("export failed").asRuntimeException());
      }
    }

    private void send(ByteString data) {
      calls.onNext(HttpBody.newBuilder().setContentType(ndjson ? NDJSON : CSV).setData(data).build());
    }

    private static ByteString ndjson(List<io.cxhub.survey.response.SurveyResponse> batch)
        throws InvalidProtocolBufferException {
      var out = new StringBuilder(batch.size() * 256);
      for (var r : batch) {
        out.append(JSON.print(ResponseProtoMapper.toProto(r)));
        out.append('\n');
      }
      return ByteString.copyFromUtf8(out.toString());
    }
  }
}
