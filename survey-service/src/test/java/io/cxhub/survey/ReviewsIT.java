package io.cxhub.survey;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.survey.v1.ImportReviewsRequest;
import io.cxhub.proto.survey.v1.ListReviewsRequest;
import io.cxhub.proto.survey.v1.Review;
import io.cxhub.proto.survey.v1.ReviewFormat;
import io.cxhub.proto.survey.v1.ReviewServiceGrpc;
import io.cxhub.proto.survey.v1.ReviewServiceGrpc.ReviewServiceBlockingStub;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Importing public reviews over real gRPC against the embedded MongoDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewsIT {

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    app = TestServices.startSurvey(mongo, "cx_survey", "localhost:1", "cx.survey.relay.enabled=false");
    channel = TestServices.channel(TestServices.grpcPort(app));
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    mongo.close();
  }

  private ReviewServiceBlockingStub reviews(String tenant) {
    return asTenant(ReviewServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static ImportReviewsRequest csv(String content) {
    return ImportReviewsRequest.newBuilder().setFormat(ReviewFormat.REVIEW_FORMAT_CSV).setContent(content).build();
  }

  @Test
  void importsCsvAndJsonDeduplicatedBySourceAndExternalId() {
    var first = reviews("acme").importReviews(csv("""
        source,external_id,rating,text,date
        google,g-1,5,"Très bien, « rapide »",2026-03-01
        trustpilot,t-9,1,"Colis ""perdu""
        deux fois",2026-03-02T08:30:00Z
        """));
    assertThat(first.getImported()).isEqualTo(2);
    assertThat(first.getDuplicates()).isZero();

    var again = reviews("acme").importReviews(ImportReviewsRequest.newBuilder()
        .setFormat(ReviewFormat.REVIEW_FORMAT_JSON)
        .setContent("""
            [{"source":"google","external_id":"g-1","rating":5,"text":"Très bien","date":"2026-03-01"},
             {"source":"google","external_id":"g-2","rating":3,"text":"Moyen","date":"2026-03-03"}]
            """).build());
    assertThat(again.getImported()).isEqualTo(1);
    assertThat(again.getDuplicates()).isEqualTo(1);

    var listed = reviews("acme").listReviews(ListReviewsRequest.getDefaultInstance()).getReviewsList();
    assertThat(listed).extracting(Review::getExternalId).containsExactly("g-2", "t-9", "g-1");
    assertThat(listed).allMatch(r -> r.getChannel() == Channel.CHANNEL_REVIEW);
    assertThat(listed.get(1).getText()).isEqualTo("Colis \"perdu\"\ndeux fois");
    // the same review id in another tenant is another review
    assertThat(reviews("globex").importReviews(csv("source,external_id,rating,text,date\ngoogle,g-1,4,ok,2026-03-01\n"))
        .getImported()).isEqualTo(1);
  }

  @Test
  void anInvalidRowImportsNothingAndIsNamed() {
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> reviews("initech").importReviews(csv("""
        source,external_id,rating,text,date
        google,ok-1,4,fine,2026-03-01
        google,,6,bad,yesterday
        """)));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violatedFields(e)).containsExactlyInAnyOrder("content[1].external_id", "content[1].rating", "content[1].date");
    assertThat(reviews("initech").listReviews(ListReviewsRequest.getDefaultInstance()).getReviewsList()).isEmpty();
  }
}
