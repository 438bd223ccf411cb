package io.cxhub.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaultsToTwentyOnTheFirstPage() {
    var page = PageRequest.of(0, "");
    assertThat(page.size()).isEqualTo(20);
    assertThat(page.isFirst()).isTrue();
  }

  @Test
  void tokenRoundTripsTheLastKey() {
    var page = PageRequest.of(5, PageRequest.tokenAfter("Délivrance|abc"));
    assertThat(page.after()).isEqualTo("Délivrance|abc");
  }

  @Test
  void rejectsSizesOutOfRange() {
    assertThatThrownBy(() -> PageRequest.of(101, null))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("page_size"));
    assertThatThrownBy(() -> PageRequest.of(-1, null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void rejectsTokensItDidNotIssue() {
    assertThatThrownBy(() -> PageRequest.of(10, "not-a-token!"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("page_token"));
    assertThatThrownBy(() -> PageRequest.of(10, "aGVsbG8")) // "hello": valid base64, wrong shape
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aTokenCarriesItsFiltersAndIsRefusedWithOthers() {
    var filter = PageFilter.of("survey-1", java.time.Instant.parse("2024-05-01T00:00:00Z"), null, Thread.State.NEW);
    var first = PageRequest.of(10, "", filter);
    String token = first.nextToken("1714521600000:abc");

    assertThat(PageRequest.of(10, token, PageFilter.of("survey-1", java.time.Instant.parse("2024-05-01T00:00:00Z"),
        null, Thread.State.NEW)).after()).isEqualTo("1714521600000:abc");
    for (PageFilter other : java.util.List.of(PageFilter.of("survey-2", java.time.Instant.parse("2024-05-01T00:00:00Z"),
        null, Thread.State.NEW), PageFilter.of("survey-1", java.time.Instant.parse("2024-05-01T00:00:00Z"), "",
        Thread.State.NEW), PageFilter.NONE)) {
      assertThatThrownBy(() -> PageRequest.of(10, token, other))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations().get(0).field()).isEqualTo("page_token");
            assertThat(e.violations().get(0).description()).contains("other filters");
          });
    }
  }

  @Test
  void anUnfilteredListingStillAcceptsTheTokensIssuedBeforeFiltersWereBound() {
    String old = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("v1:abc".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(PageRequest.of(5, old).after()).isEqualTo("abc");
    assertThatThrownBy(() -> PageRequest.of(5, old, PageFilter.of("survey-1"))).isInstanceOf(InvalidInputException.class);
  }
}
