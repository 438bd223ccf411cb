package io.cxhub.metrics.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words and multi-word phrases mapped to a value, matched against normalized tokens. A word
 * ending in {@code *} matches every word starting with it ({@code livr*} matches "livraison",
 * "livré", "livreur"). The longest phrase starting at a token wins.
 */
final class PhraseTable<V> {

  record Entry<V>(String[] words, boolean[] prefix, V value, String source) {}

  record Match<V>(int length, V value, String source) {}

  private static final int MIN_PREFIX = 3;

  private final Map<String, List<Entry<V>>> byExactFirst = new HashMap<>();
  private final Map<String, List<Entry<V>>> byPrefixFirst = new HashMap<>();
  private int maxPrefix = 0;

  /** Adds a phrase written in normalized form (see {@link Tokenizer#fold}), words separated by spaces. */
  void add(String phrase, V value) {
    var words = new ArrayList<String>();
    String[] raw = Tokenizer.fold(phrase.trim()).split("[\\s'’-]+");
    for (int k = 0; k < raw.length; k++) {
      String w = raw[k];
      // the tokenizer drops elided articles and pronouns ("l'attente" → "attente")
      boolean elided = w.length() == 1 && "ldjmtsc".indexOf(w.charAt(0)) >= 0 && k + 1 < raw.length;
      if (!w.isEmpty() && !elided) {
        words.add(w);
      }
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("empty phrase");
    }
    var ws = new String[words.size()];
    var pre = new boolean[words.size()];
    for (int k = 0; k < ws.length; k++) {
      String w = words.get(k);
      pre[k] = w.endsWith("*");
      ws[k] = pre[k] ? w.substring(0, w.length() - 1) : w;
      if (ws[k].isEmpty()) {
        throw new IllegalArgumentException("a wildcard needs letters before it: " + phrase);
      }
    }
    var entry = new Entry<>(ws, pre, value, phrase);
    if (pre[0]) {
      byPrefixFirst.computeIfAbsent(ws[0], x -> new ArrayList<>()).add(entry);
      maxPrefix = Math.max(maxPrefix, ws[0].length());
    } else {
      byExactFirst.computeIfAbsent(ws[0], x -> new ArrayList<>()).add(entry);
    }
  }

  boolean isEmpty() {
    return byExactFirst.isEmpty() && byPrefixFirst.isEmpty();
  }

  /** The longest phrase that starts at {@code tokens[i]}, or null. */
  Match<V> longestAt(List<Token> tokens, int i) {
    Token first = tokens.get(i);
    if (!first.isWord() && first.kind() != Token.Kind.EMOJI) {
      return null;
    }
    Entry<V> best = null;
    best = bestOf(byExactFirst.get(first.norm()), tokens, i, best);
    if (first.stretched()) {
      best = bestOf(byExactFirst.get(Tokenizer.squeezeAll(first.norm())), tokens, i, best);
    }
    if (!byPrefixFirst.isEmpty()) {
      String norm = first.norm();
      for (int len = Math.min(norm.length(), maxPrefix); len >= MIN_PREFIX; len--) {
        best = bestOf(byPrefixFirst.get(norm.substring(0, len)), tokens, i, best);
      }
    }
    return best == null ? null : new Match<>(best.words().length, best.value(), best.source());
  }

  private Entry<V> bestOf(List<Entry<V>> candidates, List<Token> tokens, int i, Entry<V> best) {
    if (candidates == null) {
      return best;
    }
    for (Entry<V> e : candidates) {
      if ((best == null || e.words().length > best.words().length) && matches(e, tokens, i)) {
        best = e;
      }
    }
    return best;
  }

  private static boolean matches(Entry<?> e, List<Token> tokens, int i) {
    if (i + e.words().length > tokens.size()) {
      return false;
    }
    for (int k = 0; k < e.words().length; k++) {
      Token t = tokens.get(i + k);
      if (!t.isWord() && t.kind() != Token.Kind.EMOJI) {
        return false;
      }
      if (!wordMatches(e.words()[k], e.prefix()[k], t)) {
        return false;
      }
    }
    return true;
  }

  private static boolean wordMatches(String w, boolean prefix, Token t) {
    String norm = t.norm();
    if (prefix ? norm.startsWith(w) : norm.equals(w)) {
      return true;
    }
    if (t.stretched()) {
      String sq = Tokenizer.squeezeAll(norm);
      return prefix ? sq.startsWith(w) : sq.equals(w);
    }
    return false;
  }
}
