package io.cxhub.metrics.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Lexicon-and-rules sentiment of one language (in the spirit of VADER, Hutto and Gilbert
 * 2014): each polar word or phrase has a valence, adjusted by the words around it —
 * intensifiers and dampeners before it, a negation within three words before it (flipped
 * and weakened: "pas déçu" is positive, "not great" mildly negative), "du tout"/"at all"
 * after it, capitals and stretched letters, exclamation marks — plus three rules for how
 * customers complain: a negated expected event ("jamais reçu", "no reply"), excess ("trop
 * long", "too slow") and irony (a cheerful interjection in a text that complains of a
 * repetition: "Génial, encore en retard").
 */
final class SentimentScorer {

  /** One polar word or phrase, its adjusted valence, and where it is. */
  record Hit(int from, int to, double valence) {}

  private static final double NEGATION_FACTOR = -0.7;
  private static final java.util.Set<String> SHORT_NEGATORS =
      java.util.Set.of("no", "without", "sans", "aucun", "aucune", "nothing", "none", "nobody", "rien");
  private static final double EXPECTED_MISSING = -1.8;
  private static final double EXCESS = -1.2;
  private static final double IRONY = -1.6;

  private final Lexicon lexicon;
  private final PhraseTable<Double> emojis;

  SentimentScorer(Lexicon lexicon, PhraseTable<Double> emojis) {
    this.lexicon = lexicon;
    this.emojis = emojis;
  }

  List<Hit> hits(List<Token> tokens) {
    var hits = new ArrayList<Hit>();
    int words = 0;
    int capsWords = 0;
    for (Token t : tokens) {
      if (t.isWord() && t.norm().length() > 1) {
        words++;
        if (t.caps()) {
          capsWords++;
        }
      }
    }
    boolean shouting = words >= 3 && capsWords * 10 >= words * 7;
    boolean repetition = containsRepeat(tokens);
    int firstPolarInSentence = -1;
    int i = 0;
    int n = tokens.size();
    while (i < n) {
      Token t = tokens.get(i);
      if (t.isBoundary()) {
        if (t.kind() == Token.Kind.SENTENCE) {
          firstPolarInSentence = -1;
        }
        i++;
        continue;
      }
      if (t.kind() == Token.Kind.EMOJI) {
        var m = emojis.longestAt(tokens, i);
        if (m != null) {
          hits.add(new Hit(i, i + 1, m.value()));
        }
        i++;
        continue;
      }
      var b = lexicon.boost.longestAt(tokens, i);
      if (b != null && b.value() > 1 && i + b.length() < n
          && lexicon.valence.longestAt(tokens, i + b.length()) != null) {
        i += b.length(); // "super lent": "super" intensifies, it is not praise
        continue;
      }
      var m = lexicon.valence.longestAt(tokens, i);
      if (m != null) {
        double v = m.value();
        int end = i + m.length();
        boolean interjection = wordsBefore(tokens, i) <= 1 || end >= n || tokens.get(end).isBoundary();
        if (v > 0 && repetition && interjection && lexicon.ironic.contains(t.norm())) {
          v = IRONY;
        } else {
          v = adjust(tokens, i, end, v, shouting);
        }
        hits.add(new Hit(i, end, v));
        i = end;
        continue;
      }
      var e = lexicon.expected.longestAt(tokens, i);
      if (e != null && (negatedBefore(tokens, i) || negatedAround(tokens, i, i + e.length()))) {
        double v = EXPECTED_MISSING;
        if (stillBefore(tokens, i)) {
          v *= 1.3;
        }
        hits.add(new Hit(i, i + e.length(), emphasis(tokens, i, i + e.length(), v, shouting)));
        i += e.length();
        continue;
      }
      if (lexicon.excess.contains(t.norm()) && i + 1 < n && tokens.get(i + 1).isWord()
          && lexicon.valence.longestAt(tokens, i + 1) == null
          && lexicon.boost.longestAt(tokens, i + 1) == null) {
        hits.add(new Hit(i, i + 2, emphasis(tokens, i, i + 2, EXCESS, shouting)));
        i += 2;
        continue;
      }
      i++;
    }
    return hits;
  }

  private double adjust(List<Token> tokens, int from, int to, double v, boolean shouting) {
    double factor = 1.0;
    boolean flipped = false;
    int seen = 0;
    for (int k = from - 1; k >= 0 && seen < 3; k--) {
      Token b = tokens.get(k);
      if (b.isBoundary()) {
        break;
      }
      var boost = lexicon.boost.longestAt(tokens, k);
      if (boost != null && k + boost.length() <= from) {
        factor *= boost.value();
        flipped |= boost.value() < 0;
      } else if (lexicon.excess.contains(b.norm()) && k == from - 1) {
        factor *= v < 0 ? 2.0 : 1.3; // "trop lent", "too slow": excess is a complaint
      }
      seen++;
    }
    double adjusted = v * factor;
    boolean selfNegated = lexicon.negator.longestAt(tokens, from) != null;
    if (!flipped && !selfNegated && (negatedBefore(tokens, from) || negatedAround(tokens, from, to))) {
      adjusted *= NEGATION_FACTOR;
    }
    if (afterContrast(tokens, from)) {
      adjusted *= 1.2;
    }
    if (atAllAfter(tokens, to)) {
      adjusted *= 1.3;
    }
    return emphasis(tokens, from, to, adjusted, shouting);
  }

  private double emphasis(List<Token> tokens, int from, int to, double v, boolean shouting) {
    double factor = 1.0;
    boolean caps = false;
    boolean stretched = false;
    for (int k = from; k < to; k++) {
      caps |= tokens.get(k).caps();
      stretched |= tokens.get(k).stretched();
    }
    if (caps || shouting) {
      factor *= v < 0 ? 1.4 : 1.2;
    }
    if (stretched) {
      factor *= 1.2;
    }
    int bangs = 0;
    for (int k = to; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.kind() == Token.Kind.SENTENCE) {
        if (t.norm().equals("!")) {
          bangs++;
          continue;
        }
        break;
      }
    }
    factor *= 1 + 0.12 * Math.min(3, bangs);
    return v * factor;
  }

  /**
   * French verbal negation around the verb: "ne" just before the word and a negator right
   * after it ("je ne regrette pas", "ne répond jamais", "ne comprend rien").
   */
  boolean negatedAround(List<Token> tokens, int from, int to) {
    boolean ne = false;
    for (int k = from - 1; k >= 0 && k >= from - 2; k--) {
      Token b = tokens.get(k);
      if (b.isBoundary()) {
        break;
      }
      ne |= b.norm().equals("ne");
    }
    if (!ne) {
      return false;
    }
    for (int k = to; k < tokens.size() && k < to + 2; k++) {
      Token a = tokens.get(k);
      if (a.isBoundary()) {
        return false;
      }
      if (lexicon.negator.longestAt(tokens, k) != null || lexicon.negatorAfterNe.contains(a.norm())) {
        return true;
      }
    }
    return false;
  }

  private boolean afterContrast(List<Token> tokens, int from) {
    for (int k = from - 1; k >= 0; k--) {
      Token b = tokens.get(k);
      if (b.kind() == Token.Kind.SENTENCE) {
        return false;
      }
      if (isContrast(tokens, k)) {
        return true;
      }
    }
    return false;
  }

  /** A negator within the words before {@code from} in the same clause: three words, two for "no"/"sans". */
  boolean negatedBefore(List<Token> tokens, int from) {
    int seen = 0;
    for (int k = from - 1; k >= 0 && seen < 3; k--) {
      Token b = tokens.get(k);
      if (b.isBoundary() || lexicon.contrast.longestAt(tokens, k) != null) {
        return false;
      }
      var neg = lexicon.negator.longestAt(tokens, k);
      if (neg != null && k + neg.length() <= from) {
        // determiner-like negators ("no fees", "sans frais") reach only the next two words
        return !SHORT_NEGATORS.contains(b.norm()) || from - (k + neg.length()) <= 1;
      }
      if (lexicon.negatorAfterNe.contains(b.norm())) {
        for (int j = k - 1; j >= 0 && j >= k - 3; j--) {
          if (tokens.get(j).isBoundary()) {
            break;
          }
          if (tokens.get(j).norm().equals("ne")) {
            return true;
          }
        }
      }
      seen++;
    }
    return false;
  }

  private boolean stillBefore(List<Token> tokens, int from) {
    for (int k = from - 1; k >= 0 && k >= from - 5; k--) {
      Token b = tokens.get(k);
      if (b.isBoundary()) {
        return false;
      }
      if (lexicon.still.contains(b.norm())) {
        return true;
      }
    }
    return false;
  }

  private static boolean atAllAfter(List<Token> tokens, int to) {
    if (to + 1 < tokens.size()) {
      String a = tokens.get(to).norm();
      String b = tokens.get(to + 1).norm();
      return (a.equals("du") && b.equals("tout")) || (a.equals("at") && b.equals("all"));
    }
    return false;
  }

  private boolean containsRepeat(List<Token> tokens) {
    for (int k = 0; k < tokens.size(); k++) {
      if (lexicon.repeat.longestAt(tokens, k) != null) {
        return true;
      }
    }
    return false;
  }

  private static int wordsBefore(List<Token> tokens, int i) {
    int words = 0;
    for (int k = i - 1; k >= 0; k--) {
      Token t = tokens.get(k);
      if (t.kind() == Token.Kind.SENTENCE) {
        break;
      }
      if (t.isWord()) {
        words++;
      }
    }
    return words;
  }

  boolean isContrast(List<Token> tokens, int i) {
    return lexicon.contrast.longestAt(tokens, i) != null;
  }
}
