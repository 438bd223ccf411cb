package io.cxhub.journey.journey;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Readable identifiers derived from names: lowercase ASCII letters and digits separated
 * by single dashes, at most {@value #MAX_LENGTH} characters ("Après-vente" → "apres-vente").
 */
public final class Slugs {

  public static final int MAX_LENGTH = 64;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
  // letters that Unicode decomposition does not reduce to ASCII
  private static final Map<String, String> LIGATURES = Map.of(
      "œ", "oe", "Œ", "oe", "æ", "ae", "Æ", "ae", "ß", "ss",
      "ø", "o", "Ø", "o", "ł", "l", "Ł", "l", "đ", "d");

  private Slugs() {}

  /** The slug of {@code name}; empty when the name has no letter or digit that folds to ASCII. */
  public static String of(String name) {
    String text = name == null ? "" : name;
    for (var ligature : LIGATURES.entrySet()) {
      text = text.replace(ligature.getKey(), ligature.getValue());
    }
    text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    text = SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
    return trimDashes(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
  }

  /** {@code slug} with a {@code -n} suffix, shortened so that the result stays within the limit. */
  static String withSuffix(String slug, int n) {
    String suffix = "-" + n;
    String base = slug.length() + suffix.length() > MAX_LENGTH
        ? trimDashes(slug.substring(0, MAX_LENGTH - suffix.length()))
        : slug;
    return base + suffix;
  }

  private static String trimDashes(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '-') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '-') {
      end--;
    }
    return text.substring(start, end);
  }

  /**
   * Hands out ids unique within one namespace (the stages, or the touchpoints, of a
   * journey). Ids the client chose are {@link #reserve reserved} first, so a derived id
   * never takes one that a later element asked for explicitly.
   */
  static final class Allocator {

    private final Set<String> taken = new HashSet<>();
    private final String fallback;

    /** @param fallback the base used when a name yields no slug at all, e.g. "stage" */
    Allocator(String fallback) {
      this.fallback = fallback;
    }

    void reserve(String id) {
      taken.add(id);
    }

    /** The slug of {@code name}, or its first free {@code -2}, {@code -3}… variant. */
    String derive(String name) {
      String base = of(name);
      if (base.isEmpty()) {
        base = fallback;
      }
      String candidate = base;
      for (int n = 2; taken.contains(candidate); n++) {
        candidate = withSuffix(base, n);
      }
      taken.add(candidate);
      return candidate;
    }
  }
}
