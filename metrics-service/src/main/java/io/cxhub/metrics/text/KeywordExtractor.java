package io.cxhub.metrics.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Keywords and two-word key phrases with Lucene's French and English analysis chains:
 * standard tokenizer, elision ("l'attente" → "attente"), lower case, stop words (Lucene's
 * lists plus a few words that carry no topic in reviews), accent folding, light stemming
 * (French light stemmer, English plural stemmer) and phrases of two content words, next to
 * each other or around one stop word ("délais de livraison").
 */
final class KeywordExtractor {

  private static final int MAX_KEYWORDS = 20;
  private static final java.util.regex.Pattern PUNCTUATION = java.util.regex.Pattern.compile("[,.;:!?()\\[\\]\"«»…]");
  private static final java.util.regex.Pattern ELIDED =
      java.util.regex.Pattern.compile("^(?:l|d|j|m|t|s|c|n|qu|jusqu|lorsqu|puisqu)['’]");

  private static final List<String> EXTRA_FR = List.of(
      "tres", "trop", "vraiment", "ete", "etait", "fait", "faire", "tout", "tous", "toute", "toutes",
      "aussi", "encore", "deja", "bien", "plus", "moins", "ca", "cela", "cet", "j", "ai", "avoir", "suis",
      "etre", "sont", "fois", "meme", "quand", "comme", "alors", "donc", "car", "puis", "apres", "avant",
      "rien", "jamais", "toujours", "chez", "ni", "oui", "non", "merci", "bonjour", "svp", "peu", "assez",
      "sans", "vous", "nous", "mon", "ma", "mes", "votre", "vos", "leur", "leurs", "cette", "ces", "c",
      "est", "es", "etait", "etaient", "sera", "serait", "a", "as", "ont", "avait", "avaient", "eu", "fut",
      "ceci", "celui", "celle", "ceux", "quoi", "dont", "ou", "la", "ici", "voila", "y");
  private static final List<String> EXTRA_EN = List.of(
      "very", "really", "just", "also", "get", "got", "would", "could", "been", "im", "ive", "dont",
      "didnt", "its", "one", "still", "even", "too", "so", "much", "more", "ever", "never", "again",
      "thanks", "thank", "please", "hi", "hello", "i", "me", "my", "we", "our", "you", "your", "us",
      "can", "will", "did", "do", "does", "had", "has", "have", "am", "was", "were", "from", "about");

  private final Analyzer french;
  private final Analyzer english;

  KeywordExtractor() {
    var frStops = new CharArraySet(FrenchAnalyzer.getDefaultStopSet(), true);
    frStops.addAll(EXTRA_FR);
    var frFolded = new CharArraySet(frStops.size(), true);
    for (Object o : frStops) {
      frFolded.add(Tokenizer.fold(new String((char[]) o)));
    }
    var enStops = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    enStops.addAll(EXTRA_EN);
    this.french = new ChainAnalyzer(Language.FR, frFolded);
    this.english = new ChainAnalyzer(Language.EN, enStops);
  }

  List<Keyword> extract(String text, Language language) {
    Analyzer analyzer = language == Language.FR ? french : language == Language.EN ? english : null;
    if (analyzer == null || text.isBlank()) {
      return List.of();
    }
    Map<String, Keyword> out = new LinkedHashMap<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      var term = ts.addAttribute(CharTermAttribute.class);
      var offset = ts.addAttribute(OffsetAttribute.class);
      var type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken() && out.size() < MAX_KEYWORDS) {
        String key = term.toString();
        boolean phrase = ShingleFilter.DEFAULT_TOKEN_TYPE.equals(type.type());
        if (phrase) {
          String[] parts = key.split(" ");
          if (parts.length == 3 && parts[1].equals("_") && !parts[0].equals("_") && !parts[2].equals("_")) {
            key = parts[0] + " " + parts[2]; // "délais de livraison": two content words around a stop word
          } else if (parts.length != 2 || key.contains("_")) {
            continue;
          }
        }
        if (!phrase && (key.length() < 3 || isNumber(key))) {
          continue;
        }
        if (!wordsOnly(key)) {
          continue; // emojis and symbols are not keywords
        }
        String display = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
        if (phrase) {
          if (PUNCTUATION.matcher(display).find()) {
            continue; // two words on either side of a comma or a full stop are no phrase
          }
          display = display.replaceAll("\\s+", " ");
        }
        display = ELIDED.matcher(display).replaceFirst("");
        out.putIfAbsent(key, new Keyword(key, display, phrase));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(out.values());
  }

  private static boolean wordsOnly(String key) {
    for (String part : key.split(" ")) {
      if (part.codePoints().noneMatch(Character::isLetter)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static final class ChainAnalyzer extends Analyzer {
    private final Language language;
    private final CharArraySet stops;

    ChainAnalyzer(Language language, CharArraySet stops) {
      this.language = language;
      this.stops = stops;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      var source = new StandardTokenizer();
      TokenStream ts = source;
      if (language == Language.FR) {
        ts = new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES);
      } else {
        ts = new EnglishPossessiveFilter(ts);
      }
      ts = new LowerCaseFilter(ts);
      ts = new ASCIIFoldingFilter(ts);
      ts = new StopFilter(ts, stops);
      ts = language == Language.FR ? new FrenchLightStemFilter(ts) : new EnglishMinimalStemFilter(ts);
      var shingles = new ShingleFilter(ts, 2, 3);
      shingles.setFillerToken("_");
      return new TokenStreamComponents(source, shingles);
    }
  }
}
