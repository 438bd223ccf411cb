package io.cxhub.survey.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.domain.NpsCategory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

  private static AlertSubject subject(int nps, Channel channel, String... texts) {
    return new AlertSubject("t1", "r1", "s1", channel, null, null,
        List.of(new AlertSubject.Score("ces", false, 6), new AlertSubject.Score("nps", true, nps)),
        List.of(texts), Instant.EPOCH);
  }

  private static AlertConditions categories(NpsCategory... categories) {
    return new AlertConditions(null, null, Set.of(categories), null, null, null, null, null, null);
  }

  @Test
  void emptyConditionsMatchEverything() {
    assertThat(RuleEvaluator.matches(categories(), subject(10, Channel.LINK))).isTrue();
  }

  @Test
  void categoryUsesTheNpsQuestionByDefault() {
    assertThat(RuleEvaluator.matches(categories(NpsCategory.DETRACTOR), subject(6, Channel.LINK))).isTrue();
    assertThat(RuleEvaluator.matches(categories(NpsCategory.DETRACTOR), subject(7, Channel.LINK))).isFalse();
    assertThat(RuleEvaluator.matches(categories(NpsCategory.PASSIVE, NpsCategory.PROMOTER), subject(9, Channel.LINK))).isTrue();
    assertThat(RuleEvaluator.category(categories(), subject(8, Channel.LINK))).contains(NpsCategory.PASSIVE);
  }

  @Test
  void scoreRangeOnANamedQuestion() {
    var cesAtLeast5 = new AlertConditions(null, "ces", null, 5, 7, null, null, null, null);
    assertThat(RuleEvaluator.matches(cesAtLeast5, subject(10, Channel.LINK))).isTrue();
    var cesAtLeast7 = new AlertConditions(null, "ces", null, 7, null, null, null, null, null);
    assertThat(RuleEvaluator.matches(cesAtLeast7, subject(10, Channel.LINK))).isFalse();
    var missingQuestion = new AlertConditions(null, "other", null, 0, null, null, null, null, null);
    assertThat(RuleEvaluator.matches(missingQuestion, subject(10, Channel.LINK))).isFalse();
  }

  @Test
  void surveyChannelAndStage() {
    var c = new AlertConditions("s1", null, null, null, null, Set.of(Channel.KIOSK, Channel.QR), null, null, null);
    assertThat(RuleEvaluator.matches(c, subject(3, Channel.KIOSK))).isTrue();
    assertThat(RuleEvaluator.matches(c, subject(3, Channel.EMAIL))).isFalse();
    var otherSurvey = new AlertConditions("s2", null, null, null, null, null, null, null, null);
    assertThat(RuleEvaluator.matches(otherSurvey, subject(3, Channel.KIOSK))).isFalse();
    var stage = new AlertConditions(null, null, null, null, null, null, "delivery", null, null);
    assertThat(RuleEvaluator.matches(stage, subject(3, Channel.KIOSK))).as("response not linked to a stage").isFalse();
  }

  @Test
  void keywordsInAnyFreeText() {
    var c = new AlertConditions(null, null, null, null, null, null, null, null, List.of("livraison en retard", "délai"));
    assertThat(RuleEvaluator.matches(c, subject(9, Channel.LINK, "Super", "Livraison EN RETARD"))).isTrue();
    assertThat(RuleEvaluator.matches(c, subject(9, Channel.LINK, "le delai !"))).isTrue();
    assertThat(RuleEvaluator.matches(c, subject(9, Channel.LINK, "parfait"))).isFalse();
    assertThat(RuleEvaluator.matches(c, subject(9, Channel.LINK))).isFalse();
  }
}
