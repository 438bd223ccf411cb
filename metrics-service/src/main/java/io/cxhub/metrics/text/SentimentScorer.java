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
 * repetition: "Génial, encore en retard"; or in a sentence that only complains: "Merci pour
 * le colis trempé"). Factual complaints without a polar word are read from cues: a duration
 * or date after "depuis"/"since"/"took" ("bloqué depuis 8 jours", "out for delivery since
 * Tuesday"), a duration before "pour" ("3 semaines pour un t-shirt"), and complaint words in
 * a question ("C'est normal ?", "Seriously?"). Thanks and greetings alone in their sentence
 * are formulas, not praise, in a text that complains ("Merci de me rembourser. Merci."), and
 * elliptic comparisons count only at the end of their clause ("la batterie beaucoup moins").
 */
final class SentimentScorer {

  /** One polar word or phrase, its adjusted valence, and where it is. */
  record Hit(int from, int to, double valence) {}

  private static final double NEGATION_FACTOR = -0.7;
  private static final java.util.Set<String> SHORT_NEGATORS =
      java.util.Set.of("no", "without", "sans", "aucun", "aucune", "nothing", "none", "nobody", "rien");
  private static final double EXPECTED_MISSING = -1.8;
  private static final double EXCESS = -1.2;
  /** Words that open an interjection without qualifying anything ("Oh great", "Ah bravo"). */
  private static final java.util.Set<String> OPENERS =
      java.util.Set.of("oh", "ah", "wow", "well", "yeah", "yes", "just", "eh", "bah", "ben", "ouais", "oui", "bon", "alors");
  /** Praise under this valence in a question is asked about, not asserted. */
  private static final double ASKED_PRAISE = 2.0;
  private static final double IRONY = -1.6;
  /** Negative mass that a sentence needs, with no praise, to make its cheerful interjection ironic. */
  private static final double IRONY_CONTEXT = 0.8;
  /** Net mass each side of a contrast needs, and their least ratio, for a text to be mixed. */
  private static final double MIXED_SIDE = 0.5;
  private static final double MIXED_SIDE_RATIO = 0.2;
  private static final java.util.regex.Pattern NUMBER_WITH_UNIT =
      java.util.regex.Pattern.compile("\\d+(h|j|jrs?|min|mn|sem|d|hrs?|wks?|days?|weeks?|jours?)");
  private static final java.util.regex.Pattern ORDINAL =
      java.util.regex.Pattern.compile("\\d{1,2}(st|nd|rd|th|er|e|eme)");

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
    var interjections = new ArrayList<Integer>();
    var requests = new ArrayList<Integer>();
    int spent = 0; // end of the last polar phrase: the negator inside it ("not worth") is used up
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
      int cue = durationEnd(tokens, i);
      if (cue > i) {
        var d = lexicon.durationBefore.longestAt(tokens, i);
        hits.add(new Hit(i, cue, emphasis(tokens, i, cue, contrasted(tokens, i, d.value()), shouting)));
        i = cue;
        continue;
      }
      var after = durationAfter(tokens, i);
      if (after != null) {
        hits.add(new Hit(i, after.to(), emphasis(tokens, i, after.to(), contrasted(tokens, i, after.valence()), shouting)));
        i = after.to();
        continue;
      }
      var q = lexicon.question.longestAt(tokens, i);
      if (q != null && inQuestion(tokens, i + q.length())) {
        hits.add(new Hit(i, i + q.length(), emphasis(tokens, i, i + q.length(), contrasted(tokens, i, q.value()), shouting)));
        i += q.length();
        continue;
      }
      var rq = lexicon.request.longestAt(tokens, i);
      var praise = rq == null ? null : lexicon.valence.longestAt(tokens, i);
      if (rq != null && (praise == null || rq.length() >= praise.length())) {
        int end = i + rq.length();
        if (rq.value() != 0) {
          hits.add(new Hit(i, end, emphasis(tokens, i, end, rq.value(), shouting)));
        }
        requests.add(i);
        i = end;
        continue;
      }
      var ce = lexicon.clauseEnd.longestAt(tokens, i);
      if (ce != null && (i + ce.length() >= n || tokens.get(i + ce.length()).isBoundary())) {
        int end = i + ce.length();
        hits.add(new Hit(i, end, emphasis(tokens, i, end, contrasted(tokens, i, ce.value()), shouting)));
        i = end;
        continue;
      }
      var m = lexicon.valence.longestAt(tokens, i);
      if (m != null) {
        double v = m.value();
        int end = i + m.length();
        if (v == 0) {
          i = end; // a neutral phrase that hides its words ("merci d'avance", "thanks in advance")
          spent = end; // and its negator: "sans aucun doute le meilleur"
          continue;
        }
        boolean interjection = wordsBefore(tokens, i) == 0
            || (onlyBoostsBefore(tokens, i) && (wordsBefore(tokens, i) <= 1 || end >= n || tokens.get(end).isBoundary()));
        boolean ironic = v > 0 && interjection
            && (lexicon.ironic.contains(t.norm()) || lexicon.ironic.contains(Tokenizer.fold(m.source())));
        if (ironic && repetition) {
          v = IRONY;
        } else {
          v = adjust(tokens, i, end, v, shouting, spent);
          if (ironic && v > 0) {
            interjections.add(hits.size());
          }
        }
        hits.add(new Hit(i, end, v));
        i = end;
        spent = end;
        continue;
      }
      var e = lexicon.expected.longestAt(tokens, i);
      if (e != null && (negatedBefore(tokens, i) || negatedAround(tokens, i, i + e.length())
          || negatedBySubject(tokens, i))) {
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
    praiseInQuestions(tokens, hits);
    ironyInContext(tokens, hits, interjections);
    wishesInRequests(tokens, hits, requests);
    politenessFormulas(tokens, hits);
    return hits;
  }

  /**
   * Mild praise words in a question are asked about, not asserted: "Is the museum easy to
   * reach?", "Est-ce que le plat est bon ?". Only the clause that ends with the question mark
   * ("Great hotel, is breakfast included?" keeps "Great"), and only words under
   * {@link #ASKED_PRAISE}: strong praise and complaints in a question stay ("Why is it so slow?").
   */
  private static void praiseInQuestions(List<Token> tokens, List<Hit> hits) {
    hits.removeIf(h -> h.valence() > 0 && h.valence() < ASKED_PRAISE && inQuestionClause(tokens, h.to()));
  }

  private static boolean inQuestionClause(List<Token> tokens, int from) {
    for (int k = from; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.kind() == Token.Kind.SENTENCE) {
        return t.norm().equals("?");
      }
      if (t.kind() == Token.Kind.CLAUSE) {
        return false;
      }
    }
    return false;
  }

  /** What a request asks for is a wish, not praise: "merci de me rembourser rapidement". */
  private static void wishesInRequests(List<Token> tokens, List<Hit> hits, List<Integer> requests) {
    for (int r : requests) {
      int to = sentenceEnd(tokens, r);
      hits.removeIf(h -> h.valence() > 0 && h.from() > r && h.from() < to);
    }
  }

  /**
   * Thanks and greetings alone in their sentence ("Merci.", "Thank you.", "Bonjour, ...") are
   * the formulas of a message, not praise, when the message says something else: "Bonjour,
   * débité deux fois, merci de me rembourser. Cordialement, merci.", "I'd like to change my
   * order. Thanks." A message that is only thanks ("Merci !") keeps them.
   */
  private void politenessFormulas(List<Token> tokens, List<Hit> hits) {
    if (!severalSentences(tokens)) {
      return;
    }
    var formulas = new ArrayList<Hit>();
    for (Hit h : hits) {
      if (h.valence() > 0 && lexicon.politeness.longestAt(tokens, h.from()) != null
          && aloneInSentence(tokens, hits, h)) {
        formulas.add(h);
      }
    }
    hits.removeAll(formulas);
  }

  private static boolean severalSentences(List<Token> tokens) {
    int sentences = 0;
    boolean words = false;
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.SENTENCE) {
        sentences += words ? 1 : 0;
        words = false;
      } else if (t.isWord()) {
        words = true;
      }
    }
    return sentences + (words ? 1 : 0) > 1;
  }

  private static boolean aloneInSentence(List<Token> tokens, List<Hit> hits, Hit h) {
    int from = h.from();
    while (from > 0 && tokens.get(from - 1).kind() != Token.Kind.SENTENCE) {
      from--;
    }
    int to = sentenceEnd(tokens, h.to());
    for (Hit o : hits) {
      if (o != h && o.from() >= from && o.from() < to) {
        return false;
      }
    }
    return true;
  }

  /**
   * Opposite opinions on the two sides of a contrast ("Joli pull, mais il bouloche un peu",
   * "Late, but the cabinet is stunning"): the text before a contrast word and the part after
   * it (to the next contrast word) each have a clear net polarity, of opposite signs and of
   * comparable weight. Such a text is {@link Sentiment#MIXED} even when one side is mild.
   */
  boolean opposedAcrossContrast(List<Token> tokens, List<Hit> hits) {
    int n = tokens.size();
    for (int c = 0; c < n; c++) {
      if (!isContrast(tokens, c)) {
        continue;
      }
      int next = c + 1;
      while (next < n && !isContrast(tokens, next)) {
        next++;
      }
      double before = net(hits, 0, c);
      double after = net(hits, c, next);
      double small = Math.min(Math.abs(before), Math.abs(after));
      double large = Math.max(Math.abs(before), Math.abs(after));
      if (before * after < 0 && small >= MIXED_SIDE && small / large >= MIXED_SIDE_RATIO) {
        return true;
      }
    }
    return false;
  }

  private static double net(List<Hit> hits, int from, int to) {
    double x = 0;
    for (Hit h : hits) {
      if (h.from() >= from && h.from() < to) {
        x += h.valence();
      }
    }
    return x;
  }

  /**
   * A cheerful interjection ("Génial", "Merci pour", "Love how") in a sentence that only
   * complains — no other praise, no contrast — is irony: "Super le suivi : bloqué depuis le
   * 3 mars". An interjection alone in its sentence is read with the next one ("Bravo...
   * trois semaines pour rien").
   */
  private void ironyInContext(List<Token> tokens, List<Hit> hits, List<Integer> interjections) {
    for (int c : interjections) {
      Hit h = hits.get(c);
      int from = h.from();
      while (from > 0 && tokens.get(from - 1).kind() != Token.Kind.SENTENCE) {
        from--;
      }
      int to = sentenceEnd(tokens, h.to());
      if (onlyInterjections(hits, interjections, from, to)) {
        to = sentenceEnd(tokens, skipBoundaries(tokens, to));
      }
      double pos = 0;
      double neg = 0;
      boolean contrast = false;
      for (int k = from; k < to; k++) {
        // an elliptic comparison ("le SAV beaucoup moins") contrasts like "mais"
        contrast |= isContrast(tokens, k) || lexicon.clauseEnd.longestAt(tokens, k) != null;
      }
      for (int k = 0; k < hits.size(); k++) {
        Hit o = hits.get(k);
        if (o.from() >= from && o.from() < to && !interjections.contains(k)) {
          if (o.valence() > 0) {
            pos += o.valence();
          } else {
            neg -= o.valence();
          }
        }
      }
      if (!contrast && pos == 0 && neg >= IRONY_CONTEXT) {
        hits.set(c, new Hit(h.from(), h.to(), IRONY));
      }
    }
  }

  private static boolean onlyInterjections(List<Hit> hits, List<Integer> interjections, int from, int to) {
    for (int k = 0; k < hits.size(); k++) {
      Hit o = hits.get(k);
      if (o.from() >= from && o.from() < to && !interjections.contains(k)) {
        return false;
      }
    }
    return true;
  }

  private static int sentenceEnd(List<Token> tokens, int from) {
    int k = from;
    while (k < tokens.size() && tokens.get(k).kind() != Token.Kind.SENTENCE) {
      k++;
    }
    return k;
  }

  private static int skipBoundaries(List<Token> tokens, int from) {
    int k = from;
    while (k < tokens.size() && tokens.get(k).isBoundary()) {
      k++;
    }
    return k;
  }

  /** The sentence from {@code from} on ends with a question mark. */
  private static boolean inQuestion(List<Token> tokens, int from) {
    int k = sentenceEnd(tokens, from);
    return k < tokens.size() && tokens.get(k).norm().equals("?");
  }

  /**
   * A duration or date after a cue at {@code i} ("depuis 8 jours", "depuis le 3 mars",
   * "since Tuesday", "for weeks", "took three weeks"): the end of the cue and its duration,
   * or {@code i} when there is none. Years are not durations of a complaint ("client depuis
   * 2015"), and neither are units the lexicon does not list ("depuis des années").
   */
  private int durationEnd(List<Token> tokens, int i) {
    var cue = lexicon.durationBefore.longestAt(tokens, i);
    if (cue == null) {
      return i;
    }
    boolean dates = lexicon.dateBefore.contains(tokens.get(i).norm());
    boolean number = false;
    for (int k = i + cue.length(); k < tokens.size() && k < i + cue.length() + 4; k++) {
      Token t = tokens.get(k);
      if (t.isBoundary() || t.kind() == Token.Kind.EMOJI) {
        return number && dates ? k : i; // "depuis le 12."
      }
      String w = t.norm();
      if (lexicon.durationUnit.contains(w) || NUMBER_WITH_UNIT.matcher(w).matches()) {
        return k + 1;
      }
      if (lexicon.durationDate.contains(w) || ORDINAL.matcher(w).matches()) {
        return dates ? k + 1 : i;
      }
      if (isNumber(w)) {
        number = true;
      } else if (!lexicon.durationQuantity.contains(w)) {
        return i;
      }
    }
    return i;
  }

  /** A duration followed by a cue ("3 semaines pour un t-shirt", "two weeks for a refund"). */
  private Hit durationAfter(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    if (lexicon.durationAfter.isEmpty() || !t.isWord()) {
      return null;
    }
    String w = t.norm();
    boolean digit = !w.isEmpty() && Character.isDigit(w.charAt(0));
    if (!digit && !lexicon.durationQuantity.contains(w)) {
      return null;
    }
    int k = i;
    if (digit && NUMBER_WITH_UNIT.matcher(w).matches()) {
      k = i + 1;
    } else if ((isNumber(t.norm()) || lexicon.durationQuantity.contains(t.norm())) && i + 1 < tokens.size()
        && tokens.get(i + 1).isWord() && lexicon.durationUnit.contains(tokens.get(i + 1).norm())) {
      k = i + 2;
    }
    if (k == i || k >= tokens.size()) {
      return null;
    }
    var cue = lexicon.durationAfter.longestAt(tokens, k);
    return cue == null ? null : new Hit(i, k + cue.length(), cue.value());
  }

  private static boolean isNumber(String w) {
    if (w.isEmpty() || w.length() > 4) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (!Character.isDigit(w.charAt(k))) {
        return false;
      }
    }
    return w.length() < 4 || Integer.parseInt(w) < 1900; // a year is not a duration
  }

  private double adjust(List<Token> tokens, int from, int to, double v, boolean shouting, int spent) {
    double factor = 1.0;
    boolean flipped = false;
    int seen = 0;
    for (int k = from - 1; k >= spent && seen < 3; k--) {
      Token b = tokens.get(k);
      if (b.isBoundary()) {
        break;
      }
      var boost = lexicon.boost.longestAt(tokens, k);
      var wider = k > 0 ? lexicon.boost.longestAt(tokens, k - 1) : null;
      if (boost != null && wider != null && k - 1 + wider.length() > k && k - 1 + wider.length() <= from) {
        boost = null; // "peu" in "un peu", "très" in "pas très": the wider phrase counts, once
      }
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
    if (!flipped && !selfNegated && (negatedBefore(tokens, from, spent) || negatedAround(tokens, from, to))) {
      // "can't recommend them enough", "couldn't thank you enough": praise, not its negation
      adjusted *= canBefore(tokens, from) && enoughAfter(tokens, to) ? 1.3 : NEGATION_FACTOR;
    }
    if (afterContrast(tokens, from)) {
      adjusted *= 1.2;
    }
    if (atAllAfter(tokens, to)) {
      adjusted *= 1.3;
    }
    return emphasis(tokens, from, to, adjusted, shouting);
  }

  /** The clause after "mais"/"but" weighs more. */
  private double contrasted(List<Token> tokens, int from, double v) {
    return afterContrast(tokens, from) ? v * 1.2 : v;
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
    return negatedBefore(tokens, from, 0);
  }

  /** The same, looking no further back than {@code spent} (a negator inside a phrase already read is used up). */
  boolean negatedBefore(List<Token> tokens, int from, int spent) {
    int seen = 0;
    for (int k = from - 1; k >= spent && seen < 3; k--) {
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

  /**
   * A clause opened by a negating subject ("Personne ne m'a rappelé", SMS "personne me
   * répond"): the expected event after it, within three words, did not happen.
   */
  private boolean negatedBySubject(List<Token> tokens, int from) {
    for (int k = from - 1; k >= 0 && k >= from - 4; k--) {
      Token b = tokens.get(k);
      if (b.isBoundary()) {
        return false;
      }
      if (lexicon.subjectNegator.contains(b.norm()) && (k == 0 || tokens.get(k - 1).isBoundary())) {
        return true;
      }
    }
    return false;
  }

  /** "can"/"could" within the three words before {@code from} ("can't" is "ca not", "could not", "cannot"). */
  private static boolean canBefore(List<Token> tokens, int from) {
    for (int k = from - 1; k >= 0 && k >= from - 3; k--) {
      String w = tokens.get(k).norm();
      if (tokens.get(k).isBoundary()) {
        return false;
      }
      if (w.equals("can") || w.equals("ca") || w.equals("could") || w.equals("cannot")) {
        return true;
      }
    }
    return false;
  }

  /** "enough" within the three words after a negated word, in its clause: "can't thank you enough". */
  private static boolean enoughAfter(List<Token> tokens, int to) {
    for (int k = to; k < tokens.size() && k < to + 4; k++) {
      Token t = tokens.get(k);
      if (t.isBoundary()) {
        return false;
      }
      if (t.norm().equals("enough")) {
        return true;
      }
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

  /**
   * Nothing but intensifiers before {@code i} in its clause ("Vraiment génial, …", "…, very
   * professional."): a word that qualifies a noun ("Vue magnifique, cabine minuscule") is an
   * opinion, not an interjection.
   */
  private boolean onlyBoostsBefore(List<Token> tokens, int i) {
    int k = i - 1;
    while (k >= 0 && !tokens.get(k).isBoundary()) {
      if (tokens.get(k).isWord() && !OPENERS.contains(tokens.get(k).norm())
          && lexicon.boost.longestAt(tokens, k) == null && !(k > 0
          && lexicon.boost.longestAt(tokens, k - 1) != null && lexicon.boost.longestAt(tokens, k - 1).length() > 1)) {
        return false;
      }
      k--;
    }
    return true;
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
