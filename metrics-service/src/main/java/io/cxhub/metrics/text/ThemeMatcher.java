package io.cxhub.metrics.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds a taxonomy's themes in a tokenized text of one language. */
final class ThemeMatcher {

  record Found(String themeId, int from, int to) {}

  private final PhraseTable<List<String>> fr = new PhraseTable<>();
  private final PhraseTable<List<String>> en = new PhraseTable<>();

  ThemeMatcher(Taxonomy taxonomy) {
    var frTerms = new LinkedHashMap<String, List<String>>();
    var enTerms = new LinkedHashMap<String, List<String>>();
    for (Taxonomy.Theme theme : taxonomy.themes()) {
      theme.termsFr().forEach(t -> addTo(frTerms, t, theme.id()));
      theme.termsEn().forEach(t -> addTo(enTerms, t, theme.id()));
    }
    frTerms.forEach(fr::add);
    enTerms.forEach(en::add);
  }

  private static void addTo(Map<String, List<String>> terms, String term, String themeId) {
    var ids = terms.computeIfAbsent(Tokenizer.fold(term.strip()), x -> new ArrayList<>());
    if (!ids.contains(themeId)) {
      ids.add(themeId);
    }
  }

  /** Each occurrence of a theme term, left to right, longest term first where they overlap. */
  List<Found> find(List<Token> tokens, Language language) {
    return find(tokens, language, null);
  }

  /** How far back (in tokens) an attribute looks for the thing it describes. */
  private static final int ATTRIBUTE_REACH = 6;

  /**
   * As {@link #find(List, Language)}, where a term that is an attribute ({@code attributes}:
   * "abîmé", "damaged", "fonctionne") describes the nearest theme term before it in the same
   * clause: it is kept only for the themes that term already has ("écran cassé" is product
   * quality; "le colis était abîmé" is delivery only; "ma carte fonctionne" is not product
   * quality). An attribute with no theme term before it keeps its themes ("Article reçu
   * cassé").
   */
  List<Found> find(List<Token> tokens, Language language, PhraseTable<Boolean> attributes) {
    PhraseTable<List<String>> table = language == Language.FR ? fr : language == Language.EN ? en : null;
    if (table == null || table.isEmpty()) {
      return List.of();
    }
    var found = new ArrayList<Found>();
    int i = 0;
    while (i < tokens.size()) {
      var m = table.longestAt(tokens, i);
      if (m != null) {
        for (String id : m.value()) {
          found.add(new Found(id, i, i + m.length()));
        }
        i += m.length();
      } else {
        i++;
      }
    }
    if (attributes == null || attributes.isEmpty() || found.size() < 2) {
      return found;
    }
    var kept = new ArrayList<Found>(found.size());
    for (Found f : found) {
      var a = attributes.longestAt(tokens, f.from());
      if (a == null || a.length() < f.to() - f.from()) {
        kept.add(f);
        continue;
      }
      int holder = holderBefore(tokens, found, f.from(), attributes);
      if (holder < 0 || hasTheme(found, holder, f.themeId())) {
        kept.add(f);
      }
    }
    return kept;
  }

  /** The start of the nearest non-attribute theme term before {@code from} in its clause, or -1. */
  private static int holderBefore(List<Token> tokens, List<Found> found, int from, PhraseTable<Boolean> attributes) {
    int best = -1;
    for (Found g : found) {
      if (g.to() > from || from - g.to() > ATTRIBUTE_REACH || g.from() <= best) {
        continue;
      }
      var a = attributes.longestAt(tokens, g.from());
      if (a != null && a.length() >= g.to() - g.from()) {
        continue;
      }
      boolean sameClause = true;
      for (int k = g.to(); k < from; k++) {
        if (tokens.get(k).isBoundary()) {
          sameClause = false;
          break;
        }
      }
      if (sameClause) {
        best = g.from();
      }
    }
    return best;
  }

  private static boolean hasTheme(List<Found> found, int from, String themeId) {
    for (Found g : found) {
      if (g.from() == from && g.themeId().equals(themeId)) {
        return true;
      }
    }
    return false;
  }

  static Map<String, List<Found>> byTheme(List<Found> found) {
    var map = new LinkedHashMap<String, List<Found>>();
    for (Found f : found) {
      map.computeIfAbsent(f.themeId(), x -> new ArrayList<>()).add(f);
    }
    return map;
  }
}
