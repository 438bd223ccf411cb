package io.cxhub.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the quality figures of docs/text-analytics.md from regressing: sentiment macro-F1
 * and theme micro-F1 per language on the project's labelled set (written before tuning;
 * every fourth comment held out and reported apart), and floors on the second sets
 * (eval-{fr,en}-2.tsv), held out entirely: written and committed before any tuning, never
 * tuned on. The floors there are what was measured minus a small margin, never the target.
 * The full reports are written to target/text-analytics-report-{fr,en}.md; the held-out
 * sets' figures to target/text-analytics-report-{fr,en}-2.md and their failures apart, to
 * target/text-analytics-failures-{fr,en}-2.md (so that tuning need not see them). The third
 * sets (eval-{fr,en}-3.tsv, issue 11) are held out the same way, in other styles (app-store
 * reviews, SMS replies, e-mails, kiosk answers, Google reviews) and other retail domains;
 * their reports go to target/text-analytics-report-{fr,en}-3.md and
 * target/text-analytics-failures-{fr,en}-3.md. The fourth sets (eval-{fr,en}-4.tsv) are held
 * out the same way, in yet other styles and domains (marketplace reviews, B2B e-mails, chat
 * summaries, improvement suggestions, restaurants, travel, telecom, banking); reports in
 * target/text-analytics-report-{fr,en}-4.md and target/text-analytics-failures-{fr,en}-4.md.
 */
class TextAnalyticsQualityTest {

  static TextAnalyzer analyzer;
  static TextAnalyzer.CompiledTaxonomy taxonomy;

  @BeforeAll
  static void load() {
    analyzer = new TextAnalyzer();
    taxonomy = TextAnalyzer.compile(Taxonomy.defaults());
  }

  static Evaluation evaluate(List<Evaluation.Example> examples) {
    var outcomes = new ArrayList<Evaluation.Outcome>();
    for (var e : examples) {
      outcomes.add(new Evaluation.Outcome(e, analyzer.analyze(e.text(), taxonomy)));
    }
    return new Evaluation(outcomes);
  }

  /** Floors on the first sets (whole set): measured minus a small margin, over the 0.80 target. */
  static final double FR_1_SENTIMENT_MACRO_F1 = 0.97;
  static final double FR_1_THEME_MICRO_F1 = 0.91;
  static final double EN_1_SENTIMENT_MACRO_F1 = 0.94;
  static final double EN_1_THEME_MICRO_F1 = 0.91;

  @Test
  void frenchMeetsTheTargets() throws IOException {
    var all = Evaluation.load("text/eval-fr.tsv");
    var eval = evaluate(all);
    write("fr", all);
    assertThat(all).hasSizeGreaterThanOrEqualTo(150);
    assertThat(eval.sentimentMacroF1()).isGreaterThanOrEqualTo(FR_1_SENTIMENT_MACRO_F1);
    assertThat(eval.themeMicro()[2]).isGreaterThanOrEqualTo(FR_1_THEME_MICRO_F1);
    assertThat(eval.languageAccuracy()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void englishMeetsTheTargets() throws IOException {
    var all = Evaluation.load("text/eval-en.tsv");
    var eval = evaluate(all);
    write("en", all);
    assertThat(all).hasSizeGreaterThanOrEqualTo(150);
    assertThat(eval.sentimentMacroF1()).isGreaterThanOrEqualTo(EN_1_SENTIMENT_MACRO_F1);
    assertThat(eval.themeMicro()[2]).isGreaterThanOrEqualTo(EN_1_THEME_MICRO_F1);
    assertThat(eval.languageAccuracy()).isGreaterThanOrEqualTo(0.95);
  }

  /** Floors on the sets held out entirely: measured minus a small margin, never above. */
  static final double FR_2_SENTIMENT_MACRO_F1 = 0.79;
  static final double FR_2_THEME_MICRO_F1 = 0.88;
  static final double EN_2_SENTIMENT_MACRO_F1 = 0.79;
  static final double EN_2_THEME_MICRO_F1 = 0.86;

  @Test
  void frenchHeldOutSetDoesNotRegress() throws IOException {
    var all = Evaluation.loadHeldOut("text/eval-fr-2.tsv");
    var eval = evaluate(all);
    writeHeldOut("fr", eval);
    assertThat(all).hasSizeGreaterThanOrEqualTo(150);
    assertThat(eval.sentimentMacroF1()).isGreaterThanOrEqualTo(FR_2_SENTIMENT_MACRO_F1);
    assertThat(eval.themeMicro()[2]).isGreaterThanOrEqualTo(FR_2_THEME_MICRO_F1);
    assertThat(eval.languageAccuracy()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void englishHeldOutSetDoesNotRegress() throws IOException {
    var all = Evaluation.loadHeldOut("text/eval-en-2.tsv");
    var eval = evaluate(all);
    writeHeldOut("en", eval);
    assertThat(all).hasSizeGreaterThanOrEqualTo(150);
    assertThat(eval.sentimentMacroF1()).isGreaterThanOrEqualTo(EN_2_SENTIMENT_MACRO_F1);
    assertThat(eval.themeMicro()[2]).isGreaterThanOrEqualTo(EN_2_THEME_MICRO_F1);
    assertThat(eval.languageAccuracy()).isGreaterThanOrEqualTo(0.95);
  }

  /** Floors on the third sets: measured minus a small margin, never above. */
  static final double FR_3_SENTIMENT_MACRO_F1 = 0.83;
  static final double FR_3_THEME_MICRO_F1 = 0.78;
  static final double EN_3_SENTIMENT_MACRO_F1 = 0.78;
  static final double EN_3_THEME_MICRO_F1 = 0.76;

  @Test
  void frenchThirdSetDoesNotRegress() throws IOException {
    var all = Evaluation.loadHeldOut("text/eval-fr-3.tsv");
    var eval = evaluate(all);
    writeHeldOut("fr", "3", "third set", eval);
    assertThat(all).hasSizeGreaterThanOrEqualTo(120);
    assertThat(eval.sentimentMacroF1()).isGreaterThanOrEqualTo(FR_3_SENTIMENT_MACRO_F1);
    assertThat(eval.themeMicro()[2]).isGreaterThanOrEqualTo(FR_3_THEME_MICRO_F1);
    assertThat(eval.languageAccuracy()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void englishThirdSetDoesNotRegress() throws IOException {
    var all = Evaluation.loadHeldOut("text/eval-en-3.tsv");
    var eval = evaluate(all);
    writeHeldOut("en", "3", "third set", eval);
    assertThat(all).hasSizeGreaterThanOrEqualTo(120);
    assertThat(eval.sentimentMacroF1()).isGreaterThanOrEqualTo(EN_3_SENTIMENT_MACRO_F1);
    assertThat(eval.themeMicro()[2]).isGreaterThanOrEqualTo(EN_3_THEME_MICRO_F1);
    assertThat(eval.languageAccuracy()).isGreaterThanOrEqualTo(0.95);
  }

  /**
   * Floors on the fourth sets (eval-{fr,en}-4.tsv, issue 11), held out entirely: marketplace
   * reviews, B2B e-mails, agents' chat summaries, "what could we improve?" answers,
   * restaurants, travel, telecom and banking. Measured minus a small margin, never above.
   */
  static final double FR_4_SENTIMENT_MACRO_F1 = 0.72;
  static final double FR_4_THEME_MICRO_F1 = 0.60;
  static final double EN_4_SENTIMENT_MACRO_F1 = 0.76;
  static final double EN_4_THEME_MICRO_F1 = 0.63;

  @Test
  void frenchFourthSetDoesNotRegress() throws IOException {
    var all = Evaluation.loadHeldOut("text/eval-fr-4.tsv");
    var eval = evaluate(all);
    writeHeldOut("fr", "4", "fourth set", eval);
    assertThat(all).hasSizeGreaterThanOrEqualTo(100);
    assertThat(eval.sentimentMacroF1()).isGreaterThanOrEqualTo(FR_4_SENTIMENT_MACRO_F1);
    assertThat(eval.themeMicro()[2]).isGreaterThanOrEqualTo(FR_4_THEME_MICRO_F1);
    assertThat(eval.languageAccuracy()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void englishFourthSetDoesNotRegress() throws IOException {
    var all = Evaluation.loadHeldOut("text/eval-en-4.tsv");
    var eval = evaluate(all);
    writeHeldOut("en", "4", "fourth set", eval);
    assertThat(all).hasSizeGreaterThanOrEqualTo(150);
    assertThat(eval.sentimentMacroF1()).isGreaterThanOrEqualTo(EN_4_SENTIMENT_MACRO_F1);
    assertThat(eval.themeMicro()[2]).isGreaterThanOrEqualTo(EN_4_THEME_MICRO_F1);
    assertThat(eval.languageAccuracy()).isGreaterThanOrEqualTo(0.95);
  }

  private static void writeHeldOut(String lang, Evaluation eval) throws IOException {
    writeHeldOut(lang, "2", "second set", eval);
  }

  private static void writeHeldOut(String lang, String set, String name, Evaluation eval) throws IOException {
    Path dir = Path.of("target");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("text-analytics-report-" + lang + "-" + set + ".md"),
        eval.report(lang + " — " + name + ", held out entirely", false));
    Files.writeString(dir.resolve("text-analytics-failures-" + lang + "-" + set + ".md"),
        eval.report(lang + " — " + name + ", held out entirely", true));
  }

  private static void write(String lang, List<Evaluation.Example> all) throws IOException {
    var tuned = all.stream().filter(e -> !e.heldOut()).toList();
    var held = all.stream().filter(Evaluation.Example::heldOut).toList();
    String report = evaluate(all).report(lang + " — all")
        + "\n" + evaluate(tuned).report(lang + " — tuning part")
        + "\n" + evaluate(held).report(lang + " — held-out part");
    Path out = Path.of("target", "text-analytics-report-" + lang + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }
}
