package io.cxhub.kit.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectPartsTest {

  private final List<String> calls = new ArrayList<>();

  /** A holding that records its calls and links one response to the subject if it is an anchor. */
  private SubjectHolding holding(String kind, boolean anchor, List<String> items) {
    return new SubjectHolding() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public boolean anchor() {
        return anchor;
      }

      @Override
      public Set<String> responseIds(String tenantId, String customerId) {
        return anchor ? Set.of("r-" + kind) : Set.of();
      }

      @Override
      public List<String> export(String tenantId, Subject subject) {
        return items;
      }

      @Override
      public long erase(String tenantId, Subject subject, String token) {
        calls.add(kind + ":" + subject.customerId() + ":" + subject.responseIds().size() + ":" + token);
        return items.size();
      }
    };
  }

  @Test
  void anchorsAreErasedLastWithTheResponsesOfEveryHoldingAndOneToken() {
    var parts = new SubjectParts("survey", List.of(holding("responses", true, List.of("{}", "{}")),
        holding("cases", false, List.of("{}")), holding("invitations", true, List.of())));

    assertThat(parts.erase("acme", "c-20", "dsr-1")).isEqualTo(3);

    assertThat(calls).extracting(c -> c.split(":")[0]).containsExactly("cases", "responses", "invitations");
    assertThat(calls).allMatch(c -> c.split(":")[2].equals("2"));
    assertThat(calls.stream().map(c -> c.split(":")[3]).distinct()).hasSize(1).allMatch(t -> t.startsWith("erased-"));
  }

  @Test
  void exportIsOneJsonObjectWithAnArrayPerHolding() {
    var parts = new SubjectParts("survey", List.of(holding("responses", true, List.of("{\"a\":1}", "{\"a\":2}")),
        holding("cases", false, List.of())));

    var export = parts.export("acme", "c-20");

    assertThat(export.items()).isEqualTo(2);
    assertThat(export.json()).isEqualTo("{\"cases\":[],\"responses\":[{\"a\":1},{\"a\":2}]}");
  }

  @Test
  void aServiceWithoutHoldingsConfirmsWithNothingHeld() {
    var parts = new SubjectParts("journey", List.of());
    assertThat(parts.erase("acme", "c-20", "dsr-1")).isZero();
    assertThat(parts.export("acme", "c-20").json()).isEqualTo("{}");
  }

  @Test
  void aMissingCustomerIdIsRefusedNamingTheField() {
    var parts = new SubjectParts("journey", List.of());
    assertThatThrownBy(() -> parts.erase("acme", " ", "dsr-1")).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.violations().get(0).field()).isEqualTo("customer_id"));
  }

  @Test
  void aPayloadNamesTheSubjectByQuotedIdOnly() {
    var subject = new SubjectHolding.Subject("c-2", Set.of("r-9"));
    assertThat(subject.namedIn("{\"customerId\":\"c-2\"}")).isTrue();
    assertThat(subject.namedIn("{\"responseId\":\"r-9\"}")).isTrue();
    assertThat(subject.namedIn("{\"customerId\":\"c-20\"}")).isFalse();
    assertThat(subject.namedIn(null)).isFalse();
  }
}
