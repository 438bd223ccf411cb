package io.cxhub.persona.persona;

import static io.cxhub.persona.persona.PersonaFixtures.ages;
import static io.cxhub.persona.persona.PersonaFixtures.busyParent;
import static io.cxhub.persona.persona.PersonaFixtures.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.AlreadyExistsException;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.StaleVersionException;
import io.cxhub.kit.paging.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PersonaCatalogTest {

  static final Instant NOW = Instant.parse("2025-03-14T09:26:53.589793Z");

  final InMemoryPersonas personas = new InMemoryPersonas();
  final PersonaCatalog catalog = new PersonaCatalog(personas, Clock.fixed(NOW, ZoneOffset.UTC));

  @Nested
  class Creating {

    @Test
    void assignsAnIdAndTheClockTimeToTheMillisecond() {
      var created = catalog.create("acme", busyParent());

      assertThat(created.id()).matches("[a-z2-7]{26}");
      assertThat(created.tenantId()).isEqualTo("acme");
      assertThat(created.createTime()).isEqualTo(Instant.parse("2025-03-14T09:26:53.589Z"));
      assertThat(created.updateTime()).isEqualTo(created.createTime());
      assertThat(created.profile()).isEqualTo(busyParent());
      assertThat(catalog.get("acme", created.id())).isEqualTo(created);
    }

    @Test
    void stripsSurroundingWhitespaceFromTexts() {
      var created = catalog.create("acme", new PersonaProfile("  Student  ", " text ", null, null, null,
          null, List.of(" pass exams "), null, null, null));

      assertThat(created.profile().name()).isEqualTo("Student");
      assertThat(created.profile().description()).isEqualTo("text");
      assertThat(created.profile().goals()).containsExactly("pass exams");
    }

    @Test
    void rejectsADuplicateNameInTheSameTenantIgnoringCaseAndAccents() {
      catalog.create("acme", named("Étudiant pressé"));

      assertThatThrownBy(() -> catalog.create("acme", named("etudiant  PRESSE")))
          .isInstanceOf(AlreadyExistsException.class);
      assertThat(personas.size()).isEqualTo(1);
    }

    @Test
    void allowsTheSameNameInAnotherTenant() {
      catalog.create("acme", named("Student"));

      assertThat(catalog.create("globex", named("Student")).tenantId()).isEqualTo("globex");
    }

    @Test
    void acceptsAMinimumAgeWithoutAMaximum() {
      assertThat(catalog.create("acme", PersonaFixtures.withDemographics(ages(65, 0)))).isNotNull();
    }
  }

  @Nested
  class Validating {

    @Test
    void requiresAName() {
      assertViolations(() -> catalog.create("acme", named("   ")), "persona.name");
    }

    @Test
    void rejectsANameLongerThan120Characters() {
      catalog.create("acme", named("x".repeat(120)));

      assertViolations(() -> catalog.create("acme", named("y".repeat(121))), "persona.name");
    }

    @Test
    void rejectsADescriptionLongerThan4000Characters() {
      var profile = new PersonaProfile("Anyone", "d".repeat(4001), null, null, null, null, null, null, null, null);

      assertViolations(() -> catalog.create("acme", profile), "persona.description");
    }

    @Test
    void rejectsAgesOutsideZeroTo120() {
      assertViolations(() -> catalog.create("acme", PersonaFixtures.withDemographics(ages(-1, 121))),
          "persona.demographics.age_min", "persona.demographics.age_max");
    }

    @Test
    void rejectsAMinimumAgeAboveTheMaximum() {
      assertViolations(() -> catalog.create("acme", PersonaFixtures.withDemographics(ages(50, 30))),
          "persona.demographics.age_min");
    }

    @Test
    void rejectsBlankAndOverlongListEntriesByIndex() {
      assertViolations(() -> catalog.create("acme", PersonaFixtures.withGoals(List.of("ok", " ", "g".repeat(201)))),
          "persona.goals[1]", "persona.goals[2]");
    }

    @Test
    void rejectsMoreThan50EntriesInAList() {
      var goals = IntStream.rangeClosed(1, 51).mapToObj(i -> "goal " + i).toList();

      assertViolations(() -> catalog.create("acme", PersonaFixtures.withGoals(goals)), "persona.goals");
    }

    @Test
    void rejectsAnUnspecifiedPreferredChannel() {
      var channels = List.of(Channel.EMAIL, Channel.UNSPECIFIED);

      assertViolations(() -> catalog.create("acme", PersonaFixtures.withChannels(channels)),
          "persona.behavioral.preferred_channels[1]");
    }

    @Test
    void rejectsNegativeOrNonFiniteAmounts() {
      var profile = new PersonaProfile("Anyone", "", null, null,
          new Transactional(-1, Double.NaN, Double.POSITIVE_INFINITY, List.of(), List.of()),
          null, null, null, null, null);

      assertViolations(() -> catalog.create("acme", profile),
          "persona.transactional.purchases_per_year",
          "persona.transactional.average_order_value",
          "persona.transactional.lifetime_value");
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
      var profile = new PersonaProfile("", "", ages(130, 0),
          new Psychographics(List.of(""), List.of(), List.of(), List.of()),
          null, new Behavioral(List.of(Channel.UNSPECIFIED), "", "", List.of()),
          null, null, List.of("f".repeat(201)), null);

      assertViolations(() -> catalog.create("acme", profile),
          "persona.name",
          "persona.demographics.age_min",
          "persona.psychographics.values[0]",
          "persona.behavioral.preferred_channels[0]",
          "persona.frustrations[0]");
      assertThat(personas.size()).isZero();
    }
  }

  @Nested
  class Updating {

    final Clock later = Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC);
    final PersonaCatalog laterCatalog = new PersonaCatalog(personas, later);

    @Test
    void replacesOnlyTheMaskedFieldsAndMovesTheVersionOn() {
      var created = catalog.create("acme", busyParent());
      var changes = new PersonaProfile("Parent pressé", "ignored", null, null, null, null,
          List.of("Livré avant 18 h"), null, null, null);

      var updated = laterCatalog.update("acme", created.id(), changes, Set.of("name", "goals"), created.etag());

      assertThat(updated.profile().name()).isEqualTo("Parent pressé");
      assertThat(updated.profile().goals()).containsExactly("Livré avant 18 h");
      assertThat(updated.profile().description()).isEqualTo(busyParent().description());
      assertThat(updated.profile().demographics()).isEqualTo(busyParent().demographics());
      assertThat(updated.etag()).isEqualTo("2");
      assertThat(updated.createTime()).isEqualTo(created.createTime());
      assertThat(updated.updateTime()).isEqualTo(Instant.parse("2025-03-14T09:27:53.589Z"));
      assertThat(catalog.get("acme", created.id())).isEqualTo(updated);
    }

    @Test
    void anEmptyMaskReplacesEveryField() {
      var created = catalog.create("acme", busyParent());

      var updated = catalog.update("acme", created.id(), named("Student"), Set.of(), "");

      assertThat(updated.profile()).isEqualTo(named("Student"));
    }

    @Test
    void refusesAStaleEtagNamingTheCurrentOne() {
      var created = catalog.create("acme", busyParent());
      catalog.update("acme", created.id(), named("Student"), Set.of("name"), "1");

      assertThatThrownBy(() -> catalog.update("acme", created.id(), named("Other"), Set.of("name"), "1"))
          .isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(e.currentEtag()).isEqualTo("2"));
      assertThat(catalog.get("acme", created.id()).profile().name()).isEqualTo("Student");
    }

    @Test
    void namesAnUnknownMaskPathAndEveryInvalidField() {
      var created = catalog.create("acme", busyParent());

      assertViolations(() -> catalog.update("acme", created.id(), named(""), Set.of("persona_id"), ""), "update_mask");
      assertViolations(() -> catalog.update("acme", created.id(),
          new PersonaProfile("", "x".repeat(4001), null, null, null, null, null, null, null, null),
          Set.of("name", "description"), ""), "persona.name", "persona.description");
    }

    @Test
    void refusesANameTakenByAnotherPersonaButKeepsItsOwn() {
      var created = catalog.create("acme", busyParent());
      catalog.create("acme", named("Student"));

      assertThatThrownBy(() -> catalog.update("acme", created.id(), named("STUDENT"), Set.of("name"), ""))
          .isInstanceOf(AlreadyExistsException.class);
      assertThat(catalog.update("acme", created.id(), named(busyParent().name().toUpperCase()), Set.of("name"), "")
          .profile().name()).isEqualTo(busyParent().name().toUpperCase());
    }

    @Test
    void doesNotChangeAnotherTenantsPersona() {
      var created = catalog.create("acme", busyParent());

      assertThatThrownBy(() -> catalog.update("globex", created.id(), named("Mine"), Set.of(), ""))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Nested
  class Deleting {

    final List<String> cleared = new ArrayList<>();
    final List<String> naming = new ArrayList<>();
    final PersonaDeletion deletion = new PersonaDeletion(personas, (tenant, id) -> List.copyOf(naming),
        List.of((tenant, id) -> cleared.add(tenant + "/" + id)));

    @Test
    void deletesThenClearsWhatPointedAtIt() {
      var created = catalog.create("acme", busyParent());

      deletion.delete("acme", created.id(), created.etag());

      assertThat(personas.find("acme", created.id())).isEmpty();
      assertThat(cleared).containsExactly("acme/" + created.id());
    }

    @Test
    void refusesWhileSomethingNamesItAndNamesIt() {
      var created = catalog.create("acme", busyParent());
      naming.add("segment 'Parents' (parents)");

      assertThatThrownBy(() -> deletion.delete("acme", created.id(), ""))
          .isInstanceOfSatisfying(io.cxhub.kit.error.PreconditionFailedException.class, e -> {
            assertThat(e.reason()).isEqualTo(PersonaDeletion.IN_USE);
            assertThat(e.getMessage()).contains("segment 'Parents' (parents)");
          });
      assertThat(personas.find("acme", created.id())).isPresent();
      assertThat(cleared).isEmpty();
    }

    @Test
    void aStaleEtagDeletesNothing() {
      var created = catalog.create("acme", busyParent());
      catalog.update("acme", created.id(), named("Student"), Set.of("name"), "");

      assertThatThrownBy(() -> deletion.delete("acme", created.id(), "1")).isInstanceOf(StaleVersionException.class);
      assertThat(personas.find("acme", created.id())).isPresent();
      assertThat(cleared).isEmpty();
    }

    @Test
    void anUnknownPersonaIsNotFoundAfterFinishingAnInterruptedCleanUp() {
      var created = catalog.create("globex", busyParent());

      assertThatThrownBy(() -> deletion.delete("acme", created.id(), "")).isInstanceOf(NotFoundException.class);
      assertThat(cleared).containsExactly("acme/" + created.id());
      assertThat(personas.find("globex", created.id())).isPresent();
    }
  }

  @Nested
  class Reading {

    @Test
    void doesNotFindAnotherTenantsPersona() {
      var theirs = catalog.create("globex", named("Student"));

      assertThatThrownBy(() -> catalog.get("acme", theirs.id()))
          .isInstanceOf(NotFoundException.class)
          .hasMessage("persona '" + theirs.id() + "' not found");
    }

    @Test
    void requiresAnId() {
      assertViolations(() -> catalog.get("acme", ""), "persona_id");
    }
  }

  @Nested
  class Listing {

    @Test
    void pagesThroughTheTenantsPersonasByName() {
      var names = new ArrayList<>(List.of("delta", "Alpha", "Écureuil", "charlie", "bravo"));
      Collections.shuffle(names);
      names.forEach(n -> catalog.create("acme", named(n)));
      catalog.create("globex", named("Aardvark"));

      var seen = new ArrayList<String>();
      String token = "";
      int pages = 0;
      do {
        var page = catalog.list("acme", 2, token);
        page.personas().forEach(p -> seen.add(p.profile().name()));
        token = page.nextPageToken();
        pages++;
      } while (!token.isEmpty());

      assertThat(seen).containsExactly("Alpha", "bravo", "charlie", "delta", "Écureuil");
      assertThat(pages).isEqualTo(3);
    }

    @Test
    void endsWithoutATokenWhenThePageIsNotFull() {
      catalog.create("acme", named("Only one"));

      var page = catalog.list("acme", 0, "");

      assertThat(page.personas()).hasSize(1);
      assertThat(page.nextPageToken()).isEmpty();
    }

    @Test
    void rejectsATokenItDidNotIssue() {
      assertViolations(() -> catalog.list("acme", 10, "not-a-token"), "page_token");
      assertViolations(() -> catalog.list("acme", 10, PageRequest.tokenAfter("no position")), "page_token");
    }

    @Test
    void rejectsAPageSizeAbove100() {
      assertViolations(() -> catalog.list("acme", 101, ""), "page_size");
    }
  }

  static void assertViolations(ThrowingCallable call, String... fields) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(fields));
  }
}
