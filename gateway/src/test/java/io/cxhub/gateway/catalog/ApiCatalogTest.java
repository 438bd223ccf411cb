package io.cxhub.gateway.catalog;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Catalogs.binding;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.proto.common.v1.Access;
import org.junit.jupiter.api.Test;

class ApiCatalogTest {

  @Test
  void readsTheHttpRulesOfTheContracts() {
    HttpBinding getSurvey = binding("GetSurvey");

    assertThat(getSurvey.httpMethod()).isEqualTo("GET");
    assertThat(getSurvey.path()).isEqualTo("/v1/surveys/{survey_id}");
    assertThat(getSurvey.pathFields()).containsExactly("survey_id");
    assertThat(getSurvey.hasBody()).isFalse();
    assertThat(getSurvey.rpc().fullName()).isEqualTo("cx.survey.v1.SurveyService/GetSurvey");
  }

  @Test
  void readsBodyRules() {
    assertThat(binding("SubmitResponse").wholeRequestIsBody()).isTrue();
    assertThat(binding("CreateSurvey").bodyField()).get()
        .extracting(field -> field.getName()).isEqualTo("survey");
  }

  @Test
  void readsTheAccessOptionAndDefaultsToTenant() {
    assertThat(binding("SubmitPublicResponse").rpc().access()).isEqualTo(Access.ACCESS_PUBLIC);
    assertThat(binding("SubmitResponse").rpc().access()).isEqualTo(Access.ACCESS_TENANT);
    assertThat(binding("CreateTenant").rpc().access()).isEqualTo(Access.ACCESS_PLATFORM);
    assertThat(binding("GetSurvey").rpc().access()).isEqualTo(Access.ACCESS_TENANT);
  }

  @Test
  void sendsEachPackageToTheBackendOfItsName() {
    assertThat(binding("GetSurvey").rpc().backend()).isEqualTo("survey");
    assertThat(binding("GetNps").rpc().backend()).isEqualTo("metrics");
    assertThat(binding("CreateTenant").rpc().backend()).isEqualTo("admin");
    assertThat(CATALOG.backends()).contains("survey", "metrics", "persona", "journey", "admin");
  }

  @Test
  void doesNotExposeRpcsWithoutHttpRule() {
    assertThat(CATALOG.binding("RecordResponses")).isEmpty();
  }

  @Test
  void keepsTheProtoCommentsForDocumentation() {
    var getSurvey = binding("GetSurvey").rpc().descriptor();

    assertThat(CATALOG.comments().of(getSurvey)).contains("Returns one survey of the caller's tenant.");
    assertThat(CATALOG.comments().of(getSurvey.getService())).contains("Surveys and the responses they collect.");
  }

  @Test
  void refusesAPathVariableThatNamesNoScalarField() {
    var rpc = binding("GetSurvey").rpc();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiCatalog.binding(rpc,
            com.google.api.HttpRule.newBuilder().setGet("/v1/surveys/{survey_key}").build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("survey_key");
  }

  @Test
  void countsLiteralSegmentsAndVariablesOfTemplates() {
    var shape = ApiCatalog.TemplateShape.of("/v1/{name=projects/*/things/*}/items/{item_id}:cancel", "test");

    assertThat(shape.variables()).containsExactly("name", "item_id");
    assertThat(shape.literals()).isEqualTo(3);
  }
}
