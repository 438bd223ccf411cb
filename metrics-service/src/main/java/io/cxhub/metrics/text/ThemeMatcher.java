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
    return found;
  }

  static Map<String, List<Found>> byTheme(List<Found> found) {
    var map = new LinkedHashMap<String, List<Found>>();
    for (Found f : found) {
      map.computeIfAbsent(f.themeId(), x -> new ArrayList<>()).add(f);
    }
    return map;
  }
}
