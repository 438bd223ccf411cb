package io.cxhub.persona.subject.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.persona.subject.DataSubjectRequests;
import io.cxhub.persona.subject.SubjectRequest;
import io.cxhub.proto.persona.v1.CreateDataSubjectRequestRequest;
import io.cxhub.proto.persona.v1.DataSubjectExport;
import io.cxhub.proto.persona.v1.DataSubjectPartState;
import io.cxhub.proto.persona.v1.DataSubjectRequest;
import io.cxhub.proto.persona.v1.DataSubjectRequestKind;
import io.cxhub.proto.persona.v1.DataSubjectRequestPart;
import io.cxhub.proto.persona.v1.DataSubjectRequestState;
import io.cxhub.proto.persona.v1.DataSubjectServiceGrpc;
import io.cxhub.proto.persona.v1.GetDataSubjectExportRequest;
import io.cxhub.proto.persona.v1.GetDataSubjectRequestRequest;
import io.cxhub.proto.persona.v1.ListDataSubjectRequestsRequest;
import io.cxhub.proto.persona.v1.ListDataSubjectRequestsResponse;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.persona.v1.DataSubjectService endpoint (tenant-scoped, admins only). */
@Service
class DataSubjectGrpcService extends DataSubjectServiceGrpc.DataSubjectServiceImplBase {

  private final DataSubjectRequests requests;

  DataSubjectGrpcService(DataSubjectRequests requests) {
    this.requests = requests;
  }

  @Override
  public void createDataSubjectRequest(CreateDataSubjectRequestRequest request,
      StreamObserver<DataSubjectRequest> response) {
    var kind = switch (request.getKind()) {
      case ERASURE -> SubjectRequest.Kind.ERASURE;
      case EXPORT -> SubjectRequest.Kind.EXPORT;
      default -> null;
    };
    var created = requests.create(TenantContext.require(), kind, request.getCustomerId(),
        CallerKeyInterceptor.actor().orElse("unknown"));
    response.onNext(toProto(created));
    response.onCompleted();
  }

  @Override
  public void getDataSubjectRequest(GetDataSubjectRequestRequest request, StreamObserver<DataSubjectRequest> response) {
    response.onNext(toProto(requests.get(TenantContext.require(), request.getRequestId())));
    response.onCompleted();
  }

  @Override
  public void listDataSubjectRequests(ListDataSubjectRequestsRequest request,
      StreamObserver<ListDataSubjectRequestsResponse> response) {
    var page = requests.list(TenantContext.require(), request.getPageSize(), request.getPageToken());
    var reply = ListDataSubjectRequestsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.requests().forEach(r -> reply.addRequests(toProto(r)));
    response.onNext(reply.build());
    response.onCompleted();
  }

  @Override
  public void getDataSubjectExport(GetDataSubjectExportRequest request, StreamObserver<DataSubjectExport> response) {
    var export = requests.export(TenantContext.require(), request.getRequestId());
    var json = new StringBuilder("{");
    export.sections().forEach((service, section) -> {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(service).append("\":").append(section);
    });
    json.append('}');
    var document = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(json.toString(), document);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("an export section is not a JSON object", e);
    }
    var r = export.request();
    var reply = DataSubjectExport.newBuilder().setRequestId(r.id()).setDocument(document);
    if (r.customerId() != null) {
      reply.setCustomerId(r.customerId());
    }
    if (r.completedAt() != null) {
      reply.setCreateTime(ProtoTimestamps.toProto(r.completedAt()));
    }
    if (r.expiresAt() != null) {
      reply.setExpireTime(ProtoTimestamps.toProto(r.expiresAt()));
    }
    response.onNext(reply.build());
    response.onCompleted();
  }

  static DataSubjectRequest toProto(SubjectRequest r) {
    var b = DataSubjectRequest.newBuilder().setRequestId(r.id())
        .setKind(r.kind() == SubjectRequest.Kind.ERASURE ? DataSubjectRequestKind.ERASURE : DataSubjectRequestKind.EXPORT)
        .setSubjectHash(r.subjectHash())
        .setState(switch (r.state()) {
          case RUNNING -> DataSubjectRequestState.DATA_SUBJECT_REQUEST_STATE_RUNNING;
          case SUCCEEDED -> DataSubjectRequestState.DATA_SUBJECT_REQUEST_STATE_SUCCEEDED;
          case STALLED -> DataSubjectRequestState.DATA_SUBJECT_REQUEST_STATE_STALLED;
        })
        .setCreateTime(ProtoTimestamps.toProto(r.createdAt()));
    if (r.customerId() != null) {
      b.setCustomerId(r.customerId());
    }
    if (r.actor() != null) {
      b.setActor(r.actor());
    }
    if (r.completedAt() != null) {
      b.setCompleteTime(ProtoTimestamps.toProto(r.completedAt()));
    }
    if (r.expiresAt() != null) {
      b.setExpireTime(ProtoTimestamps.toProto(r.expiresAt()));
    }
    for (var p : r.parts()) {
      var part = DataSubjectRequestPart.newBuilder().setService(p.service())
          .setState(p.done() ? DataSubjectPartState.DATA_SUBJECT_PART_STATE_DONE
              : DataSubjectPartState.DATA_SUBJECT_PART_STATE_PENDING)
          .setAttempts(p.attempts()).setItems(p.items());
      if (p.lastError() != null) {
        part.setLastError(p.lastError());
      }
      if (p.nextAttemptAt() != null && !p.done()) {
        part.setNextAttemptTime(ProtoTimestamps.toProto(p.nextAttemptAt()));
      }
      if (p.completedAt() != null) {
        part.setCompleteTime(ProtoTimestamps.toProto(p.completedAt()));
      }
      b.addParts(part);
    }
    return b.build();
  }
}
