package io.cxhub.metrics.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentiment lexicon and rules of one language, read from a data file of the build
 * ({@code text/sentiment-fr.txt}, {@code text/sentiment-en.txt}, written for CX Hub under its
 * licence). The file has sections: {@code [valence]} words and phrases with a score from -3
 * to 3; {@code [boost]} and {@code [damp]} intensifiers with their factor; {@code [negator]};
 * {@code [negator-after-ne]} (French "plus", "personne" negate only after "ne");
 * {@code [contrast]} ("mais", "but"); {@code [excess]} ("trop", "too": negative before a word
 * without polarity); {@code [expected]} events and things a customer waits for, negative
 * when negated ("pas reçu", "no reply"); {@code [still]} ("toujours", "still") which makes
 * a missing event worse; {@code [ironic]} interjections that turn negative when the text
 * complains of a repetition ({@code [repeat]}: "encore", "again"); {@code [sms]} spellings
 * and their standard form; {@code [function]} common words used to recognise the language.
 *
 * <p>Complaint cues without a polar word: {@code [duration-before]} words that make a
 * following duration or date a complaint, with their valence ("depuis 8 jours", "since
 * Tuesday", "took three weeks"); {@code [duration-after]} the same after the duration ("3
 * semaines pour un t-shirt"); {@code [duration-unit]}, {@code [duration-quantity]} and
 * {@code [duration-date]} the words a duration or date is made of (a date counts only after
 * the cues of {@code [date-before]}: "depuis mardi", not "livraison prévue pour mardi");
 * {@code [question]} words
 * and phrases that are a complaint when their sentence is a question ("c'est normal ?",
 * "seriously?"), with their valence. {@code [attribute]}: words that describe the state of
 * a thing rather than name one ("abîmé", "fonctionne", "damaged", "works"); when a theme
 * term of this kind follows another theme's term in the same clause, it describes that
 * thing ("le colis était abîmé" is delivery, not product quality; "ma carte fonctionne"
 * is not product quality).
 *
 * <p>Politeness and position: {@code [request]} formulas that ask for a remedy ("merci de me
 * rembourser", "please refund"), with their valence: a complaint, and the positive words
 * after them in their sentence are a wish, not praise. {@code [politeness]} thanks and greetings that open or close a
 * message ("Merci.", "Cordialement", "Thank you."): alone in their sentence in a text that
 * complains they are a formula, not praise. {@code [clause-end]} phrases that are polar only
 * when their clause ends with them, an elliptic comparison ("la batterie beaucoup moins",
 * "much less so", "c'est trop") — "beaucoup moins cher" is not. {@code [subject-negator]}
 * words that negate the verb when they open a clause, with or without "ne" ("personne
 * (ne) répond").
 */
final class Lexicon {

  final PhraseTable<Double> valence = new PhraseTable<>();
  final PhraseTable<Double> boost = new PhraseTable<>();
  final PhraseTable<Boolean> negator = new PhraseTable<>();
  final Set<String> negatorAfterNe = new HashSet<>();
  final PhraseTable<Boolean> contrast = new PhraseTable<>();
  final Set<String> excess = new HashSet<>();
  final PhraseTable<Boolean> expected = new PhraseTable<>();
  final Set<String> still = new HashSet<>();
  final Set<String> ironic = new HashSet<>();
  final PhraseTable<Boolean> repeat = new PhraseTable<>();
  final Map<String, String[]> sms = new HashMap<>();
  final Set<String> function = new HashSet<>();
  final PhraseTable<Double> durationBefore = new PhraseTable<>();
  final PhraseTable<Double> durationAfter = new PhraseTable<>();
  final Set<String> durationUnit = new HashSet<>();
  final Set<String> durationQuantity = new HashSet<>();
  final Set<String> durationDate = new HashSet<>();
  final Set<String> dateBefore = new HashSet<>();
  final PhraseTable<Double> question = new PhraseTable<>();
  final PhraseTable<Boolean> attribute = new PhraseTable<>();
  final PhraseTable<Boolean> politeness = new PhraseTable<>();
  final PhraseTable<Double> request = new PhraseTable<>();
  final PhraseTable<Double> clauseEnd = new PhraseTable<>();
  final Set<String> subjectNegator = new HashSet<>();
  final Set<String> vocabulary = new HashSet<>();
  /** The stems of the valence section's "word*" entries ("disappoint*"), for {@link #knows}. */
  private final Set<String> vocabularyStems = new HashSet<>();
  private int longestStem = 0;

  static Lexicon load(String resource) {
    InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing lexicon " + resource);
    }
    var lex = new Lexicon();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String section = null;
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
          section = trimmed.substring(1, trimmed.length() - 1);
          continue;
        }
        String[] cols = trimmed.split("\t+");
        try {
          lex.accept(section, cols);
        } catch (RuntimeException e) {
          throw new IllegalStateException(resource + ":" + lineNo + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lex;
  }

  private void accept(String section, String[] cols) {
    if (section == null) {
      throw new IllegalArgumentException("entry before any section");
    }
    String term = cols[0];
    switch (section) {
      case "valence" -> {
        valence.add(term, Double.parseDouble(cols[1]));
        for (String w : Tokenizer.fold(term).split("[\\s'’-]+")) {
          vocabulary.add(w.replace("*", ""));
          if (w.endsWith("*") && w.length() > 4) {
            vocabularyStems.add(w.substring(0, w.length() - 1));
            longestStem = Math.max(longestStem, w.length() - 1);
          }
        }
      }
      case "boost", "damp" -> boost.add(term, Double.parseDouble(cols[1]));
      case "negator" -> negator.add(term, true);
      case "negator-after-ne" -> negatorAfterNe.add(Tokenizer.fold(term));
      case "contrast" -> contrast.add(term, true);
      case "excess" -> excess.add(Tokenizer.fold(term));
      case "expected" -> expected.add(term, true);
      case "still" -> still.add(Tokenizer.fold(term));
      case "ironic" -> ironic.add(Tokenizer.fold(term));
      case "repeat" -> repeat.add(term, true);
      case "sms" -> sms.put(Tokenizer.fold(term), Tokenizer.fold(cols[1]).split(" "));
      case "duration-before" -> durationBefore.add(term, Double.parseDouble(cols[1]));
      case "duration-after" -> durationAfter.add(term, Double.parseDouble(cols[1]));
      case "duration-unit" -> durationUnit.add(Tokenizer.fold(term));
      case "duration-quantity" -> durationQuantity.add(Tokenizer.fold(term));
      case "duration-date" -> durationDate.add(Tokenizer.fold(term));
      case "date-before" -> dateBefore.add(Tokenizer.fold(term));
      case "question" -> question.add(term, Double.parseDouble(cols[1]));
      case "attribute" -> attribute.add(term, true);
      case "politeness" -> politeness.add(term, true);
      case "request" -> request.add(term, Double.parseDouble(cols[1]));
      case "clause-end" -> clauseEnd.add(term, Double.parseDouble(cols[1]));
      case "subject-negator" -> subjectNegator.add(Tokenizer.fold(term));
      case "function" -> {
        for (String w : term.split("\\s+")) {
          function.add(Tokenizer.fold(w));
        }
      }
      default -> throw new IllegalArgumentException("unknown section " + section);
    }
  }

  /**
   * A word of this language's lexicon: a common word, an SMS spelling, a word of the valence
   * section, or a word that starts with one of its stems ("disappointing" for "disappoint*").
   */
  boolean knows(String w) {
    if (function.contains(w) || vocabulary.contains(w) || sms.containsKey(w)) {
      return true;
    }
    for (int len = 4; len <= Math.min(longestStem, w.length() - 1); len++) {
      if (vocabularyStems.contains(w.substring(0, len))) {
        return true;
      }
    }
    return false;
  }

  /** Replaces SMS spellings by their standard words, keeping the original offsets. */
  List<Token> standardize(List<Token> tokens) {
    if (sms.isEmpty()) {
      return tokens;
    }
    List<Token> out = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String[] repl = t.isWord() ? sms.get(t.norm()) : null;
      if (repl == null) {
        if (out != null) {
          out.add(t);
        }
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(tokens.subList(0, i));
      }
      for (String r : repl) {
        out.add(new Token(r, t.start(), t.end(), Token.Kind.WORD, t.caps(), t.stretched()));
      }
    }
    return out == null ? tokens : out;
  }
}
