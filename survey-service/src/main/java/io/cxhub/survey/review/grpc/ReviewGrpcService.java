package io.cxhub.survey.review.grpc;

import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.survey.v1.ImportReviewsRequest;
import io.cxhub.proto.survey.v1.ImportReviewsResponse;
import io.cxhub.proto.survey.v1.ListReviewsRequest;
import io.cxhub.proto.survey.v1.ListReviewsResponse;
import io.cxhub.proto.survey.v1.Review;
import io.cxhub.proto.survey.v1.ReviewServiceGrpc;
import io.cxhub.survey.review.ImportReviews;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.survey.v1.ReviewService endpoint. */
@Service
class ReviewGrpcService extends ReviewServiceGrpc.ReviewServiceImplBase {

  private final ImportReviews importReviews;

  ReviewGrpcService(ImportReviews importReviews) {
    this.importReviews = importReviews;
  }

  @Override
  public void importReviews(ImportReviewsRequest request, StreamObserver<ImportReviewsResponse> response) {
    var format = switch (request.getFormat()) {
      case REVIEW_FORMAT_CSV -> ImportReviews.Format.CSV;
      case REVIEW_FORMAT_JSON -> ImportReviews.Format.JSON;
      case REVIEW_FORMAT_UNSPECIFIED, UNRECOGNIZED -> null;
    };
    var result = importReviews.importReviews(TenantContext.require(), format, request.getContent());
    response.onNext(ImportReviewsResponse.newBuilder()
        .setImported(result.imported()).setDuplicates(result.duplicates()).build());
    response.onCompleted();
  }

  @Override
  public void listReviews(ListReviewsRequest request, StreamObserver<ListReviewsResponse> response) {
    var page = importReviews.list(TenantContext.require(), request.getPageSize(), request.getPageToken());
    var builder = ListReviewsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.reviews().forEach(r -> builder.addReviews(Review.newBuilder()
        .setReviewId(r.id())
        .setSource(r.source())
        .setExternalId(r.externalId())
        .setRating(r.rating())
        .setText(r.text())
        .setReviewTime(ProtoTimestamps.toProto(r.reviewTime()))
        .setChannel(Channel.CHANNEL_REVIEW)
        .setImportTime(ProtoTimestamps.toProto(r.importTime()))));
    response.onNext(builder.build());
    response.onCompleted();
  }
}
