package io.cxhub.metrics.grpc;

import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.metrics.ingest.ResponseContributor;
import io.cxhub.metrics.rollup.RecountCubes;
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

  private final RecountCubes recount;

  BucketGrpcService(RecountCubes recount) {
    this.recount = recount;
  }

  @Override
  public void recountBuckets(RecountBucketsRequest request, StreamObserver<RecountBucketsResponse> response) {
    var report = recount.recount(TenantContext.require(), request.getRepair());
    response.onNext(toProto(report));
    response.onCompleted();
  }

  static RecountBucketsResponse toProto(RecountCubes.Report report) {
    var result = RecountBucketsResponse.newBuilder()
        .setResponses(report.items())
        .setBucketsChecked(report.cubesChecked())
        .setBucketsMatching(report.matching());
    for (var d : report.differences()) {
      var cell = d.cell();
      var family = d.cube().family();
      String[] score = family.startsWith(ResponseContributor.FAMILY_PREFIX)
          ? family.substring(ResponseContributor.FAMILY_PREFIX.length()).split(":", 2)
          : new String[] {"", ""};
      result.addDifferences(BucketDifference.newBuilder()
          .setBucketId(d.cube().id() + "/" + cell.key())
          .setFamily(family)
          .setGrain(d.cube().period().grain().name())
          .setDay(d.cube().period().start().toString())
          .setKind(score[0])
          .setSurveyId(score.length > 1 ? score[1] : "")
          .setQuestionId(cell.get("question"))
          .setChannel(cell.get("channel"))
          .setStage(cell.get("stage"))
          .setTouchpoint(cell.get("touchpoint"))
          .setSegment(cell.get("segment"))
          .putAllDimensions(cell.dims())
          .putAllStoredCounters(d.stored().counters())
          .putAllRecountedCounters(d.recounted().counters())
          .setStoredCount(d.stored().counter(ResponseContributor.COUNT))
          .setRecountedCount(d.recounted().counter(ResponseContributor.COUNT))
          .setStoredSum(d.stored().counter(ResponseContributor.SUM))
          .setRecountedSum(d.recounted().counter(ResponseContributor.SUM))
          .setMissing(d.missing())
          .setOutcome(switch (d.outcome()) {
            case REPORTED -> RecountOutcome.RECOUNT_OUTCOME_REPORTED;
            case REPAIRED -> RecountOutcome.RECOUNT_OUTCOME_REPAIRED;
            case CHANGED_DURING_RECOUNT -> RecountOutcome.RECOUNT_OUTCOME_CHANGED_DURING_RECOUNT;
          }));
    }
    return result.build();
  }
}
