package io.cxhub.survey.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListSurveysTest {

  private final InMemorySurveys surveys = new InMemorySurveys();
  private final ListSurveys listSurveys = new ListSurveys(surveys);

  private Survey survey(String id, String tenant, long millis) {
    var s = new Survey(id, tenant, "t", "", List.of(), SurveyState.ACTIVE, 1,
        Instant.ofEpochMilli(millis), Instant.ofEpochMilli(millis));
    surveys.insert(s);
    return s;
  }

  @Test
  void pagesNewestFirstWithoutGapsOrRepeats() {
    survey("a", "acme", 1000);
    survey("b", "acme", 2000);
    survey("c", "acme", 2000); // same instant: the id breaks the tie
    survey("d", "acme", 3000);
    survey("e", "acme", 500);
    survey("x", "other", 4000);

    var seen = new ArrayList<String>();
    String token = "";
    int pages = 0;
    do {
      var page = listSurveys.list("acme", 2, token);
      page.surveys().forEach(s -> seen.add(s.id()));
      token = page.nextPageToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(seen).containsExactly("d", "c", "b", "a", "e");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void lastFullPageHasNoToken() {
    survey("a", "acme", 1000);
    survey("b", "acme", 2000);
    assertThat(listSurveys.list("acme", 2, "").nextPageToken()).isEmpty();
  }

  @Test
  void defaultPageSizeIsTwenty() {
    for (int i = 0; i < 25; i++) {
      survey("s" + i, "acme", i);
    }
    assertThat(listSurveys.list("acme", 0, "").surveys()).hasSize(20);
  }

  @Test
  void rejectsForeignTokens() {
    assertThatThrownBy(() -> listSurveys.list("acme", 10, "bm90LWEtdG9rZW4"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("page_token")));
  }

  @Test
  void rejectsOutOfRangePageSize() {
    assertThatThrownBy(() -> listSurveys.list("acme", 101, ""))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("page_size")));
  }
}
