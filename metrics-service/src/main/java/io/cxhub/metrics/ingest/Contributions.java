package io.cxhub.metrics.ingest;

import io.cxhub.metrics.bucket.BucketIncrement;
import io.cxhub.metrics.bucket.BucketKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** What a response adds to the buckets: one increment per scored answer. */
final class Contributions {

  private Contributions() {}

  static List<BucketIncrement> of(String tenantId, RecordedResponse response) {
    LocalDate day = LocalDate.ofInstant(response.submitTime(), ZoneOffset.UTC);
    return response.answers().stream()
        .map(a -> BucketIncrement.of(
            new BucketKey(tenantId, response.surveyId(), a.questionId(), day, response.channel(), "", "",
                response.segment()),
            a.kind(),
            response.responseId(),
            a.score(),
            a.scaleMin(),
            a.scaleMax()))
        .toList();
  }
}
