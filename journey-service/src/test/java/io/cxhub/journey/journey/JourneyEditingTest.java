package io.cxhub.journey.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.journey.journey.Journey.IndicatorBinding;
import io.cxhub.journey.journey.Journey.MomentOfTruth;
import io.cxhub.journey.journey.Journey.Stage;
import io.cxhub.journey.journey.Journey.Touchpoint;
import io.cxhub.journey.journey.Journeys.JourneyFilter;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.error.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JourneyEditingTest {

  final InMemoryJourneys journeys = new InMemoryJourneys();
  final List<String> deleted = new ArrayList<>();
  final JourneyCatalog catalog = new JourneyCatalog(journeys, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
      ZoneOffset.UTC), List.of((tenant, id) -> deleted.add(tenant + "/" + id)));

  static Stage stage(String id, List<BlueprintElement> blueprint, Touchpoint... touchpoints) {
    return new Stage(id, id, "", List.of(touchpoints), Journey.Hypothesis.NONE, blueprint);
  }

  static JourneyMap map(Stage... stages) {
    return new JourneyMap("Achat", "", "cx", List.of(stages), List.of(), List.of());
  }

  static BlueprintElement element(String id, BlueprintLane lane, String... after) {
    return BlueprintElement.builder(lane, "Element " + id).id(id).after(List.of(after)).build();
  }

  static List<String> fields(Throwable e) {
    return ((InvalidInputException) e).violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void anUpdateChangesOnlyTheMaskedFieldsAndMovesTheEtag() {
    var created = catalog.create("acme", map(stage("achat", List.of())));

    var updated = catalog.update("acme", created.id(), new JourneyMap("Nouveau", "ignored", List.of()), Set.of("name"),
        created.etag());

    assertThat(updated.name()).isEqualTo("Nouveau");
    assertThat(updated.map().ownerTeam()).isEqualTo("cx");
    assertThat(updated.stages()).hasSize(1);
    assertThat(updated.etag()).isEqualTo("2");
    assertThatThrownBy(() -> catalog.update("acme", created.id(), map(), Set.of("name"), created.etag()))
        .isInstanceOf(StaleVersionException.class).hasMessageContaining("the current etag is '2'");
  }

  @Test
  void anUnknownMaskPathIsRefused() {
    var created = catalog.create("acme", map(stage("achat", List.of())));

    assertThatThrownBy(() -> catalog.update("acme", created.id(), map(), Set.of("state"), ""))
        .satisfies(e -> assertThat(fields(e)).containsExactly("update_mask"));
  }

  @Test
  void anArchivedJourneyIsReadOnlyLeavesTheDefaultListAndComesBack() {
    var created = catalog.create("acme", map(stage("achat", List.of())));

    catalog.archive("acme", created.id());

    assertThat(catalog.list("acme", 10, "").journeys()).isEmpty();
    assertThat(catalog.list("acme", new JourneyFilter(JourneyState.ARCHIVED, "", ""), 10, "").journeys()).hasSize(1);
    assertThatThrownBy(() -> catalog.update("acme", created.id(), map(), Set.of("name"), ""))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(catalog.unarchive("acme", created.id()).state()).isEqualTo(JourneyState.ACTIVE);
  }

  @Test
  void listFiltersByOwnerTeamAndNameContained() {
    catalog.create("acme", new JourneyMap("Achat en ligne", "", "web", List.of(stage("a", List.of())), List.of(), List.of()));
    catalog.create("acme", new JourneyMap("Retour produit", "", "sav", List.of(stage("a", List.of())), List.of(), List.of()));

    var byTeam = catalog.list("acme", new JourneyFilter(null, "sav", ""), 10, "").journeys();
    var byName = catalog.list("acme", new JourneyFilter(null, "", "EN LIGNE"), 10, "").journeys();

    assertThat(byTeam).extracting(Journey::name).containsExactly("Retour produit");
    assertThat(byName).extracting(Journey::name).containsExactly("Achat en ligne");
  }

  @Test
  void blueprintReferencesAreCheckedAfterIdsAreResolved() {
    var draft = map(
        stage("achat", List.of(element("checkout", BlueprintLane.FRONTSTAGE, "ghost"),
            BlueprintElement.builder(BlueprintLane.BACKSTAGE, "Stock").touchpoint("suivi").build()),
            new Touchpoint("paiement", "Paiement", Channel.WEB_WIDGET, "")),
        stage("livraison", List.of(element("prep", BlueprintLane.UNSPECIFIED)),
            new Touchpoint("suivi", "Suivi", Channel.SMS, "")));

    assertThatThrownBy(() -> catalog.create("acme", draft)).satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder(
        "journey.stages[0].blueprint[0].after_element_ids[0]",
        "journey.stages[0].blueprint[1].touchpoint_id",
        "journey.stages[1].blueprint[0].lane"));
    assertThat(journeys.size()).isZero();
  }

  @Test
  void aFlowCycleAcrossStagesIsRefusedAndNamed() {
    var draft = map(
        stage("achat", List.of(element("a", BlueprintLane.FRONTSTAGE, "c"))),
        stage("livraison", List.of(element("b", BlueprintLane.BACKSTAGE, "a"), element("c", BlueprintLane.BACKSTAGE, "b"))));

    assertThatThrownBy(() -> catalog.create("acme", draft))
        .hasMessageContaining("journey.stages[0].blueprint[0].after_element_ids: must not form a cycle: a -> c -> b -> a");
  }

  @Test
  void bindingsNeedTheirFieldsAndMomentsTheirStage() {
    var teamless = BlueprintElement.builder(BlueprintLane.FRONTSTAGE, "Accueil téléphonique").id("phone")
        .indicator(IndicatorBinding.team(IndicatorKind.FCR, "")).build();
    var draft = new JourneyMap("Achat", "", "", List.of(stage("achat", List.of(teamless))),
        List.of(new MomentOfTruth("nowhere", "", "Réception", "")), List.of());

    assertThatThrownBy(() -> catalog.create("acme", draft)).satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder(
        "journey.stages[0].blueprint[0].indicator.team", "journey.moments_of_truth[0].stage_id"));
  }

  @Test
  void deletingTellsTheListenersAndAStaleEtagKeepsTheJourney() {
    var created = catalog.create("acme", map(stage("achat", List.of())));

    assertThatThrownBy(() -> catalog.delete("acme", created.id(), "7")).isInstanceOf(StaleVersionException.class);
    catalog.delete("acme", created.id(), created.etag());

    assertThat(journeys.size()).isZero();
    assertThat(deleted).containsExactly("acme/" + created.id());
  }
}
