package io.cxhub.journey.journey;

import static io.cxhub.journey.journey.JourneyFixtures.named;
import static io.cxhub.journey.journey.JourneyFixtures.onlinePurchase;
import static io.cxhub.journey.journey.JourneyFixtures.stage;
import static io.cxhub.journey.journey.JourneyFixtures.stageWithId;
import static io.cxhub.journey.journey.JourneyFixtures.touchpoint;
import static io.cxhub.journey.journey.JourneyFixtures.touchpointWithId;
import static io.cxhub.journey.journey.JourneyFixtures.withStages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.journey.journey.Journey.Stage;
import io.cxhub.journey.journey.Journey.Touchpoint;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.paging.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JourneyCatalogTest {

  static final Instant NOW = Instant.parse("2025-03-14T09:26:53.589793Z");

  final InMemoryJourneys journeys = new InMemoryJourneys();
  final JourneyCatalog catalog = new JourneyCatalog(journeys, Clock.fixed(NOW, ZoneOffset.UTC));

  @Nested
  class Creating {

    @Test
    void assignsAnIdAndTheClockTimeToTheMillisecond() {
      var created = catalog.create("acme", onlinePurchase());

      assertThat(created.id()).matches("[a-z2-7]{26}");
      assertThat(created.createTime()).isEqualTo(Instant.parse("2025-03-14T09:26:53.589Z"));
      assertThat(created.updateTime()).isEqualTo(created.createTime());
      assertThat(catalog.get("acme", created.id())).isEqualTo(created);
    }

    @Test
    void keepsStagesAndTouchpointsInTheGivenOrder() {
      var created = catalog.create("acme", onlinePurchase());

      assertThat(created.stages()).extracting(Stage::name)
          .containsExactly("Découverte", "Achat", "Livraison", "Après-vente");
      assertThat(created.stages().get(1).touchpoints()).extracting(Touchpoint::name, Touchpoint::channel)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Page de paiement", Channel.WEB_WIDGET),
              org.assertj.core.groups.Tuple.tuple("E-mail de confirmation", Channel.EMAIL));
    }

    @Test
    void derivesMissingIdsFromNames() {
      var created = catalog.create("acme", onlinePurchase());

      assertThat(created.stages()).extracting(Stage::id)
          .containsExactly("decouverte", "achat", "livraison", "apres-vente");
      assertThat(created.stages()).flatExtracting(Stage::touchpoints).extracting(Touchpoint::id)
          .containsExactly("publicite-reseaux-sociaux", "page-de-paiement", "e-mail-de-confirmation",
              "sms-de-suivi", "service-client", "e-mail");
    }

    @Test
    void deDuplicatesDerivedIdsAcrossTheWholeJourney() {
      var created = catalog.create("acme", withStages(
          stage("Livraison", touchpoint("E-mail", Channel.EMAIL)),
          stage("livraison", touchpoint("e-mail", Channel.EMAIL), touchpoint("E-MAIL", Channel.EMAIL))));

      assertThat(created.stages()).extracting(Stage::id).containsExactly("livraison", "livraison-2");
      assertThat(created.stages()).flatExtracting(Stage::touchpoints).extracting(Touchpoint::id)
          .containsExactly("e-mail", "e-mail-2", "e-mail-3");
    }

    @Test
    void keepsGivenIdsAndDerivesAroundThem() {
      var created = catalog.create("acme", withStages(
          stage("Delivery", touchpoint("Tracking", Channel.SMS)),
          stageWithId("delivery", "Shipping", touchpointWithId("tracking", "Tracking page", Channel.LINK))));

      assertThat(created.stages()).extracting(Stage::id).containsExactly("delivery-2", "delivery");
      assertThat(created.stages()).flatExtracting(Stage::touchpoints).extracting(Touchpoint::id)
          .containsExactly("tracking-2", "tracking");
    }

    @Test
    void letsAStageAndATouchpointShareAnId() {
      var created = catalog.create("acme", withStages(stage("Support", touchpoint("Support", Channel.SUPPORT))));

      assertThat(created.stages().get(0).id()).isEqualTo("support");
      assertThat(created.stages().get(0).touchpoints().get(0).id()).isEqualTo("support");
    }
  }

  @Nested
  class Validating {

    @Test
    void requiresANameOfAtMost120Characters() {
      assertViolations(() -> catalog.create("acme", named(" ")), "journey.name");
      assertViolations(() -> catalog.create("acme", named("n".repeat(121))), "journey.name");
    }

    @Test
    void rejectsADescriptionLongerThan4000Characters() {
      var draft = new JourneyMap("Journey", "d".repeat(4001), List.of(stage("Purchase")));

      assertViolations(() -> catalog.create("acme", draft), "journey.description");
    }

    @Test
    void requiresAtLeastOneStage() {
      assertViolations(() -> catalog.create("acme", withStages()), "journey.stages");
    }

    @Test
    void acceptsThirtyStagesButNotThirtyOne() {
      assertThat(catalog.create("acme", withStages(stages(30)))).isNotNull();

      assertViolations(() -> catalog.create("acme", withStages(stages(31))), "journey.stages");
    }

    @Test
    void acceptsFiftyTouchpointsInAStageButNotFiftyOne() {
      assertThat(catalog.create("acme", withStages(stage("S", touchpoints(50))))).isNotNull();

      assertViolations(() -> catalog.create("acme", withStages(stage("S", touchpoints(51)))),
          "journey.stages[0].touchpoints");
    }

    @Test
    void requiresTheChannelOfEveryTouchpoint() {
      var draft = withStages(
          stage("Purchase", touchpoint("Checkout", Channel.WEB_WIDGET)),
          stage("Delivery", touchpoint("Tracking", Channel.UNSPECIFIED)));

      assertViolations(() -> catalog.create("acme", draft), "journey.stages[1].touchpoints[0].channel");
    }

    @Test
    void rejectsMalformedGivenIds() {
      var draft = withStages(
          stageWithId("Delivery", "Delivery", touchpointWithId("a b", "Tracking", Channel.SMS)),
          stageWithId("x".repeat(65), "Returns"));

      assertViolations(() -> catalog.create("acme", draft),
          "journey.stages[0].stage_id",
          "journey.stages[0].touchpoints[0].touchpoint_id",
          "journey.stages[1].stage_id");
    }

    @Test
    void rejectsAGivenIdUsedTwiceInTheJourney() {
      var draft = withStages(
          stageWithId("delivery", "Delivery", touchpointWithId("sms", "Tracking", Channel.SMS)),
          stageWithId("delivery", "Returns", touchpointWithId("sms", "Return label", Channel.SMS)));

      assertViolations(() -> catalog.create("acme", draft),
          "journey.stages[1].stage_id",
          "journey.stages[1].touchpoints[0].touchpoint_id");
    }

    @Test
    void requiresStageAndTouchpointNames() {
      var draft = withStages(new Stage("", "", "", List.of(new Touchpoint("", " ", Channel.SMS, ""))));

      assertViolations(() -> catalog.create("acme", draft),
          "journey.stages[0].name", "journey.stages[0].touchpoints[0].name");
    }

    @Test
    void reportsEveryInvalidFieldAtOnceAndStoresNothing() {
      var draft = new JourneyMap("", "", List.of(
          stageWithId("OK?", "", touchpoint("", Channel.UNSPECIFIED))));

      assertViolations(() -> catalog.create("acme", draft),
          "journey.name",
          "journey.stages[0].stage_id",
          "journey.stages[0].name",
          "journey.stages[0].touchpoints[0].name",
          "journey.stages[0].touchpoints[0].channel");
      assertThat(journeys.size()).isZero();
    }
  }

  @Nested
  class Reading {

    @Test
    void doesNotFindAnotherTenantsJourney() {
      var theirs = catalog.create("globex", named("Online purchase"));

      assertThatThrownBy(() -> catalog.get("acme", theirs.id()))
          .isInstanceOf(NotFoundException.class)
          .hasMessage("journey '" + theirs.id() + "' not found");
    }

    @Test
    void requiresAnId() {
      assertViolations(() -> catalog.get("acme", ""), "journey_id");
    }
  }

  @Nested
  class Listing {

    @Test
    void pagesThroughTheTenantsJourneysByNameThenId() {
      var names = new ArrayList<>(List.of("delta", "Alpha", "Échange", "charlie", "bravo", "Bravo"));
      Collections.shuffle(names);
      names.forEach(n -> catalog.create("acme", named(n)));
      catalog.create("globex", named("Aardvark"));

      var seen = new ArrayList<Journey>();
      String token = "";
      do {
        var page = catalog.list("acme", 4, token);
        seen.addAll(page.journeys());
        token = page.nextPageToken();
      } while (!token.isEmpty());

      assertThat(seen).extracting(Journey::nameKey)
          .containsExactly("alpha", "bravo", "bravo", "charlie", "delta", "echange");
      assertThat(seen.get(1).id()).isLessThan(seen.get(2).id());
    }

    @Test
    void rejectsATokenItDidNotIssue() {
      assertViolations(() -> catalog.list("acme", 10, "not-a-token"), "page_token");
      assertViolations(() -> catalog.list("acme", 10, PageRequest.tokenAfter("no position")), "page_token");
    }
  }

  static Stage[] stages(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> stage("Stage " + i)).toArray(Stage[]::new);
  }

  static Touchpoint[] touchpoints(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> touchpoint("Touchpoint " + i, Channel.EMAIL)).toArray(Touchpoint[]::new);
  }

  static void assertViolations(ThrowingCallable call, String... fields) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(fields));
  }
}
