package io.cxhub.survey.alert;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for keyword matching: lower case, accents removed (NFD then combining marks
 * dropped, so "Délai" and "delai" fold alike), ligatures expanded, and every run of
 * non-letters and non-digits collapsed to one space.
 */
public final class TextFolding {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private TextFolding() {}

  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    String unmarked = MARKS.matcher(decomposed).replaceAll("");
    String lower = unmarked.toLowerCase(Locale.ROOT)
        .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").replace("ø", "o").replace("ł", "l");
    return SEPARATORS.matcher(lower).replaceAll(" ").trim();
  }

  /**
   * Whether {@code keyword} occurs in {@code text} as whole words ("retard" matches
   * "en retard !" but not "retardataire"), ignoring case, accents and punctuation.
   */
  public static boolean containsKeyword(String text, String keyword) {
    String k = fold(keyword);
    if (k.isEmpty()) {
      return false;
    }
    return (" " + fold(text) + " ").contains(" " + k + " ");
  }
}
