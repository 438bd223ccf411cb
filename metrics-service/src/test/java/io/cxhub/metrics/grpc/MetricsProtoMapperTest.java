package io.cxhub.metrics.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.metrics.ingest.AnswerKind;
import io.cxhub.proto.survey.v1.QuestionKind;
import io.cxhub.proto.survey.v1.RecordedAnswer;
import org.junit.jupiter.api.Test;

class MetricsProtoMapperTest {

  @Test
  void answerKindIsTheQuestionKindEnum() {
    assertThat(MetricsProtoMapper.kind(RecordedAnswer.newBuilder().setKind(QuestionKind.QUESTION_KIND_CES).build()))
        .isEqualTo(AnswerKind.CES);
  }

  @Test
  void unscoredKindsAreNotAnswerKinds() {
    assertThat(MetricsProtoMapper.kind(RecordedAnswer.newBuilder().setKind(QuestionKind.QUESTION_KIND_FREE_TEXT).build()))
        .isNull();
    assertThat(MetricsProtoMapper.kind(RecordedAnswer.getDefaultInstance())).isNull();
  }

  /** A relay from a survey-service not yet upgraded sends the kind only by name (field 2). */
  @Test
  @SuppressWarnings("deprecation")
  void readsTheKindNameOfAnOlderRelay() {
    assertThat(MetricsProtoMapper.kind(RecordedAnswer.newBuilder().setKindName("NPS").build()))
        .isEqualTo(AnswerKind.NPS);
    assertThat(MetricsProtoMapper.kind(RecordedAnswer.newBuilder().setKindName("FREE_TEXT").build())).isNull();
  }
}
