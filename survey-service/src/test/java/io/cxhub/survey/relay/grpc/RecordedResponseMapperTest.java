package io.cxhub.survey.relay.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.domain.Channel;
import io.cxhub.survey.response.AnswerValue;
import io.cxhub.survey.response.Outbox;
import io.cxhub.survey.response.RespondentContext;
import io.cxhub.survey.response.ResponseAnswer;
import io.cxhub.survey.response.SurveyResponse;
import io.cxhub.survey.survey.JourneyLink;
import io.cxhub.survey.survey.QuestionKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedResponseMapperTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final List<ResponseAnswer> ANSWERS = List.of(
      new ResponseAnswer("nps", QuestionKind.NPS, 0, 10, new AnswerValue.Score(3)),
      new ResponseAnswer("why", QuestionKind.FREE_TEXT, 0, 0, new AnswerValue.Text("trop lent")));

  @Test
  void sendsScoredAnswersWithTheirScaleAndTheRespondentsCustomerId() {
    var response = SurveyResponse.builder().tenantId("acme").responseId("r1").surveyId("s1").surveyVersion(2)
        .channel(Channel.QR).answers(ANSWERS).submitTime(NOW).distributionId("d1")
        .context(new RespondentContext("cust-42", null, "fr", Map.of()))
        .build();

    var recorded = RecordedResponseMapper.toRecorded(response);

    assertThat(recorded.getCustomerId()).isEqualTo("cust-42");
    assertThat(recorded.getSurveyVersion()).isEqualTo(2);
    assertThat(recorded.getAnswersList()).singleElement().satisfies(a -> {
      assertThat(a.getQuestionId()).isEqualTo("nps");
      assertThat(a.getKind()).isEqualTo(io.cxhub.proto.survey.v1.QuestionKind.QUESTION_KIND_NPS);
      assertThat(a.getKindName()).isEqualTo("NPS");
      assertThat(a.getScore()).isEqualTo(3);
      assertThat(a.getScaleMax()).isEqualTo(10);
    });
  }

  @Test
  void sendsTheStageAndTouchpointTheSurveyMeasures() {
    var response = SurveyResponse.builder().tenantId("acme").responseId("r3").surveyId("s1").channel(Channel.EMAIL)
        .answers(ANSWERS).submitTime(NOW).journeyLink(new JourneyLink("j1", "delivery", "tp-courier"))
        .build();

    var recorded = RecordedResponseMapper.toRecorded(response);

    assertThat(recorded.getStageId()).isEqualTo("delivery");
    assertThat(recorded.getTouchpointId()).isEqualTo("tp-courier");
  }

  @Test
  void anonymousResponsesCarryNoCustomerId() {
    var response = SurveyResponse.builder().tenantId("acme").responseId("r2").surveyId("s1").channel(Channel.LINK)
        .answers(ANSWERS).submitTime(NOW).build();

    assertThat(RecordedResponseMapper.toRecorded(response).getCustomerId()).isEmpty();
  }
}
