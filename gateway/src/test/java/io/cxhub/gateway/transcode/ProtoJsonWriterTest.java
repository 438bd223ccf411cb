package io.cxhub.gateway.transcode;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Catalogs.customBinding;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.HttpRule;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.cxhub.proto.metrics.v1.NpsResult;
import io.cxhub.proto.survey.v1.ListSurveysResponse;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyState;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtoJsonWriterTest {

  private final ProtoJsonWriter writer = new ProtoJsonWriter(CATALOG.typeRegistry());

  @Test
  void printsLowerCamelNamesInt64AsStringsAndDefaultValues() throws Exception {
    String json = print(NpsResult.newBuilder().setSurveyId("s1").setPromoters(3).build());

    assertThat(json).contains("\"surveyId\":\"s1\"", "\"promoters\":\"3\"", "\"n\":\"0\"", "\"nps\":0.0",
        "\"questionId\":\"\"");
    assertThat(json).doesNotContain("period"); // a message field has presence: absent when unset
  }

  @Test
  void printsEnumsByNameAndTimestampsAsRfc3339() throws Exception {
    String json = print(Survey.newBuilder().setState(SurveyState.SURVEY_STATE_ACTIVE)
        .setCreateTime(Timestamp.newBuilder().setSeconds(1_714_557_600L)).build());

    assertThat(json).contains("\"state\":\"SURVEY_STATE_ACTIVE\"", "\"createTime\":\"2024-05-01T10:00:00Z\"",
        "\"questions\":[]");
  }

  @Test
  void printsOnlyTheResponseBodyFieldWhenTheRuleNamesOne() throws Exception {
    var rule = HttpRule.newBuilder().setGet("/v1/surveys:titles").setResponseBody("surveys").build();
    var binding = customBinding("ListSurveys", rule);
    var response = dynamic(ListSurveysResponse.newBuilder().addSurveys(Survey.newBuilder().setTitle("T")).build());

    String json = new String(writer.writeResponse(binding, response), StandardCharsets.UTF_8);

    assertThat(json).startsWith("[{").contains("\"title\":\"T\"");
  }

  private String print(Message message) throws Exception {
    return new String(writer.write(dynamic(message)), StandardCharsets.UTF_8);
  }

  private static DynamicMessage dynamic(Message message) throws Exception {
    var type = CATALOG.message(message.getDescriptorForType().getFullName()).orElseThrow();
    return DynamicMessage.parseFrom(type, message.toByteString());
  }
}
