package io.cxhub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invalid requests get 400 with their violations, whatever their number, through the
 * gateway to the real services: the services bound the google.rpc.BadRequest they send
 * (the first 100 fields and the total), which used to outgrow the gRPC trailers and
 * come back as 500 from 40 invalid fields on. Also: text that no field accepts, and a
 * page token reused with other filters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HubErrorsIT {

  private static final String ADMIN_KEY = "cx-errors-admin-" + UUID.randomUUID();

  @TempDir
  static Path dataDir;

  private CxHub hub;
  private HubHttp http;

  @BeforeAll
  void startHub() {
    hub = CxHub.start(LocalConfig.onFreePorts(dataDir).withBootstrapApiKey(ADMIN_KEY));
    http = new HubHttp(hub.gatewayUrl());
  }

  @AfterAll
  void stopHub() {
    if (hub != null) {
      hub.close();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 20, 100, 10_000})
  void aSurveyWithManyBadQuestionsIs400WithTheFirstHundredAndTheTotal(int bad) {
    var questions = new ArrayList<Map<String, Object>>();
    questions.add(Map.of("questionId", "nps", "kind", "QUESTION_KIND_NPS", "text", "Recommend us?"));
    for (int i = 0; i < bad; i++) {
      questions.add(Map.of("questionId", "q" + i, "kind", "QUESTION_KIND_CSAT"));  // no text
    }

    var reply = http.post("/v1/surveys", admin(), Map.of("title", "Many", "questions", questions));

    // more than 50 questions is one more violation (survey.questions)
    int expected = bad + (bad + 1 > 50 ? 1 : 0);
    assertBounded(reply, expected, "survey.questions[1].text");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 20, 100, 10_000})
  void aJourneyWithManyBadStagesIs400WithTheFirstHundredAndTheTotal(int bad) {
    IntFunction<Map<String, Object>> stage = i -> Map.of("name", "");
    var stages = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < bad; i++) {
      stages.add(stage.apply(i));
    }

    var reply = http.post("/v1/journeys", admin(), Map.of("name", "Many", "stages", stages));

    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    assertThat(reply.json().path("errors").size()).isBetween(1, 100);
    assertThat(reply.json().path("totalErrors").asInt()).isGreaterThanOrEqualTo(bad);
    assertThat(reply.json().path("errors").get(0).path("field").asText()).startsWith("journey.");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 20, 100, 1_000})
  void anEventBatchWithManyBadEventsIs400WithTheFirstHundredAndTheTotal(int bad) {
    var events = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < bad; i++) {
      events.add(Map.of("eventId", "e" + i));  // no type, no occurTime
    }

    var reply = http.post("/v1/events:batch", admin(), Map.of("events", events));

    assertBounded(reply, 2 * bad, "events[0].type");
  }

  @Test
  void aNulOrALoneSurrogateIsRefusedNamingTheFieldAndNothingIsStored() {
    var nul = http.post("/v1/personas", admin(), "{\"name\":\"Bob\\u0000by\"}");
    var surrogate = http.post("/v1/personas", admin(), "{\"name\":\"x\\ud800y\"}");
    var listed = http.get("/v1/personas?pageSize=100", admin());

    assertThat(nul.status()).as("%s", nul).isEqualTo(400);
    assertThat(nul.json().path("errors").get(0).path("field").asText()).isEqualTo("persona.name");
    assertThat(nul.json().path("detail").asText()).startsWith("persona.name: ").contains("NUL");
    assertThat(surrogate.status()).as("%s", surrogate).isEqualTo(400);
    assertThat(surrogate.json().path("detail").asText()).contains("surrogate");
    assertThat(listed.body()).doesNotContain("Bob").doesNotContain("x?y");
  }

  @Test
  void aPageTokenReusedWithAnotherFilterIs400NamingPageToken() {
    String first = survey("First");
    String second = survey("Second");
    for (int i = 0; i < 2; i++) {
      var created = http.post("/v1/surveys/" + first + "/distributions", admin(),
          Map.of("channel", "CHANNEL_QR", "name", "Batch " + i));
      assertThat(created.status()).as("%s", created).isEqualTo(200);
    }
    var page = http.get("/v1/surveys/" + first + "/distributions?pageSize=1", admin());
    String token = page.json().path("nextPageToken").asText();
    assertThat(token).isNotEmpty();

    var same = http.get("/v1/surveys/" + first + "/distributions?pageSize=1&pageToken=" + token, admin());
    var other = http.get("/v1/surveys/" + second + "/distributions?pageSize=1&pageToken=" + token, admin());

    assertThat(same.status()).as("%s", same).isEqualTo(200);
    assertThat(same.json().path("distributions").size()).isEqualTo(1);
    assertThat(other.status()).as("%s", other).isEqualTo(400);
    assertThat(other.json().path("errors").get(0).path("field").asText()).isEqualTo("pageToken");
    assertThat(other.json().path("detail").asText()).startsWith("pageToken: ");
  }

  private String survey(String title) {
    var created = http.post("/v1/surveys", admin(), Map.of("title", title, "questions", List.of(
        Map.of("questionId", "nps", "kind", "QUESTION_KIND_NPS", "text", "Recommend us?"))));
    assertThat(created.status()).as("%s", created).isEqualTo(200);
    return created.json().path("surveyId").asText();
  }

  private static void assertBounded(HubHttp.Reply reply, int total, String firstField) {
    assertThat(reply.status()).as("%s", reply.status() + " " + reply.body().substring(0, Math.min(500, reply.body().length())))
        .isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    var json = reply.json();
    assertThat(json.path("errors").size()).isEqualTo(Math.min(total, 100));
    assertThat(json.path("totalErrors").asInt()).isEqualTo(total);
    assertThat(json.path("errors").findValuesAsText("field")).contains(firstField);
    assertThat(json.path("detail").asText()).contains(total == 1 ? firstField : total + " invalid fields");
  }

  private static Optional<String> admin() {
    return Optional.of(ADMIN_KEY);
  }
}
