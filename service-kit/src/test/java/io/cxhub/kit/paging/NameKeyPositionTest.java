package io.cxhub.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class NameKeyPositionTest {

  @Test
  void aTokenCarriesTheIdThenTheNameKey() {
    assertThat(NameKeyPosition.tokenAfter("abc123", "busy parent"))
        .isEqualTo(PageRequest.tokenAfter("abc123:busy parent"));
    assertThat(PageRequest.of(10, NameKeyPosition.tokenAfter("abc123", "busy parent")).after())
        .isEqualTo("abc123:busy parent");
    // a token handed to clients before filters were bound into tokens still reads the same
    assertThat(PageRequest.of(10, "djE6YWJjMTIzOmJ1c3kgcGFyZW50").after()).isEqualTo("abc123:busy parent");
  }

  @Test
  void readsBackThePositionOfItsToken() {
    String token = NameKeyPosition.tokenAfter("abc123", "ratio 1:2 école");

    var position = NameKeyPosition.parse(PageRequest.of(10, token).after());

    assertThat(position).isEqualTo(new NameKeyPosition("ratio 1:2 école", "abc123"));
  }

  @Test
  void rejectsAPositionItDidNotIssue() {
    for (String after : new String[] {"no position", ":name", "Not-An-Id:name", "x".repeat(65) + ":name"}) {
      assertThatThrownBy(() -> NameKeyPosition.parse(after))
          .isInstanceOfSatisfying(InvalidInputException.class, e ->
              assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("page_token"));
    }
  }

  @Test
  void itemsComeAfterItByNameKeyThenId() {
    var position = new NameKeyPosition("bravo", "m");

    assertThat(position.precedes("charlie", "a")).isTrue();
    assertThat(position.precedes("bravo", "n")).isTrue();
    assertThat(position.precedes("bravo", "m")).isFalse();
    assertThat(position.precedes("bravo", "l")).isFalse();
    assertThat(position.precedes("alpha", "z")).isFalse();
  }
}
