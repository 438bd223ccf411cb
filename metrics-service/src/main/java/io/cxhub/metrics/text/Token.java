package io.cxhub.metrics.text;

/**
 * One token of a text: a word (normalized: lower case, no accents, elided article removed,
 * letters repeated more than twice squeezed), an emoji, or a boundary mark.
 *
 * @param norm normalized form used for lexicon look-ups
 * @param start offset of the token in the original text
 * @param end end offset in the original text
 * @param kind word, emoji, clause boundary (",", ";", ":") or sentence end (".", "!", "?")
 * @param caps the original word was written in capitals (at least two letters)
 * @param stretched the original word had a letter repeated ("nuuul", "soooo")
 */
record Token(String norm, int start, int end, Kind kind, boolean caps, boolean stretched) {

  enum Kind {
    WORD,
    EMOJI,
    CLAUSE,
    SENTENCE
  }

  boolean isWord() {
    return kind == Kind.WORD;
  }

  boolean isBoundary() {
    return kind == Kind.CLAUSE || kind == Kind.SENTENCE;
  }
}
