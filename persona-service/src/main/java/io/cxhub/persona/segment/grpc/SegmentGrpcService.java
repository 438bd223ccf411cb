package io.cxhub.persona.segment.grpc;

import com.google.protobuf.Empty;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.persona.segment.SegmentCatalog;
import io.cxhub.proto.persona.v1.DeleteSegmentRequest;
import io.cxhub.proto.persona.v1.GetSegmentOperationRequest;
import io.cxhub.proto.persona.v1.GetSegmentRequest;
import io.cxhub.proto.persona.v1.ListSegmentSizesRequest;
import io.cxhub.proto.persona.v1.ListSegmentSizesResponse;
import io.cxhub.proto.persona.v1.ListSegmentsRequest;
import io.cxhub.proto.persona.v1.ListSegmentsResponse;
import io.cxhub.proto.persona.v1.Segment;
import io.cxhub.proto.persona.v1.SegmentOperation;
import io.cxhub.proto.persona.v1.SegmentServiceGrpc;
import io.cxhub.proto.persona.v1.SegmentSize;
import io.cxhub.proto.persona.v1.UpsertSegmentRequest;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.persona.v1.SegmentService endpoint (tenant-scoped). */
@Service
class SegmentGrpcService extends SegmentServiceGrpc.SegmentServiceImplBase {

  private final SegmentCatalog catalog;

  SegmentGrpcService(SegmentCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void upsertSegment(UpsertSegmentRequest request, StreamObserver<Segment> response) {
    var saved = catalog.upsert(TenantContext.require(), SegmentProtoMapper.toDefinition(request));
    response.onNext(SegmentProtoMapper.toProto(saved));
    response.onCompleted();
  }

  @Override
  public void getSegment(GetSegmentRequest request, StreamObserver<Segment> response) {
    response.onNext(SegmentProtoMapper.toProto(catalog.get(TenantContext.require(), request.getSegmentId())));
    response.onCompleted();
  }

  @Override
  public void listSegments(ListSegmentsRequest request, StreamObserver<ListSegmentsResponse> response) {
    var reply = ListSegmentsResponse.newBuilder();
    catalog.list(TenantContext.require()).forEach(s -> reply.addSegments(SegmentProtoMapper.toProto(s)));
    response.onNext(reply.build());
    response.onCompleted();
  }

  @Override
  public void deleteSegment(DeleteSegmentRequest request, StreamObserver<Empty> response) {
    catalog.delete(TenantContext.require(), request.getSegmentId());
    response.onNext(Empty.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void getSegmentOperation(GetSegmentOperationRequest request, StreamObserver<SegmentOperation> response) {
    response.onNext(SegmentProtoMapper.toProto(catalog.operation(TenantContext.require(), request.getOperationId())));
    response.onCompleted();
  }

  @Override
  public void listSegmentSizes(ListSegmentSizesRequest request, StreamObserver<ListSegmentSizesResponse> response) {
    var reply = ListSegmentSizesResponse.newBuilder();
    catalog.sizes(TenantContext.require(), request.getSegmentId(), request.getStartDate(), request.getEndDate())
        .forEach(s -> reply.addSizes(SegmentSize.newBuilder().setDate(s.day().toString()).setCustomers(s.customers())));
    response.onNext(reply.build());
    response.onCompleted();
  }
}
