package io.cxhub.gateway.transcode;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static io.cxhub.gateway.testing.Catalogs.customBinding;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.HttpRule;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRuleRouterTest {

  private final HttpRuleRouter router = new HttpRuleRouter(CATALOG.bindings());

  @Test
  void matchesAPathVariable() {
    var found = (RouteLookup.Found) router.route("GET", "/v1/surveys/srv-42");

    assertThat(found.binding().rpc().name()).isEqualTo("GetSurvey");
    assertThat(found.variables()).isEqualTo(Map.of("survey_id", "srv-42"));
  }

  @Test
  void decodesPercentEncodedVariables() {
    var found = (RouteLookup.Found) router.route("GET", "/v1/surveys/a%20b");

    assertThat(found.variables()).containsEntry("survey_id", "a b");
  }

  @Test
  void tellsRoutesApartByMethodAndLiteralSegments() {
    assertThat(rpcOf(router.route("POST", "/v1/surveys/s1/responses"))).isEqualTo("SubmitResponse");
    assertThat(rpcOf(router.route("GET", "/v1/surveys/s1/nps"))).isEqualTo("GetNps");
    assertThat(rpcOf(router.route("GET", "/v1/surveys"))).isEqualTo("ListSurveys");
    assertThat(rpcOf(router.route("POST", "/v1/surveys"))).isEqualTo("CreateSurvey");
  }

  @Test
  void matchesTwoVariables() {
    var found = (RouteLookup.Found) router.route("DELETE", "/v1/admin/tenants/acme/apiKeys/k1");

    assertThat(found.binding().rpc().name()).isEqualTo("RevokeApiKey");
    assertThat(found.variables()).isEqualTo(Map.of("tenant_id", "acme", "key_id", "k1"));
  }

  @Test
  void matchesNestedFieldPathVariables() {
    var rule = HttpRule.newBuilder().setPatch("/v1/surveys/{survey.survey_id}").setBody("survey").build();
    var router = new HttpRuleRouter(java.util.List.of(customBinding("CreateSurvey", rule)));

    var found = (RouteLookup.Found) router.route("PATCH", "/v1/surveys/s9");

    assertThat(found.variables()).isEqualTo(Map.of("survey.survey_id", "s9"));
  }

  @Test
  void prefersTheTemplateWithMoreLiterals() {
    var generic = customBinding("GetSurvey", HttpRule.newBuilder().setGet("/v1/surveys/{survey_id}/*").build());
    var bindings = new ArrayList<>(java.util.List.of(generic));
    bindings.addAll(CATALOG.bindings());

    assertThat(rpcOf(new HttpRuleRouter(bindings).route("GET", "/v1/surveys/s1/nps"))).isEqualTo("GetNps");
  }

  @Test
  void reportsTheAllowedMethodsOfAKnownPath() {
    var lookup = router.route("PUT", "/v1/surveys/s1");

    assertThat(lookup).isEqualTo(new RouteLookup.MethodNotAllowed(java.util.Set.of("GET", "PATCH")));
  }

  @Test
  void findsNothingForUnknownPaths() {
    assertThat(router.route("GET", "/v1/nothing-here")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(router.route("GET", "/v1/surveys/s1/responses/extra")).isInstanceOf(RouteLookup.NotFound.class);
  }

  @Test
  void doesNotMatchAnEmptyVariable() {
    assertThat(router.route("GET", "/v1/surveys/")).isInstanceOf(RouteLookup.NotFound.class);
  }

  private static String rpcOf(RouteLookup lookup) {
    return ((RouteLookup.Found) lookup).binding().rpc().name();
  }
}
