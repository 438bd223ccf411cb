package io.cxhub.metrics.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Scores the analyser on a labelled set: sentiment accuracy, macro-F1, confusion; theme P/R/F1. */
final class Evaluation {

  /**
   * One labelled comment. {@code heldOut}: never looked at while tuning, reported apart —
   * every fourth comment of the first sets, every comment of a set loaded with
   * {@link #loadHeldOut}.
   */
  record Example(int index, Language language, Sentiment sentiment, Set<String> themes, String text,
      boolean heldOut) {}

  record Outcome(Example example, TextAnalysis analysis) {
    Set<String> predictedThemes() {
      var s = new TreeSet<String>();
      analysis.themes().forEach(t -> s.add(t.themeId()));
      return s;
    }
  }

  /** A set whose every fourth comment is held out. */
  static List<Example> load(String resource) {
    return load(resource, false);
  }

  /** A set held out entirely (written and committed before tuning, never tuned on). */
  static List<Example> loadHeldOut(String resource) {
    return load(resource, true);
  }

  private static List<Example> load(String resource, boolean allHeldOut) {
    var in = Evaluation.class.getClassLoader().getResourceAsStream(resource);
    var out = new ArrayList<Example>();
    try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", 4);
        var themes = new LinkedHashSet<String>();
        if (!c[2].equals("-")) {
          themes.addAll(List.of(c[2].split(",")));
        }
        int index = out.size();
        out.add(new Example(index, Language.valueOf(c[0].toUpperCase(Locale.ROOT)),
            Sentiment.valueOf(c[1].toUpperCase(Locale.ROOT)), themes, c[3],
            allHeldOut || index % 4 == 3));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  final List<Outcome> outcomes;

  Evaluation(List<Outcome> outcomes) {
    this.outcomes = outcomes;
  }

  double accuracy() {
    long ok = outcomes.stream().filter(o -> o.analysis.sentiment() == o.example.sentiment()).count();
    return outcomes.isEmpty() ? 0 : (double) ok / outcomes.size();
  }

  double languageAccuracy() {
    long ok = outcomes.stream().filter(o -> o.analysis.language() == o.example.language()).count();
    return outcomes.isEmpty() ? 0 : (double) ok / outcomes.size();
  }

  Map<Sentiment, double[]> sentimentPrf() {
    var map = new EnumMap<Sentiment, double[]>(Sentiment.class);
    for (Sentiment s : Sentiment.values()) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (Outcome o : outcomes) {
        boolean gold = o.example.sentiment() == s;
        boolean pred = o.analysis.sentiment() == s;
        if (gold && pred) {
          tp++;
        } else if (pred) {
          fp++;
        } else if (gold) {
          fn++;
        }
      }
      map.put(s, prf(tp, fp, fn));
    }
    return map;
  }

  double sentimentMacroF1() {
    return sentimentPrf().values().stream().mapToDouble(a -> a[2]).average().orElse(0);
  }

  int[][] confusion() {
    int k = Sentiment.values().length;
    int[][] m = new int[k][k];
    for (Outcome o : outcomes) {
      m[o.example.sentiment().ordinal()][o.analysis.sentiment().ordinal()]++;
    }
    return m;
  }

  /** Per theme {tp, fp, fn}. */
  Map<String, int[]> themeCounts() {
    var map = new TreeMap<String, int[]>();
    for (Outcome o : outcomes) {
      var pred = o.predictedThemes();
      for (String g : o.example.themes()) {
        map.computeIfAbsent(g, x -> new int[3])[pred.contains(g) ? 0 : 2]++;
      }
      for (String p : pred) {
        if (!o.example.themes().contains(p)) {
          map.computeIfAbsent(p, x -> new int[3])[1]++;
        }
      }
    }
    return map;
  }

  double[] themeMicro() {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int[] c : themeCounts().values()) {
      tp += c[0];
      fp += c[1];
      fn += c[2];
    }
    return prf(tp, fp, fn);
  }

  static double[] prf(int tp, int fp, int fn) {
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new double[] {p, r, f};
  }

  String report(String title) {
    return report(title, true);
  }

  /** The figures, and the failures when {@code withFailures}. */
  String report(String title, boolean withFailures) {
    var sb = new StringBuilder();
    sb.append("### ").append(title).append(" (").append(outcomes.size()).append(" comments)\n\n");
    sb.append(String.format(Locale.ROOT, "- language detected correctly: %.3f%n", languageAccuracy()));
    sb.append(String.format(Locale.ROOT, "- sentiment accuracy: %.3f, macro-F1 (4 classes): %.3f%n", accuracy(), sentimentMacroF1()));
    double[] micro = themeMicro();
    sb.append(String.format(Locale.ROOT, "- themes micro P/R/F1: %.3f / %.3f / %.3f%n%n", micro[0], micro[1], micro[2]));
    sb.append("| sentiment | precision | recall | F1 |\n|---|---|---|---|\n");
    sentimentPrf().forEach((s, a) -> sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", s.name().toLowerCase(Locale.ROOT), a[0], a[1], a[2])));
    sb.append("\nConfusion (rows: labelled, columns: predicted)\n\n| | negative | neutral | positive | mixed |\n|---|---|---|---|---|\n");
    int[][] m = confusion();
    for (Sentiment s : Sentiment.values()) {
      sb.append("| ").append(s.name().toLowerCase(Locale.ROOT));
      for (int v : m[s.ordinal()]) {
        sb.append(" | ").append(v);
      }
      sb.append(" |\n");
    }
    sb.append("\n| theme | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
    themeCounts().forEach((t, c) -> {
      double[] a = prf(c[0], c[1], c[2]);
      sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d |%n", t, a[0], a[1], a[2], c[0] + c[2]));
    });
    if (!withFailures) {
      return sb.toString();
    }
    sb.append("\nFailures (labelled → predicted):\n\n");
    for (Outcome o : outcomes) {
      boolean sentOk = o.analysis.sentiment() == o.example.sentiment();
      boolean themesOk = o.predictedThemes().equals(new TreeSet<>(o.example.themes()));
      if (!sentOk || !themesOk) {
        sb.append("- \"").append(o.example.text()).append("\" — ");
        if (!sentOk) {
          sb.append(o.example.sentiment().name().toLowerCase(Locale.ROOT)).append(" → ")
              .append(o.analysis.sentiment().name().toLowerCase(Locale.ROOT)).append(' ');
        }
        if (!themesOk) {
          sb.append("themes ").append(new TreeSet<>(o.example.themes())).append(" → ").append(o.predictedThemes());
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
