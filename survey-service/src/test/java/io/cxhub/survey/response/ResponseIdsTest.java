package io.cxhub.survey.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseIdsTest {

  @Test
  void sameSurveyAndKeyGiveTheSameId() {
    assertThat(ResponseIds.fromIdempotencyKey("survey1", "key-1"))
        .isEqualTo(ResponseIds.fromIdempotencyKey("survey1", "key-1"))
        .hasSize(26)
        .matches("[a-z2-7]{26}");
  }

  @Test
  void differentSurveyOrKeyGiveDifferentIds() {
    assertThat(ResponseIds.fromIdempotencyKey("survey1", "key-1"))
        .isNotEqualTo(ResponseIds.fromIdempotencyKey("survey2", "key-1"))
        .isNotEqualTo(ResponseIds.fromIdempotencyKey("survey1", "key-2"));
  }

  @Test
  void boundaryBetweenSurveyAndKeyMatters() {
    assertThat(ResponseIds.fromIdempotencyKey("ab", "c")).isNotEqualTo(ResponseIds.fromIdempotencyKey("a", "bc"));
  }
}
