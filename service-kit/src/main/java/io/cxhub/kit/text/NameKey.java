package io.cxhub.kit.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a name for comparison and ordering: compatibility-normalised, accents removed,
 * lowercase, inner whitespace collapsed. "Élodie  Martin" and "elodie martin" fold alike,
 * so a service can keep names unique by their key (persona-service does, per tenant), and
 * lists sort "Étudiant" next to "Etudiant" rather than after "Zoé". The key is stored and
 * compared by the services, so changing the folding changes stored data.
 */
public final class NameKey {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private NameKey() {}

  public static String of(String name) {
    String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD);
    String unmarked = MARKS.matcher(decomposed).replaceAll("");
    String spaced = SPACES.matcher(unmarked.strip()).replaceAll(" ");
    return Normalizer.normalize(spaced, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }
}
