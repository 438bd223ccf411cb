package io.cxhub.gateway.openapi;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiGeneratorTest {

  private static final ObjectNode DOC = OpenApiGenerator.generate(CATALOG);

  @Test
  void describesGetSurveyWithItsPathParameter() {
    JsonNode get = DOC.at("/paths/~1v1~1surveys~1{survey_id}/get");

    assertThat(get.path("operationId").asText()).isEqualTo("GetSurvey");
    assertThat(get.path("tags").get(0).asText()).isEqualTo("SurveyService");
    assertThat(get.path("summary").asText()).isEqualTo("Returns one survey of the caller's tenant.");
    JsonNode parameter = get.path("parameters").get(0);
    assertThat(parameter.path("name").asText()).isEqualTo("survey_id");
    assertThat(parameter.path("in").asText()).isEqualTo("path");
    assertThat(parameter.path("required").asBoolean()).isTrue();
    assertThat(parameter.path("description").asText()).isEqualTo("Identifier of the survey.");
    assertThat(get.at("/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Survey");
  }

  @Test
  void requiresTheApiKeyExceptOnPublicOperations() {
    JsonNode submit = DOC.at("/paths/~1v1~1public~1surveys~1{token}~1responses/post");
    JsonNode partner = DOC.at("/paths/~1v1~1surveys~1{survey_id}~1responses/post");
    JsonNode get = DOC.at("/paths/~1v1~1surveys~1{survey_id}/get");

    assertThat(submit.path("operationId").asText()).isEqualTo("SubmitPublicResponse");
    assertThat(submit.has("security")).isFalse();
    assertThat(submit.at("/responses/401").isMissingNode()).isTrue();
    assertThat(partner.path("operationId").asText()).isEqualTo("SubmitResponse");
    assertThat(partner.at("/security/0/apiKey").isArray()).isTrue();
    assertThat(get.at("/security/0/apiKey").isArray()).isTrue();
    assertThat(get.at("/responses/401/$ref").asText()).isEqualTo("#/components/responses/Unauthorized");
    assertThat(DOC.at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
    assertThat(DOC.at("/components/securitySchemes/apiKey/type").asText()).isEqualTo("http");
  }

  @Test
  void takesDescriptionsFromTheProtoComments() {
    assertThat(DOC.at("/components/schemas/Survey/description").asText())
        .isEqualTo("A questionnaire sent to customers through one or more channels.");
    assertThat(DOC.at("/components/schemas/Survey/properties/title/description").asText())
        .startsWith("Title shown to analysts");
    assertThat(DOC.at("/components/schemas/SurveyState/description").asText())
        .contains("Lifecycle of a survey.", "- `SURVEY_STATE_ACTIVE`: Accepts responses.");
    assertThat(tag("SurveyService").path("description").asText()).isEqualTo("Surveys and the responses they collect.");
  }

  @Test
  void followsTheProto3JsonMappingInSchemas() {
    assertThat(DOC.at("/components/schemas/NpsResult/properties/n/type").asText()).isEqualTo("string");
    assertThat(DOC.at("/components/schemas/NpsResult/properties/n/format").asText()).isEqualTo("int64");
    assertThat(DOC.at("/components/schemas/NpsResult/properties/nps/type").asText()).isEqualTo("number");
    assertThat(DOC.at("/components/schemas/Survey/properties/createTime/type").asText()).isEqualTo("string");
    assertThat(DOC.at("/components/schemas/Survey/properties/createTime/format").asText()).isEqualTo("date-time");
    assertThat(DOC.at("/components/schemas/Survey/properties/createTime/readOnly").asBoolean()).isTrue();
    assertThat(DOC.at("/components/schemas/Survey/properties/questions/type").asText()).isEqualTo("array");
    assertThat(DOC.at("/components/schemas/Survey/properties/questions/items/$ref").asText())
        .isEqualTo("#/components/schemas/Question");
    assertThat(DOC.at("/components/schemas/SurveyState/type").asText()).isEqualTo("string");
    assertThat(DOC.at("/components/schemas/SurveyState/enum/1").asText()).isEqualTo("SURVEY_STATE_DRAFT");
    assertThat(DOC.at("/components/schemas/Empty/type").asText()).isEqualTo("object");
    assertThat(DOC.at("/components/schemas/CreateTenantRequest").isMissingNode()).isTrue();
  }

  @Test
  void describesOneofMembers() {
    assertThat(DOC.at("/components/schemas/Answer/properties/score/description").asText())
        .contains("At most one of `score`, `text`, `choices` may be set.");
  }

  @Test
  void listsQueryParametersByJsonNameIncludingNestedOnes() {
    assertThat(parameterNames("/paths/~1v1~1surveys/get")).containsExactly("pageSize", "pageToken");
    assertThat(parameterNames("/paths/~1v1~1surveys~1{survey_id}~1nps/get"))
        .containsExactly("survey_id", "questionId", "period.startDate", "period.endDate");
  }

  @Test
  void describesRequestBodies() {
    JsonNode createTenant = DOC.at("/paths/~1v1~1admin~1tenants/post/requestBody");
    assertThat(createTenant.path("required").asBoolean()).isTrue();
    assertThat(createTenant.at("/content/application~1json/schema/allOf/0/$ref").asText())
        .isEqualTo("#/components/schemas/Tenant");

    JsonNode submit = DOC.at("/paths/~1v1~1surveys~1{survey_id}~1responses/post/requestBody/content/application~1json/schema");
    assertThat(submit.path("properties").has("answers")).isTrue();
    assertThat(submit.path("properties").has("surveyId")).as("carried by the path").isFalse();
  }

  @Test
  void describesRawRequestBodiesAsBinaryWithTheirSizeLimit() {
    JsonNode importEvents = DOC.at("/paths/~1v1~1events:import/post");

    assertThat(importEvents.at("/requestBody/content/*~1*/schema/format").asText()).isEqualTo("binary");
    assertThat(importEvents.at("/requestBody/required").asBoolean()).isTrue();
    assertThat(importEvents.at("/responses/413/$ref").asText()).isEqualTo("#/components/responses/PayloadTooLarge");
    assertThat(importEvents.path("description").asText()).contains("application/x-ndjson");
    assertThat(importEvents.path("parameters").isMissingNode()).as("the body field is not a query parameter").isTrue();
  }

  @Test
  void describesErrorsAsProblemDetails() {
    JsonNode responses = DOC.at("/paths/~1v1~1admin~1tenants/post/responses");

    assertThat(responses.at("/400/$ref").asText()).isEqualTo("#/components/responses/BadRequest");
    assertThat(responses.at("/default/$ref").asText()).isEqualTo("#/components/responses/Error");
    assertThat(DOC.at("/components/responses/BadRequest/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(DOC.at("/components/schemas/Problem/properties/errors/type").asText()).isEqualTo("array");
  }

  @Test
  void leavesInternalRpcsOut() {
    assertThat(DOC.toString()).doesNotContain("RecordResponses");
  }

  @Test
  void resolvesEveryReference() {
    var refs = new ArrayList<String>();
    collectRefs(DOC, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(DOC.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  @Test
  void namesOperationsUniquely() {
    var ids = new ArrayList<String>();
    DOC.path("paths").forEach(item -> item.forEach(op -> ids.add(op.path("operationId").asText())));

    assertThat(ids).doesNotHaveDuplicates().contains("CreateTenant", "RevokeApiKey", "GetNps", "CreatePersona");
  }

  private static JsonNode tag(String name) {
    for (JsonNode tag : DOC.path("tags")) {
      if (tag.path("name").asText().equals(name)) {
        return tag;
      }
    }
    throw new AssertionError("no tag " + name);
  }

  private static List<String> parameterNames(String operationPointer) {
    var names = new ArrayList<String>();
    DOC.at(operationPointer + "/parameters").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields().forEachRemaining(entry -> {
        if (entry.getKey().equals("$ref")) {
          refs.add(entry.getValue().asText());
        } else {
          collectRefs(entry.getValue(), refs);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
