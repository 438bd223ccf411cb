package io.cxhub.metrics;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.metrics.v1.BucketServiceGrpc;
import io.cxhub.proto.metrics.v1.MetricsServiceGrpc;
import io.cxhub.proto.metrics.v1.QueryScoresRequest;
import io.cxhub.proto.metrics.v1.RecordResponsesRequest;
import io.cxhub.proto.metrics.v1.RecountBucketsRequest;
import io.cxhub.proto.metrics.v1.RecountBucketsResponse;
import io.cxhub.proto.metrics.v1.RecountOutcome;
import io.cxhub.proto.metrics.v1.ScoreMetric;
import io.cxhub.proto.metrics.v1.ScoreServiceGrpc;
import io.cxhub.proto.survey.v1.RecordedAnswer;
import io.cxhub.proto.survey.v1.RecordedResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Exactly-once over restarts, through the real gRPC server and the embedded MongoDB: after
 * duplicate deliveries, a relay that crashed between send and mark (so it resends), and
 * metrics-service down then up again on the same database, the buckets equal a recount
 * from the raw responses, and the recount job detects and repairs a corrupted bucket.
 */
class ExactlyOnceIT {

  private static final Instant DAY1 = Instant.parse("2025-03-14T08:00:00Z");

  @TempDir
  Path dataDir;

  private static ConfigurableApplicationContext start(TestMongo mongo, int grpcPort) {
    return MetricsServiceApplication.builder().run(
        "--spring.data.mongodb.uri=" + mongo.connectionString("cx_metrics"),
        "--spring.grpc.server.port=" + grpcPort,
        "--server.port=0",
        "--cx.metrics.ingest.sweep-interval=1h");
  }

  private static RecordedResponse response(int i) {
    return RecordedResponse.newBuilder()
        .setResponseId("r" + i).setSurveyId("s-eo").setSurveyVersion(1)
        .setChannel(i % 3 == 0 ? Channel.CHANNEL_QR : Channel.CHANNEL_EMAIL)
        .setSubmitTime(Timestamp.newBuilder().setSeconds(DAY1.getEpochSecond() + 3600L * (i % 40)))
        .addAnswers(RecordedAnswer.newBuilder().setQuestionId("nps").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_NPS).setScore(i % 11).setScaleMax(10))
        .addAnswers(RecordedAnswer.newBuilder().setQuestionId("csat").setKind(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_CSAT).setScore(1 + i % 5)
            .setScaleMin(1).setScaleMax(5))
        .build();
  }

  private static RecordResponsesRequest batch(int from, int to) {
    var b = RecordResponsesRequest.newBuilder();
    for (int i = from; i < to; i++) {
      b.addResponses(response(i));
    }
    return b.build();
  }

  @Test
  void bucketsEqualTheRecountAfterDuplicatesCrashesAndRestarts() throws Exception {
    try (TestMongo mongo = TestMongo.start(dataDir)) {
      var app = start(mongo, 0);
      int port = app.getEnvironment().getRequiredProperty("local.grpc.port", Integer.class);
      ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
      try {
        var metrics = asTenant(MetricsServiceGrpc.newBlockingStub(channel), "exactly-once");
        metrics.withDeadlineAfter(10, TimeUnit.SECONDS).recordResponses(batch(0, 100));
        // the relay crashed between send and mark: the same batch comes again, twice
        metrics.withDeadlineAfter(10, TimeUnit.SECONDS).recordResponses(batch(0, 100));
        metrics.withDeadlineAfter(10, TimeUnit.SECONDS).recordResponses(batch(50, 150));

        app.close(); // metrics-service goes down
        var down = catchThrowableOfType(StatusRuntimeException.class,
            () -> metrics.withDeadlineAfter(2, TimeUnit.SECONDS).recordResponses(batch(150, 200)));
        assertThat(down.getStatus().getCode()).isIn(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

        app = start(mongo, port); // ... and comes back on the same database
        channel.resetConnectBackoff();
        // the relay catches up: everything not marked delivered, overlapping what was applied
        metrics.withWaitForReady().withDeadlineAfter(10, TimeUnit.SECONDS).recordResponses(batch(100, 200));
        metrics.withDeadlineAfter(10, TimeUnit.SECONDS).recordResponses(batch(150, 200));

        var recount = asTenant(BucketServiceGrpc.newBlockingStub(channel), "exactly-once").withDeadlineAfter(30, TimeUnit.SECONDS);
        RecountBucketsResponse report = recount.recountBuckets(RecountBucketsRequest.getDefaultInstance());
        assertThat(report.getResponses()).isEqualTo(200);
        assertThat(report.getDifferencesList()).isEmpty();
        assertThat(report.getBucketsMatching()).isEqualTo(report.getBucketsChecked()).isPositive();

        var scores = asTenant(ScoreServiceGrpc.newBlockingStub(channel), "exactly-once").withDeadlineAfter(10, TimeUnit.SECONDS);
        var nps = scores.queryScores(QueryScoresRequest.newBuilder().setMetric(ScoreMetric.SCORE_METRIC_NPS).build());
        assertThat(nps.getTotals(0).getN()).isEqualTo(200);

        // a bucket corrupted behind the protocol's back is found and repaired
        try (var client = MongoClients.create(mongo.connectionString("cx_metrics"))) {
          var cubes = client.getDatabase("cx_metrics").getCollection("cubes");
          String id = "exactly-once:score:NPS:s-eo:M2025-03";
          String cell = "cells." + cubes.find(Filters.eq("_id", id)).first()
              .get("cells", org.bson.Document.class).keySet().iterator().next();
          cubes.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc(cell + ".c.n", 5L),
              Updates.inc(cell + ".h.v.10", 5L), Updates.inc(cell + ".c.sum", 50L), Updates.inc(cell + ".c.sumSq", 500L)));
        }
        var found = recount.recountBuckets(RecountBucketsRequest.getDefaultInstance());
        assertThat(found.getDifferencesList()).singleElement().satisfies(d -> {
          assertThat(d.getStoredCount() - d.getRecountedCount()).isEqualTo(5);
          assertThat(d.getOutcome()).isEqualTo(RecountOutcome.RECOUNT_OUTCOME_REPORTED);
        });
        var repaired = recount.recountBuckets(RecountBucketsRequest.newBuilder().setRepair(true).build());
        assertThat(repaired.getDifferences(0).getOutcome()).isEqualTo(RecountOutcome.RECOUNT_OUTCOME_REPAIRED);
        assertThat(recount.recountBuckets(RecountBucketsRequest.getDefaultInstance()).getDifferencesList()).isEmpty();
        assertThat(scores.queryScores(QueryScoresRequest.newBuilder().setMetric(ScoreMetric.SCORE_METRIC_NPS).build())
            .getTotals(0).getN()).isEqualTo(200);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        app.close();
      }
    }
  }

}
