package io.cxhub.survey.survey;

import static io.cxhub.survey.survey.SurveyFixtures.withNps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.testing.MutableClock;
import io.cxhub.survey.survey.JourneyDirectory.JourneyOutline;
import io.cxhub.survey.survey.SurveyDraft.QuestionDraft;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Localized texts, lifecycle, versions and journey links of survey definitions, in memory. */
class SurveyDefinitionTest {

  private static final String TENANT = "acme";
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final InMemorySurveys surveys = new InMemorySurveys();
  private final MutableClock clock = new MutableClock(T0);
  private boolean journeyServiceDown;
  private final JourneyDirectory journeys = (tenant, id) -> {
    if (journeyServiceDown) {
      throw new DependencyUnavailableException("journey-service down", null);
    }
    return tenant.equals(TENANT) && id.equals("j1")
        ? Optional.of(new JourneyOutline("j1", Map.of("achat", Set.of("paiement"), "livraison", Set.of("suivi"))))
        : Optional.empty();
  };
  private final CreateSurvey create = new CreateSurvey(surveys, new SurveyValidator(), journeys, clock);
  private final UpdateSurvey update = new UpdateSurvey(surveys, new SurveyValidator(), journeys, clock);
  private final ChangeSurveyState lifecycle = new ChangeSurveyState(surveys, clock);
  private final GetSurvey get = new GetSurvey(surveys);

  private static List<String> fields(Throwable e) {
    return ((InvalidInputException) e).violations().stream().map(FieldViolation::field).toList();
  }

  private static SurveyDraft linked(String journey, String stage, String touchpoint) {
    var d = withNps();
    return new SurveyDraft(d.title(), d.description(), d.questions(), "", Map.of(),
        new JourneyLink(journey, stage, touchpoint));
  }

  @Nested
  class Localization {

    @Test
    void fallsBackToTheDefaultLanguageWhenATranslationIsMissing() {
      var question = new Question("q1", QuestionKind.NPS, "Recommanderiez-vous ?", true, 0, 10, List.of(),
          Map.of("en", "Would you recommend us?"));
      var choice = new Choice("c1", "Le prix", Map.of("en", "Price"));

      assertThat(question.text("en")).isEqualTo("Would you recommend us?");
      assertThat(question.text("de")).isEqualTo("Recommanderiez-vous ?");
      assertThat(question.text("")).isEqualTo("Recommanderiez-vous ?");
      assertThat(choice.label("en")).isEqualTo("Price");
      assertThat(choice.label("es")).isEqualTo("Le prix");
    }

    @Test
    void translationsAreCheckedLikeTheTextsTheyTranslate() {
      var question = new QuestionDraft("", QuestionKind.CSAT, "Satisfait ?", false, 0, 0, List.of(),
          Map.of("en", "x".repeat(SurveyValidator.MAX_QUESTION_TEXT + 1), "english", "Satisfied?"));
      var draft = withNps(question);
      var bad = new SurveyDraft(draft.title(), "", draft.questions(), "FR", Map.of("en", " "), JourneyLink.NONE);

      assertThatThrownBy(() -> new SurveyValidator().validate(bad))
          .satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder(
              "survey.default_language",
              "survey.title_translations[en]",
              "survey.questions[1].text_translations[en]",
              "survey.questions[1].text_translations[english]"));
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void startsActiveUnlessCreatedAsADraft() {
      // the v1 contract has promised "active at once" since its first release
      assertThat(create.create(TENANT, withNps(), null).state()).isEqualTo(SurveyState.ACTIVE);
      assertThat(create.create(TENANT, withNps(), SurveyState.DRAFT).state()).isEqualTo(SurveyState.DRAFT);
      assertThat(create.create(TENANT, withNps(), SurveyState.ACTIVE).state()).isEqualTo(SurveyState.ACTIVE);
      assertThatThrownBy(() -> create.create(TENANT, withNps(), SurveyState.CLOSED))
          .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void draftToActiveToClosedAndNeverBack() {
      var survey = create.create(TENANT, withNps(), SurveyState.DRAFT);
      clock.advance(Duration.ofMinutes(1));

      assertThat(lifecycle.activate(TENANT, survey.id()).acceptsResponses()).isTrue();
      assertThat(lifecycle.close(TENANT, survey.id()).acceptsResponses()).isFalse();
      assertThatThrownBy(() -> lifecycle.activate(TENANT, survey.id()))
          .isInstanceOf(PreconditionFailedException.class);
    }
  }

  @Nested
  class Versions {

    @Test
    void aDraftIsEditedInPlace() {
      var survey = create.create(TENANT, withNps(), SurveyState.DRAFT);

      var edited = update.update(TENANT, survey.id(), new SurveyDraft("New title", "", List.of()), List.of("title"));

      assertThat(edited.version()).isEqualTo(1);
      assertThat(edited.title()).isEqualTo("New title");
      assertThat(edited.questions()).isEqualTo(survey.questions());
      assertThat(surveys.findVersion(TENANT, survey.id(), 1)).isEmpty();
    }

    @Test
    void anActiveSurveyGetsANewVersionAndTheOldOneIsKept() {
      var v1 = create.create(TENANT, withNps(), SurveyState.ACTIVE);
      clock.advance(Duration.ofMinutes(1));

      var v2 = update.update(TENANT, v1.id(), new SurveyDraft("Second", "", List.of()), List.of("title"));

      assertThat(v2.version()).isEqualTo(2);
      assertThat(get.get(TENANT, v1.id())).isEqualTo(v2);
      assertThat(get.getVersion(TENANT, v1.id(), 1)).isEqualTo(v1);
      assertThatThrownBy(() -> get.getVersion(TENANT, v1.id(), 3)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aStaleEditIsRefused() {
      var survey = create.create(TENANT, withNps(), SurveyState.ACTIVE);
      surveys.replace(new Survey(survey.id(), TENANT, "changed meanwhile", "", survey.questions(), SurveyState.ACTIVE,
          2, survey.createTime(), T0.plusSeconds(5)));

      assertThat(surveys.replace(survey, 1, survey.updateTime())).isFalse();
    }
  }

  @Nested
  class JourneyLinks {

    @Test
    void anExistingStageAndTouchpointAreAccepted() {
      var survey = create.create(TENANT, linked("j1", "livraison", "suivi"), null);

      assertThat(survey.journeyLink()).isEqualTo(new JourneyLink("j1", "livraison", "suivi"));
    }

    @Test
    void unknownPartsAreNamed() {
      assertThatThrownBy(() -> create.create(TENANT, linked("j2", "", ""), null))
          .satisfies(e -> assertThat(fields(e)).containsExactly("survey.journey_id"));
      assertThatThrownBy(() -> create.create(TENANT, linked("j1", "retour", "inconnu"), null))
          .satisfies(e -> assertThat(fields(e)).containsExactly("survey.stage_id", "survey.touchpoint_id"));
      assertThatThrownBy(() -> create.create(TENANT, linked("j1", "achat", "suivi"), null))
          .satisfies(e -> assertThat(fields(e)).containsExactly("survey.touchpoint_id"));
      assertThatThrownBy(() -> create.create(TENANT, linked("", "achat", ""), null))
          .satisfies(e -> assertThat(fields(e)).containsExactly("survey.journey_id"));
    }

    @Test
    void journeyServiceDownFailsTheEditAndNothingIsStored() {
      var survey = create.create(TENANT, withNps(), SurveyState.ACTIVE);
      journeyServiceDown = true;

      assertThatThrownBy(() -> create.create(TENANT, linked("j1", "achat", ""), null))
          .isInstanceOf(DependencyUnavailableException.class);
      assertThatThrownBy(() -> update.update(TENANT, survey.id(), linked("j1", "achat", ""),
          List.of("journey_id", "stage_id")))
          .isInstanceOf(DependencyUnavailableException.class);

      assertThat(get.get(TENANT, survey.id())).isEqualTo(survey);
      assertThat(surveys.findVersion(TENANT, survey.id(), 1)).isEmpty();
      assertThat(surveys.listNewestFirst(TENANT, null, 10)).hasSize(1);
    }

    @Test
    void anEditThatKeepsTheLinkDoesNotNeedJourneyService() {
      var survey = create.create(TENANT, linked("j1", "achat", "paiement"), null);
      journeyServiceDown = true;

      assertThat(update.update(TENANT, survey.id(), new SurveyDraft("Renamed", "", List.of()), List.of("title"))
          .journeyLink()).isEqualTo(survey.journeyLink());
    }
  }

  /** A clock the test moves forward by hand. */
  static final class MutableClock extends Clock {

    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
