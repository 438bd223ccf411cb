package io.cxhub.survey.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.domain.NpsCategory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

  private static AlertSubject subject(int nps, Channel channel, String... texts) {
    return new AlertSubject("t1", "r1", "s1", channel, null, null,
        List.of(new AlertSubject.Score("ces", false, 6), new AlertSubject.Score("nps", true, nps)),
        List.of(texts), Instant.EPOCH);
  }

  private static AlertConditions categories(NpsCategory... categories) {
    return AlertConditions.builder().categories(Set.of(categories)).build();
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
    var cesAtLeast5 = AlertConditions.builder().questionId("ces").minScore(5).maxScore(7).build();
    assertThat(RuleEvaluator.matches(cesAtLeast5, subject(10, Channel.LINK))).isTrue();
    var cesAtLeast7 = AlertConditions.builder().questionId("ces").minScore(7).build();
    assertThat(RuleEvaluator.matches(cesAtLeast7, subject(10, Channel.LINK))).isFalse();
    var missingQuestion = AlertConditions.builder().questionId("other").minScore(0).build();
    assertThat(RuleEvaluator.matches(missingQuestion, subject(10, Channel.LINK))).isFalse();
  }

  @Test
  void surveyChannelAndStage() {
    var c = AlertConditions.builder().surveyId("s1").channels(Set.of(Channel.KIOSK, Channel.QR)).build();
    assertThat(RuleEvaluator.matches(c, subject(3, Channel.KIOSK))).isTrue();
    assertThat(RuleEvaluator.matches(c, subject(3, Channel.EMAIL))).isFalse();
    var otherSurvey = AlertConditions.builder().surveyId("s2").build();
    assertThat(RuleEvaluator.matches(otherSurvey, subject(3, Channel.KIOSK))).isFalse();
    var stage = AlertConditions.builder().stageId("delivery").build();
    assertThat(RuleEvaluator.matches(stage, subject(3, Channel.KIOSK))).as("response not linked to a stage").isFalse();
  }

  @Test
  void keywordsInAnyFreeText() {
    var c = AlertConditions.builder().keywords(List.of("livraison en retard", "délai")).build();
    assertThat(RuleEvaluator.matches(c, subject(9, Channel.LINK, "Super", "Livraison EN RETARD"))).isTrue();
    assertThat(RuleEvaluator.matches(c, subject(9, Channel.LINK, "le delai !"))).isTrue();
    assertThat(RuleEvaluator.matches(c, subject(9, Channel.LINK, "parfait"))).isFalse();
    assertThat(RuleEvaluator.matches(c, subject(9, Channel.LINK))).isFalse();
  }

  private static CommentAnalysis analysis(CommentSentiment overall, Map<String, CommentSentiment> themes) {
    return new CommentAnalysis(overall, themes);
  }

  @Test
  void sentimentAloneTestsTheOverallSentimentOfAnyAnswer() {
    var negative = AlertConditions.builder().sentiments(Set.of(CommentSentiment.NEGATIVE)).build();
    var s = subject(9, Channel.LINK, "Parfait", "Colis perdu");
    assertThat(RuleEvaluator.matches(negative, s, () -> List.of(
        analysis(CommentSentiment.POSITIVE, Map.of()), analysis(CommentSentiment.NEGATIVE, Map.of())))).isTrue();
    assertThat(RuleEvaluator.matches(negative, s, () -> List.of(
        analysis(CommentSentiment.POSITIVE, Map.of()), analysis(CommentSentiment.MIXED, Map.of())))).isFalse();
    assertThat(RuleEvaluator.matches(negative, s, () -> List.of(analysis(null, Map.of())))).isFalse();
  }

  @Test
  void sentimentWithThemesTestsTheClausesAboutTheTheme() {
    var negativeDelivery = AlertConditions.builder().sentiments(Set.of(CommentSentiment.NEGATIVE))
        .themes(Set.of("delivery")).build();
    var s = subject(9, Channel.LINK, "Super produit mais livraison en retard");
    // overall mixed, negative about delivery: a negative delivery comment
    assertThat(RuleEvaluator.matches(negativeDelivery, s, () -> List.of(analysis(CommentSentiment.MIXED,
        Map.of("delivery", CommentSentiment.NEGATIVE, "product_quality", CommentSentiment.POSITIVE))))).isTrue();
    // negative, but about the price; delivery praised
    assertThat(RuleEvaluator.matches(negativeDelivery, s, () -> List.of(analysis(CommentSentiment.NEGATIVE,
        Map.of("delivery", CommentSentiment.POSITIVE, "price", CommentSentiment.NEGATIVE))))).isFalse();
    var anyDelivery = AlertConditions.builder().themes(Set.of("delivery", "returns")).build();
    assertThat(RuleEvaluator.matches(anyDelivery, s, () -> List.of(analysis(CommentSentiment.POSITIVE,
        Map.of("returns", CommentSentiment.POSITIVE))))).isTrue();
    assertThat(RuleEvaluator.matches(anyDelivery, s, () -> List.of(analysis(CommentSentiment.POSITIVE,
        Map.of("price", CommentSentiment.NEGATIVE))))).isFalse();
  }

  @Test
  void textAnalysisIsAskedOnlyWhenEveryCheaperConditionHolds() {
    Supplier<List<CommentAnalysis>> never = () -> {
      throw new AssertionError("analysed although a cheaper condition failed");
    };
    var c = AlertConditions.builder().categories(Set.of(NpsCategory.DETRACTOR))
        .sentiments(Set.of(CommentSentiment.NEGATIVE)).build();
    assertThat(RuleEvaluator.matches(c, subject(10, Channel.LINK, "Nul"), never)).isFalse();
    assertThat(RuleEvaluator.matches(c, subject(2, Channel.LINK), never)).as("no text, nothing to analyse").isFalse();
    // without analyses (metric alerts), a text rule never matches
    assertThat(RuleEvaluator.matches(c, subject(2, Channel.LINK, "Nul"))).isFalse();
  }
}
