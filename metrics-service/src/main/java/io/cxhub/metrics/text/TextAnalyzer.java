package io.cxhub.metrics.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Analyses a customer's comment: language, sentiment with a score, themes of a taxonomy
 * with their evidence, keywords and key phrases. Pure and thread-safe: the lexicons and
 * language models are loaded once; an instance is meant to be shared.
 *
 * <p>Never fails on content: an empty, binary-looking or unsupported-language text gets
 * language {@link Language#OTHER}, sentiment from its emojis only (neutral without any) and
 * no themes. Texts are cut at {@link #MAX_CHARS} characters.
 */
public final class TextAnalyzer {

  public static final int MAX_CHARS = 5000;

  private final Lexicon fr;
  private final Lexicon en;
  private final PhraseTable<Double> emojis;
  private final SentimentScorer frScorer;
  private final SentimentScorer enScorer;
  private final SentimentScorer emojiScorer;
  private final LanguageDetection detection;
  private final KeywordExtractor keywords = new KeywordExtractor();

  public TextAnalyzer() {
    this.fr = Lexicon.load("text/sentiment-fr.txt");
    this.en = Lexicon.load("text/sentiment-en.txt");
    this.emojis = Lexicon.load("text/emoji.txt").valence;
    this.frScorer = new SentimentScorer(fr, emojis);
    this.enScorer = new SentimentScorer(en, emojis);
    this.emojiScorer = new SentimentScorer(new Lexicon(), emojis);
    this.detection = new LanguageDetection(fr, en);
  }

  /** A taxonomy prepared for matching; compile once per taxonomy version and reuse. */
  public static final class CompiledTaxonomy {
    private final Taxonomy taxonomy;
    private final ThemeMatcher matcher;

    private CompiledTaxonomy(Taxonomy taxonomy) {
      this.taxonomy = taxonomy;
      this.matcher = new ThemeMatcher(taxonomy);
    }

    public Taxonomy taxonomy() {
      return taxonomy;
    }
  }

  public static CompiledTaxonomy compile(Taxonomy taxonomy) {
    return new CompiledTaxonomy(taxonomy);
  }

  public TextAnalysis analyze(String text, CompiledTaxonomy taxonomy) {
    if (binaryLooking(text)) {
      return new TextAnalysis(Language.OTHER, Sentiment.NEUTRAL, 0, List.of(), List.of(), List.of());
    }
    String t = clean(text);
    List<Token> raw = Tokenizer.tokenize(t);
    Language language = detection.detect(t, raw);
    Lexicon lexicon = language == Language.FR ? fr : language == Language.EN ? en : null;
    List<Token> tokens = lexicon == null ? raw : lexicon.standardize(raw);
    SentimentScorer scorer = language == Language.FR ? frScorer : language == Language.EN ? enScorer : emojiScorer;
    List<SentimentScorer.Hit> hits = scorer.hits(tokens);
    Polarity overall = Polarity.of(hits, 0, tokens.size());

    var themes = new ArrayList<ThemeMention>();
    var found = taxonomy.matcher.find(tokens, language, lexicon == null ? null : lexicon.attribute);
    for (var entry : ThemeMatcher.byTheme(found).entrySet()) {
      double pos = 0;
      double neg = 0;
      var evidence = new ArrayList<Span>();
      var counted = new java.util.HashSet<Integer>();
      for (ThemeMatcher.Found f : entry.getValue()) {
        evidence.add(new Span(tokens.get(f.from()).start(), tokens.get(f.to() - 1).end()));
        int[] clause = clauseOf(tokens, f.from(), scorer, hits);
        if (counted.add(clause[0])) {
          var p = Polarity.of(hits, clause[0], clause[1]);
          pos += p.pos();
          neg += p.neg();
        }
      }
      var p = new Polarity(pos, neg);
      themes.add(new ThemeMention(entry.getKey(), p.sentiment(), p.score(), evidence));
    }
    var spans = new ArrayList<Span>();
    for (var h : hits) {
      spans.add(new Span(tokens.get(h.from()).start(), tokens.get(h.to() - 1).end()));
    }
    Sentiment sentiment = overall.sentiment();
    if (sentiment != Sentiment.MIXED && scorer.opposedAcrossContrast(tokens, hits)) {
      sentiment = Sentiment.MIXED;
    }
    return new TextAnalysis(language, sentiment, overall.score(), themes,
        keywords.extract(t, language), spans);
  }

  /**
   * The clause around token {@code i} that carries a sentiment: between clause marks,
   * sentence ends and contrast words; widened to the sentence, then to the whole text,
   * when the clause itself holds no polar word ("Livraison : 3 semaines. Inadmissible.").
   */
  private static int[] clauseOf(List<Token> tokens, int i, SentimentScorer scorer, List<SentimentScorer.Hit> hits) {
    int[] clause = bounds(tokens, i, scorer, true);
    if (Polarity.of(hits, clause[0], clause[1]).isEmpty()) {
      int[] sentence = bounds(tokens, i, scorer, false);
      if (!Polarity.of(hits, sentence[0], sentence[1]).isEmpty()) {
        return sentence;
      }
      return new int[] {0, tokens.size()};
    }
    return clause;
  }

  private static int[] bounds(List<Token> tokens, int i, SentimentScorer scorer, boolean clauses) {
    int from = i;
    while (from > 0) {
      Token b = tokens.get(from - 1);
      if (b.kind() == Token.Kind.SENTENCE || (clauses && (b.kind() == Token.Kind.CLAUSE || scorer.isContrast(tokens, from - 1)))) {
        break;
      }
      from--;
    }
    int to = i + 1;
    while (to < tokens.size()) {
      Token b = tokens.get(to);
      if (b.kind() == Token.Kind.SENTENCE || (clauses && (b.kind() == Token.Kind.CLAUSE || scorer.isContrast(tokens, to)))) {
        break;
      }
      to++;
    }
    return new int[] {from, to};
  }

  /** Control characters, replacement characters or private-use code points in one character of ten. */
  static boolean binaryLooking(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    int n = Math.min(text.length(), MAX_CHARS);
    int odd = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || c == '\uFFFD'
          || Character.getType(c) == Character.PRIVATE_USE) {
        odd++;
      }
    }
    return odd * 10 >= n;
  }

  /** Removes what is not text: control characters and unpaired surrogates; cuts at the limit. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    var sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
        sb.append(c).append(t.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        sb.append(' ');
      } else if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
        sb.append(c);
      } else {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  /** Positive and negative mass of the hits in a token range, and what they add up to. */
  record Polarity(double pos, double neg) {
    static Polarity of(List<SentimentScorer.Hit> hits, int from, int to) {
      double pos = 0;
      double neg = 0;
      for (var h : hits) {
        if (h.from() >= from && h.from() < to) {
          if (h.valence() > 0) {
            pos += h.valence();
          } else {
            neg -= h.valence();
          }
        }
      }
      return new Polarity(pos, neg);
    }

    boolean isEmpty() {
      return pos == 0 && neg == 0;
    }

    double score() {
      double x = pos - neg;
      return x / Math.sqrt(x * x + 4);
    }

    Sentiment sentiment() {
      if (pos >= 0.9 && neg >= 0.9 && Math.min(pos, neg) / Math.max(pos, neg) >= 0.35) {
        return Sentiment.MIXED;
      }
      double s = score();
      if (s >= 0.2) {
        return Sentiment.POSITIVE;
      }
      if (s <= -0.2) {
        return Sentiment.NEGATIVE;
      }
      return Sentiment.NEUTRAL;
    }
  }
}
