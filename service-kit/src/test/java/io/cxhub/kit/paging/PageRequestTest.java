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
}
