package io.cxhub.metrics.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.metrics.ingest.RecountBuckets;
import io.cxhub.metrics.ingest.RecountBuckets.RecountReport;
import io.cxhub.proto.metrics.v1.BucketDifference;
import io.cxhub.proto.metrics.v1.BucketServiceGrpc;
import io.cxhub.proto.metrics.v1.RecountBucketsRequest;
import io.cxhub.proto.metrics.v1.RecountBucketsResponse;
import io.cxhub.proto.metrics.v1.RecountOutcome;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.metrics.v1.BucketService endpoint (tenant-scoped). */
@Service
class BucketGrpcService extends BucketServiceGrpc.BucketServiceImplBase {

  private final RecountBuckets recount;

  BucketGrpcService(RecountBuckets recount) {
    this.recount = recount;
  }

  @Override
  public void recountBuckets(RecountBucketsRequest request, StreamObserver<RecountBucketsResponse> response) {
    var report = recount.recount(TenantContext.require(), request.getRepair());
    response.onNext(toProto(report));
    response.onCompleted();
  }

  static RecountBucketsResponse toProto(RecountReport report) {
    var result = RecountBucketsResponse.newBuilder()
        .setResponses(report.responses())
        .setBucketsChecked(report.bucketsChecked())
        .setBucketsMatching(report.matching())
        .setBucketsInFlight(report.inFlight());
    for (var d : report.differences()) {
      var k = d.recounted().key();
      result.addDifferences(BucketDifference.newBuilder()
          .setBucketId(d.recounted().id())
          .setSurveyId(k.surveyId())
          .setQuestionId(k.questionId())
          .setDay(k.dayText())
          .setChannel(k.channel())
          .setStage(k.stage())
          .setTouchpoint(k.touchpoint())
          .setSegment(k.segment())
          .setKind(d.recounted().kind())
          .setStoredCount(d.stored() == null ? 0 : d.stored().count())
          .setStoredSum(d.stored() == null ? 0 : d.stored().sum())
          .setRecountedCount(d.recounted().count())
          .setRecountedSum(d.recounted().sum())
          .setMissing(d.stored() == null)
          .setOutcome(switch (d.outcome()) {
            case REPORTED -> RecountOutcome.RECOUNT_OUTCOME_REPORTED;
            case REPAIRED -> RecountOutcome.RECOUNT_OUTCOME_REPAIRED;
            case CHANGED_DURING_RECOUNT -> RecountOutcome.RECOUNT_OUTCOME_CHANGED_DURING_RECOUNT;
          }));
    }
    return result.build();
  }
}
