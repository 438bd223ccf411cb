package io.cxhub.metrics.text;

/** A range of the analysed text, in UTF-16 offsets: {@code text.substring(start, end)}. */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }
}
