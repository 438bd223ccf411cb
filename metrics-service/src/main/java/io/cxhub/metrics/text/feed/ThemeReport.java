package io.cxhub.metrics.text.feed;

import io.cxhub.metrics.text.Sentiment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Themes of a period from the text cubes: volume, share of the comments, sentiment mix and
 * impact — the NPS (and CSAT) of respondents who mention the theme minus that of those who
 * do not, with a 95% interval of the difference (normal approximation: the variance of an NPS
 * over n answers is (p+ + p- - (p+ - p-)²) / n, of a proportion p(1-p)/n, and the variance of
 * a difference of independent groups the sum).
 */
public final class ThemeReport {

  static final double Z95 = 1.959964;

  /** A difference between mentioners and the others, with its 95% interval; NaN when a group is empty. */
  public record Impact(double mentioners, double others, double difference, double low, double high, long nMentioners, long nOthers) {
    static final Impact NONE = new Impact(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);

    public boolean known() {
      return !Double.isNaN(difference);
    }
  }

  public record ThemeStat(String themeId, long volume, double share, Map<Sentiment, Long> sentiments, Impact nps, Impact csat) {}

  public record Report(long comments, List<ThemeStat> themes) {}

  private ThemeReport() {}

  public static Report of(Map<String, Map<TextCubes.CellKey, TextCubes.Cell>> cubes, Predicate<TextCubes.CellKey> filter) {
    TextCubes.Cell all = sum(cubes.getOrDefault(TextCubes.ALL, Map.of()), filter);
    var stats = new ArrayList<ThemeStat>();
    for (var e : cubes.entrySet()) {
      if (e.getKey().equals(TextCubes.ALL)) {
        continue;
      }
      var sentiments = new EnumMap<Sentiment, Long>(Sentiment.class);
      for (Sentiment s : Sentiment.values()) {
        sentiments.put(s, 0L);
      }
      TextCubes.Cell theme = TextCubes.Cell.ZERO;
      for (var c : e.getValue().entrySet()) {
        if (!filter.test(c.getKey())) {
          continue;
        }
        theme = theme.plus(c.getValue());
        try {
          sentiments.merge(Sentiment.valueOf(c.getKey().sentiment()), c.getValue().comments(), Long::sum);
        } catch (IllegalArgumentException ignored) {
          // a sentiment this version does not know: counted in the volume only
        }
      }
      if (theme.comments() == 0) {
        continue;
      }
      TextCubes.Cell others = all.minus(theme);
      stats.add(new ThemeStat(e.getKey(), theme.comments(),
          all.comments() == 0 ? 0 : (double) theme.comments() / all.comments(), sentiments,
          npsImpact(theme, others), csatImpact(theme, others)));
    }
    stats.sort(Comparator.comparingLong(ThemeStat::volume).reversed().thenComparing(ThemeStat::themeId));
    return new Report(all.comments(), stats);
  }

  static TextCubes.Cell sum(Map<TextCubes.CellKey, TextCubes.Cell> cells, Predicate<TextCubes.CellKey> filter) {
    TextCubes.Cell total = TextCubes.Cell.ZERO;
    for (var c : cells.entrySet()) {
      if (filter.test(c.getKey())) {
        total = total.plus(c.getValue());
      }
    }
    return total;
  }

  static Impact npsImpact(TextCubes.Cell a, TextCubes.Cell b) {
    if (a.npsAnswers() == 0 || b.npsAnswers() == 0) {
      return Impact.NONE;
    }
    double pa = (double) a.promoters() / a.npsAnswers();
    double da = (double) a.detractors() / a.npsAnswers();
    double pb = (double) b.promoters() / b.npsAnswers();
    double db = (double) b.detractors() / b.npsAnswers();
    double npsA = 100 * (pa - da);
    double npsB = 100 * (pb - db);
    double varA = (pa + da - (pa - da) * (pa - da)) / a.npsAnswers();
    double varB = (pb + db - (pb - db) * (pb - db)) / b.npsAnswers();
    double half = 100 * Z95 * Math.sqrt(varA + varB);
    double diff = npsA - npsB;
    return new Impact(npsA, npsB, diff, diff - half, diff + half, a.npsAnswers(), b.npsAnswers());
  }

  static Impact csatImpact(TextCubes.Cell a, TextCubes.Cell b) {
    if (a.csatAnswers() == 0 || b.csatAnswers() == 0) {
      return Impact.NONE;
    }
    double pa = (double) a.csatSatisfied() / a.csatAnswers();
    double pb = (double) b.csatSatisfied() / b.csatAnswers();
    double half = 100 * Z95 * Math.sqrt(pa * (1 - pa) / a.csatAnswers() + pb * (1 - pb) / b.csatAnswers());
    double diff = 100 * (pa - pb);
    return new Impact(100 * pa, 100 * pb, diff, diff - half, diff + half, a.csatAnswers(), b.csatAnswers());
  }
}
