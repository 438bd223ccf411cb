package io.cxhub.metrics.text;

import io.cxhub.kit.error.Violations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tenant's themes: for each, an id, labels and the words or phrases that signal it in
 * French and in English. A term is one or more words; a word ending in {@code *} matches
 * every word starting with it ("livr*"). Accents and case do not matter.
 */
public record Taxonomy(List<Theme> themes, long version) {

  public static final int MAX_THEMES = 50;
  public static final int MAX_TERMS = 300;
  public static final int MAX_TERM_LENGTH = 60;
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final Pattern TERM =
      Pattern.compile("[\\p{L}\\p{N}]+(?:[\\p{L}\\p{N}]*)\\*?(?:[ '’-][\\p{L}\\p{N}]+\\*?)*");

  public record Theme(String id, String labelFr, String labelEn, List<String> termsFr, List<String> termsEn) {
    public Theme {
      termsFr = List.copyOf(termsFr);
      termsEn = List.copyOf(termsEn);
    }

    public List<String> terms(Language language) {
      return language == Language.FR ? termsFr : language == Language.EN ? termsEn : List.of();
    }
  }

  public Taxonomy {
    themes = List.copyOf(themes);
  }

  public Taxonomy withVersion(long v) {
    return new Taxonomy(themes, v);
  }

  /** Problems of a taxonomy a tenant sends, with the proto field paths they concern. */
  public static Violations validate(List<Theme> themes) {
    var v = new Violations();
    if (themes.isEmpty()) {
      v.add("themes", "at least one theme is required");
    }
    if (themes.size() > MAX_THEMES) {
      v.add("themes", "at most " + MAX_THEMES + " themes");
    }
    var ids = new HashSet<String>();
    for (int i = 0; i < themes.size() && i < MAX_THEMES + 1; i++) {
      Theme t = themes.get(i);
      String at = "themes[" + i + "]";
      if (t.id() == null || !ID.matcher(t.id()).matches()) {
        v.add(at + ".id", "must be lower-case letters, digits or '_', starting with a letter, at most 40");
      } else if (!ids.add(t.id())) {
        v.add(at + ".id", "duplicate theme id '" + t.id() + "'");
      }
      v.maxLength(at + ".label_fr", t.labelFr(), 80);
      v.maxLength(at + ".label_en", t.labelEn(), 80);
      if (t.termsFr().isEmpty() && t.termsEn().isEmpty()) {
        v.add(at + ".terms_fr", "a theme needs at least one French or English term");
      }
      checkTerms(v, at + ".terms_fr", t.termsFr());
      checkTerms(v, at + ".terms_en", t.termsEn());
    }
    return v;
  }

  private static void checkTerms(Violations v, String field, List<String> terms) {
    if (terms.size() > MAX_TERMS) {
      v.add(field, "at most " + MAX_TERMS + " terms");
      return;
    }
    for (int k = 0; k < terms.size(); k++) {
      String term = terms.get(k) == null ? "" : terms.get(k).strip();
      String at = field + "[" + k + "]";
      if (term.isEmpty()) {
        v.add(at, "is required");
      } else if (term.length() > MAX_TERM_LENGTH) {
        v.add(at, "must be at most " + MAX_TERM_LENGTH + " characters");
      } else if (!TERM.matcher(term).matches()) {
        v.add(at, "must be words of letters or digits; '*' only at the end of a word");
      } else if (term.contains("*") && shortWildcard(term)) {
        v.add(at, "a wildcard needs at least 3 letters before it");
      }
    }
  }

  private static boolean shortWildcard(String term) {
    for (String w : term.split("[ '’-]")) {
      if (w.endsWith("*") && w.length() - 1 < 3) {
        return true;
      }
    }
    return false;
  }

  /**
   * The default retail taxonomy shipped in the build ({@code text/taxonomy-default.txt}):
   * delivery, payment, customer service, product quality, price, website/app, store, returns.
   */
  public static Taxonomy defaults() {
    var in = Taxonomy.class.getClassLoader().getResourceAsStream("text/taxonomy-default.txt");
    if (in == null) {
      throw new IllegalStateException("missing text/taxonomy-default.txt");
    }
    var themes = new ArrayList<Theme>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String id = null;
      String labelFr = null;
      String labelEn = null;
      List<String> fr = new ArrayList<>();
      List<String> en = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        int colon = s.indexOf(':');
        String key = s.substring(0, colon).strip();
        String value = s.substring(colon + 1).strip();
        switch (key) {
          case "theme" -> {
            if (id != null) {
              themes.add(new Theme(id, labelFr, labelEn, fr, en));
            }
            id = value;
            fr = new ArrayList<>();
            en = new ArrayList<>();
          }
          case "label_fr" -> labelFr = value;
          case "label_en" -> labelEn = value;
          case "fr" -> fr.addAll(splitTerms(value));
          case "en" -> en.addAll(splitTerms(value));
          default -> throw new IllegalStateException("taxonomy-default.txt: unknown key " + key);
        }
      }
      if (id != null) {
        themes.add(new Theme(id, labelFr, labelEn, fr, en));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    validate(themes).throwIfAny();
    return new Taxonomy(themes, 0);
  }

  private static List<String> splitTerms(String value) {
    var out = new ArrayList<String>();
    for (String t : value.split(",")) {
      if (!t.isBlank()) {
        out.add(t.strip());
      }
    }
    return out;
  }
}
