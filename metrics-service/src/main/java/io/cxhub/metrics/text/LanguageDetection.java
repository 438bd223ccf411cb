package io.cxhub.metrics.text;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;

/**
 * fr / en / other. Lingua (a maintained n-gram detector) restricted to French, English and
 * five neighbouring languages that customers of a French or English shop also write in,
 * in low-accuracy mode (trigram models only: a fraction of the memory, fast). Short comments
 * are where n-gram statistics are weakest ("Nickel !", "Top service"), so Lingua's answer is
 * checked against the words of each language's lexicon: common words and the sentiment and
 * theme vocabulary.
 */
final class LanguageDetection {

  private static final int MIN_LETTERS = 2;

  private final LanguageDetector lingua;
  private final Lexicon fr;
  private final Lexicon en;

  LanguageDetection(Lexicon fr, Lexicon en) {
    this.fr = fr;
    this.en = en;
    this.lingua = LanguageDetectorBuilder.fromLanguages(
            com.github.pemistahl.lingua.api.Language.FRENCH,
            com.github.pemistahl.lingua.api.Language.ENGLISH,
            com.github.pemistahl.lingua.api.Language.GERMAN,
            com.github.pemistahl.lingua.api.Language.SPANISH,
            com.github.pemistahl.lingua.api.Language.ITALIAN,
            com.github.pemistahl.lingua.api.Language.PORTUGUESE,
            com.github.pemistahl.lingua.api.Language.DUTCH)
        .withLowAccuracyMode()
        .withPreloadedLanguageModels()
        .build();
  }

  Language detect(String text, List<Token> tokens) {
    int letters = 0;
    int latin = 0;
    for (int i = 0; i < text.length() && letters < 400; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (c < 0x250) {
          latin++;
        }
      }
    }
    if (letters < MIN_LETTERS || latin * 2 < letters) {
      return Language.OTHER; // no words, or mostly a non-Latin script
    }
    int frVotes = 0;
    int enVotes = 0;
    int shared = 0;
    int words = 0;
    for (Token t : tokens) {
      if (!t.isWord()) {
        continue;
      }
      words++;
      String w = t.norm();
      boolean inFr = fr.knows(w);
      boolean inEn = en.knows(w);
      if (inFr && !inEn) {
        frVotes++;
      } else if (inEn && !inFr) {
        enVotes++;
      } else if (inEn) {
        shared++;
      }
    }
    if (frVotes + enVotes + shared == 0 && words < 4) {
      return Language.OTHER; // a few unknown words ("JFIF", "xkcd"): nothing to analyse
    }
    // bound the work on long texts: the first 600 characters decide
    String sample = text.length() > 600 ? text.substring(0, 600) : text;
    var detected = lingua.detectLanguageOf(sample);
    Language byWords = frVotes > enVotes ? Language.FR : enVotes > frVotes ? Language.EN : Language.OTHER;
    int lead = Math.abs(frVotes - enVotes);
    if (detected == com.github.pemistahl.lingua.api.Language.FRENCH
        || detected == com.github.pemistahl.lingua.api.Language.ENGLISH) {
      Language byLingua = detected == com.github.pemistahl.lingua.api.Language.FRENCH ? Language.FR : Language.EN;
      // the lexicons overrule Lingua only when they disagree clearly
      if (byWords != Language.OTHER && byWords != byLingua && lead >= 2 && lead * 3 >= words) {
        return byWords;
      }
      return byLingua;
    }
    if (byWords == Language.OTHER && shared > 0 && shared * 2 >= words) {
      // words both lexicons know ("Top !", "Super service"): the closer of the two by n-grams
      var confidence = lingua.computeLanguageConfidenceValues(sample);
      double f = confidence.getOrDefault(com.github.pemistahl.lingua.api.Language.FRENCH, 0.0);
      double e = confidence.getOrDefault(com.github.pemistahl.lingua.api.Language.ENGLISH, 0.0);
      return f >= e ? Language.FR : Language.EN;
    }
    // another language or no decision: the words of our lexicons must carry the text
    if (byWords != Language.OTHER && lead * 3 >= words && lead >= 1
        && (detected == com.github.pemistahl.lingua.api.Language.UNKNOWN || words <= 4 || lead * 2 >= words)) {
      return byWords;
    }
    return Language.OTHER;
  }
}
