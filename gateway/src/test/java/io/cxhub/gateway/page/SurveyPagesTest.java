package io.cxhub.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.proto.survey.v1.Branding;
import io.cxhub.proto.survey.v1.Choice;
import io.cxhub.proto.survey.v1.LinkAvailability;
import io.cxhub.proto.survey.v1.PublicSurvey;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.ServerRequest;

/** The hosted page's form reading, rendering, colours and headers, without a server. */
class SurveyPagesTest {

  private static PublicSurvey survey(String language) {
    return PublicSurvey.newBuilder()
        .setToken("tok3n").setLanguage(language).setTitle("Après <livraison>")
        .addLanguages("fr").addLanguages("en")
        .setAvailability(LinkAvailability.LINK_AVAILABILITY_OPEN)
        .setBranding(Branding.newBuilder().setName("Acme \"&\" <Co>").setColor("#ffff00"))
        .addQuestions(Question.newBuilder().setQuestionId("nps").setKind(QuestionKind.QUESTION_KIND_NPS)
            .setText("Recommanderiez-vous ?").setRequired(true).setScaleMin(0).setScaleMax(10))
        .addQuestions(Question.newBuilder().setQuestionId("csat").setKind(QuestionKind.QUESTION_KIND_CSAT)
            .setText("Satisfait ?").setScaleMin(1).setScaleMax(5))
        .addQuestions(Question.newBuilder().setQuestionId("many").setKind(QuestionKind.QUESTION_KIND_MULTIPLE_CHOICE)
            .setText("Quoi ?")
            .addChoices(Choice.newBuilder().setChoiceId("a").setLabel("<script>alert(1)</script>"))
            .addChoices(Choice.newBuilder().setChoiceId("b").setLabel("B")))
        .addQuestions(Question.newBuilder().setQuestionId("why").setKind(QuestionKind.QUESTION_KIND_FREE_TEXT)
            .setText("Pourquoi ?"))
        .build();
  }

  private static LinkedMultiValueMap<String, String> form(String... pairs) {
    var form = new LinkedMultiValueMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  @Nested
  class ReadingTheForm {

    @Test
    void namesEachProblemOnItsQuestionInThePagesLanguage() {
      var form = PageForm.read(survey("fr"), form("_key", "k", "q.csat", "9", "q.many", "zz"), PageText.of("fr"));

      assertThat(form.errors()).containsEntry("nps", "Merci de répondre à cette question.")
          .containsEntry("csat", "Choisissez une valeur de 1 à 5.")
          .containsEntry("many", "Choisissez au moins une réponse.")
          .doesNotContainKey("why");
      assertThat(PageForm.read(survey("en"), form("q.csat", "x"), PageText.of("en")).errors())
          .containsEntry("nps", "Please answer this question.")
          .containsEntry("csat", "Choose a value from 1 to 5.");
    }

    @Test
    void buildsTheAnswersOfEveryKindAndKeepsTheKeyAndConsent() {
      var form = PageForm.read(survey("fr"), form("_key", "view-1", "q.nps", "10", "q.many", "a", "q.many", "b",
          "q.why", "  Super  ", "consent", "yes", "ctx.stage", "checkout"), PageText.of("fr"));

      assertThat(form.hasErrors()).isFalse();
      assertThat(form.answers()).hasSize(3);
      assertThat(form.answers().get(0).getScore()).isEqualTo(10);
      assertThat(form.answers().get(1).getChoices().getChoiceIdsList()).containsExactly("a", "b");
      assertThat(form.answers().get(2).getText()).isEqualTo("Super");
      assertThat(form.key()).isEqualTo("view-1");
      assertThat(form.consent()).isTrue();
      assertThat(form.contextStage()).isEqualTo("checkout");
      assertThat(form.npsScore()).isEqualTo(10);
    }

    @Test
    void placesTheServersViolationsOnTheQuestionsTheyConcern() {
      var text = PageText.of("fr");
      var form = PageForm.read(survey("fr"), form("q.nps", "3", "q.why", "x"), text)
          .withServerViolations(List.of(new String[] {"answers[1].text", "must be at most 5000 characters"},
              new String[] {"answers", "must answer the required question 'csat'"}), text);

      assertThat(form.errors()).containsEntry("why", "Merci de raccourcir votre réponse à 5000 caractères.")
          .containsEntry("csat", "Merci de répondre à cette question.");
    }
  }

  @Nested
  class Rendering {

    @Test
    void escapesEverySurveyAndTenantText() {
      var html = SurveyPageRenderer.survey(survey("fr"), PageForm.empty("k\"<", "", ""), false).html();

      assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<livraison>")
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
          .contains("Acme &quot;&amp;&quot; &lt;Co&gt;")
          .contains("value=\"k&quot;&lt;\"");
    }

    @Test
    void marksRequiredQuestionsAndOffersTheOtherLanguage() {
      var html = SurveyPageRenderer.survey(survey("fr"), PageForm.empty("k", "", ""), false).html();

      assertThat(html).contains("<html lang=\"fr\">")
          .contains("<span class=\"sr\"> (obligatoire)</span>")
          .contains("href=\"/s/tok3n?lang=en\" hreflang=\"en\" lang=\"en\">English</a>")
          .contains("<span aria-current=\"page\" lang=\"fr\">Français</span>")
          .contains("0 = Pas du tout probable").contains("10 = Très probable")
          .contains("name=\"consent\"");
    }

    @Test
    void theThankYouPageFollowsTheAnswer() {
      var survey = survey("en").toBuilder()
          .setBranding(Branding.newBuilder().setReviewUrl("https://reviews.example.com/acme")).build();

      assertThat(SurveyPageRenderer.thanks(survey, SurveyPageRenderer.Outcome.PROMOTER, false).html())
          .contains("href=\"https://reviews.example.com/acme\"").doesNotContain("id=\"contact\"");
      assertThat(SurveyPageRenderer.thanks(survey, SurveyPageRenderer.Outcome.DETRACTOR_CONTACT, false).html())
          .contains("id=\"contact\"").doesNotContain("reviews.example.com");
      assertThat(SurveyPageRenderer.thanks(survey.toBuilder().setKiosk(true).build(),
          SurveyPageRenderer.Outcome.THANKS, false).html())
          .contains("http-equiv=\"refresh\"").contains("id=\"next\" href=\"/s/tok3n?lang=en\"");
    }

    @Test
    void theInlineStyleIsAllowedByItsHashOnly() {
      var page = SurveyPageRenderer.survey(survey("fr"), PageForm.empty("k", "", ""), false);
      var headers = new HttpHeaders();
      SecurityHeaders.apply(headers, page.styleHash(), false);

      assertThat(headers.getFirst("Content-Security-Policy"))
          .contains("style-src 'self' 'sha256-" + page.styleHash() + "'")
          .contains("script-src 'self';").contains("frame-ancestors 'none'");
      assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
      assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(page.html()).contains("<style>:root{--accent:");
      var framed = new HttpHeaders();
      SecurityHeaders.apply(framed, null, true);
      assertThat(framed.getFirst("Content-Security-Policy")).endsWith("frame-ancestors *");
      assertThat(framed.containsKey("X-Frame-Options")).isFalse();
    }
  }

  @Test
  void anAccentTooLightToReadIsDarkenedUntilItReadsAtFourAndAHalfToOne() {
    String yellow = Accent.readable("#ffff00");
    int r = Integer.parseInt(yellow.substring(1, 3), 16);
    int g = Integer.parseInt(yellow.substring(3, 5), 16);
    int b = Integer.parseInt(yellow.substring(5, 7), 16);

    assertThat(Accent.contrastWithWhite(r, g, b)).isGreaterThanOrEqualTo(4.5);
    assertThat(Accent.readable("#1d4ed8")).isEqualTo("#1d4ed8");
    assertThat(Accent.readable("not a colour")).isEqualTo(Accent.DEFAULT);
  }

  @Test
  void onlyABrowserAskingForHtmlIsSentToThePage() {
    var predicate = SurveyPageEndpoints.asksForHtml();

    assertThat(predicate.test(request("text/html,application/xhtml+xml,*/*;q=0.8"))).isTrue();
    assertThat(predicate.test(request("*/*"))).isFalse();
    assertThat(predicate.test(request("application/json"))).isFalse();
  }

  private static ServerRequest request(String accept) {
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/public/surveys/t").header("Accept", accept));
    return ServerRequest.create(exchange, HandlerStrategies.withDefaults().messageReaders());
  }
}
