package io.cxhub.metrics.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a text into normalized tokens, keeping each token's offsets in the original text so
 * that evidence can be highlighted. Normalization is what makes one lexicon entry match the
 * ways customers write a word: case, accents ("tres" = "très"), typographic apostrophes,
 * French elision ("l'attente" → "attente", "n'est" → "ne est"), English contractions
 * ("don't" → "do not"), stretched letters ("nuuuul"), emoticons (":-(") and emojis.
 */
final class Tokenizer {

  private static final Set<String> ELIDED =
      Set.of("l", "d", "j", "m", "t", "s", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu");
  private static final Set<String> CONTRACTION_TAILS = Set.of("s", "re", "ll", "ve", "d", "m");

  private Tokenizer() {}

  static List<Token> tokenize(String text) {
    var out = new ArrayList<Token>(Math.max(8, text.length() / 5));
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        int start = i;
        int j = i;
        while (j < n) {
          int c = text.codePointAt(j);
          if (!Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
            break;
          }
          j += Character.charCount(c);
        }
        // apostrophe inside a word: elision, contraction or possessive
        if (j + 1 < n && isApostrophe(text.charAt(j)) && Character.isLetter(text.codePointAt(j + 1))) {
          String head = text.substring(start, j);
          String lowerHead = head.toLowerCase(Locale.ROOT);
          int k = j + 1;
          while (k < n && Character.isLetterOrDigit(text.codePointAt(k))) {
            k += Character.charCount(text.codePointAt(k));
          }
          String tail = text.substring(j + 1, k).toLowerCase(Locale.ROOT);
          if (tail.equals("t") && lowerHead.endsWith("n") && lowerHead.length() > 1) {
            // don't, can't, isn't, won't
            String stem = head.substring(0, head.length() - 1);
            out.add(word(text, stem, start, start + stem.length()));
            out.add(new Token("not", start + stem.length(), k, Token.Kind.WORD, false, false));
            i = k;
            continue;
          }
          if (lowerHead.equals("n")) {
            out.add(new Token("ne", start, j + 1, Token.Kind.WORD, false, false));
            i = j + 1;
            continue;
          }
          if (ELIDED.contains(lowerHead)) {
            if (lowerHead.equals("qu")) {
              out.add(new Token("que", start, j + 1, Token.Kind.WORD, false, false));
            }
            i = j + 1; // the elided article or pronoun carries nothing for the analysis
            continue;
          }
          if (CONTRACTION_TAILS.contains(tail)) {
            out.add(word(text, head, start, j));
            i = k;
            continue;
          }
          out.add(word(text, head, start, j));
          i = j + 1;
          continue;
        }
        out.add(word(text, text.substring(start, j), start, j));
        i = j;
        continue;
      }
      Token emoticon = emoticon(text, i);
      if (emoticon != null) {
        out.add(emoticon);
        i = emoticon.end();
        continue;
      }
      switch (cp) {
        case '.', '!', '?', '\n', '…', '¡', '¿' ->
            out.add(new Token(cp == '\n' ? "." : new String(Character.toChars(cp)), i, i + len,
                Token.Kind.SENTENCE, false, false));
        case ',', ';', ':', '(', ')' -> out.add(new Token(",", i, i + len, Token.Kind.CLAUSE, false, false));
        default -> {
          if (isEmoji(cp)) {
            out.add(new Token(new String(Character.toChars(cp)), i, i + len, Token.Kind.EMOJI, false, false));
          }
        }
      }
      i += len;
    }
    return out;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’' || c == 'ʼ' || c == '`' || c == '´';
  }

  private static boolean isEmoji(int cp) {
    if (cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
      return false;
    }
    return Character.getType(cp) == Character.OTHER_SYMBOL && cp >= 0x2190;
  }

  private static Token emoticon(String text, int i) {
    char c = text.charAt(i);
    if (c == '<' && i + 1 < text.length() && text.charAt(i + 1) == '3') {
      return new Token(":)", i, i + 2, Token.Kind.EMOJI, false, false);
    }
    if (c != ':' && c != ';' && c != '=') {
      return null;
    }
    int j = i + 1;
    if (j < text.length() && (text.charAt(j) == '-' || text.charAt(j) == '\'')) {
      j++;
    }
    if (j >= text.length()) {
      return null;
    }
    char m = text.charAt(j);
    // a mouth must not be followed by a letter or digit ("prix:D'abord" is not a smile)
    if (j + 1 < text.length() && Character.isLetterOrDigit(text.charAt(j + 1))) {
      return null;
    }
    String norm;
    switch (m) {
      case ')', 'D', ']', 'P', 'p' -> norm = ":)";
      case '(', '[', '/', '|' -> norm = ":(";
      default -> {
        return null;
      }
    }
    int end = j + 1;
    while (end < text.length() && text.charAt(end) == m) {
      end++;
    }
    return new Token(norm, i, end, Token.Kind.EMOJI, false, false);
  }

  private static Token word(String text, String raw, int start, int end) {
    int letters = 0;
    int upper = 0;
    for (int k = 0; k < raw.length(); k++) {
      char ch = raw.charAt(k);
      if (Character.isLetter(ch)) {
        letters++;
        if (Character.isUpperCase(ch)) {
          upper++;
        }
      }
    }
    boolean caps = letters >= 2 && upper == letters;
    String folded = fold(raw);
    String squeezed = squeeze(folded);
    return new Token(squeezed, start, end, Token.Kind.WORD, caps, squeezed.length() != folded.length());
  }

  /** Lower case without diacritics, ligatures spelled out. */
  static String fold(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    boolean ascii = true;
    for (int k = 0; k < lower.length(); k++) {
      if (lower.charAt(k) > 127) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return lower;
    }
    String replaced = lower.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
    String decomposed = Normalizer.normalize(replaced, Normalizer.Form.NFD);
    var sb = new StringBuilder(decomposed.length());
    for (int k = 0; k < decomposed.length(); k++) {
      char ch = decomposed.charAt(k);
      if (Character.getType(ch) != Character.NON_SPACING_MARK) {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** Letters repeated three times or more are written twice ("nuuuul" → "nuul"). */
  static String squeeze(String s) {
    if (s.length() < 3) {
      return s;
    }
    var sb = new StringBuilder(s.length());
    int run = 0;
    char prev = 0;
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      run = ch == prev ? run + 1 : 1;
      prev = ch;
      if (run <= 2 || Character.isDigit(ch)) {
        sb.append(ch);
      }
    }
    return sb.length() == s.length() ? s : sb.toString();
  }

  /** Every doubled letter written once ("nuul" → "nul"): the second look-up of a stretched word. */
  static String squeezeAll(String s) {
    var sb = new StringBuilder(s.length());
    char prev = 0;
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      if (ch != prev || Character.isDigit(ch)) {
        sb.append(ch);
      }
      prev = ch;
    }
    return sb.toString();
  }
}
