package io.cxhub.metrics.text;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.Violations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text analytics of a tenant: its taxonomy (its own or the default) and the analysis of a
 * text with it. Compiled taxonomies are kept per tenant and re-read after a short time, so
 * that a taxonomy changed through another replica is in force within {@link #REFRESH}.
 */
public final class TextAnalytics {

  static final Duration REFRESH = Duration.ofSeconds(30);

  private final TextAnalyzer analyzer;
  private final Taxonomies taxonomies;
  private final Clock clock;
  private final TextAnalyzer.CompiledTaxonomy defaults;
  private final ConcurrentHashMap<String, Loaded> compiled = new ConcurrentHashMap<>();

  private record Loaded(TextAnalyzer.CompiledTaxonomy taxonomy, Instant at) {}

  public TextAnalytics(TextAnalyzer analyzer, Taxonomies taxonomies, Clock clock) {
    this.analyzer = analyzer;
    this.taxonomies = taxonomies;
    this.clock = clock;
    this.defaults = TextAnalyzer.compile(Taxonomy.defaults());
  }

  /** The tenant's taxonomy: its own, or the default one (version 0). */
  public Taxonomy taxonomy(String tenantId) {
    return compiledFor(tenantId).taxonomy();
  }

  public boolean isDefault(Taxonomy taxonomy) {
    return taxonomy.version() == 0;
  }

  /** Replaces the tenant's taxonomy; refuses a malformed one naming every field at fault. */
  public Taxonomy updateTaxonomy(String tenantId, List<Taxonomy.Theme> themes) {
    var v = Taxonomy.validate(themes);
    if (!v.isEmpty()) {
      var prefixed = new Violations();
      v.asList().forEach(f -> prefixed.add("taxonomy." + f.field(), f.description()));
      prefixed.throwIfAny();
    }
    Taxonomy saved = taxonomies.save(tenantId, new Taxonomy(themes, 0));
    compiled.put(tenantId, new Loaded(TextAnalyzer.compile(saved), clock.instant()));
    return saved;
  }

  /** Analyses a text with the tenant's taxonomy. */
  public TextAnalysis analyze(String tenantId, String text) {
    if (text != null && text.length() > TextAnalyzer.MAX_CHARS) {
      throw InvalidInputException.of("text", "must be at most " + TextAnalyzer.MAX_CHARS + " characters");
    }
    return analyzer.analyze(text, compiledFor(tenantId));
  }

  /** Analyses a stored comment: never refuses, cuts a text past the limit. */
  public TextAnalysis analyzeLenient(String tenantId, String text) {
    return analyzer.analyze(text, compiledFor(tenantId));
  }

  public TextAnalyzer.CompiledTaxonomy compiledFor(String tenantId) {
    Instant now = clock.instant();
    Loaded loaded = compiled.get(tenantId);
    if (loaded != null && loaded.at().plus(REFRESH).isAfter(now)) {
      return loaded.taxonomy();
    }
    var taxonomy = taxonomies.find(tenantId);
    TextAnalyzer.CompiledTaxonomy c;
    if (taxonomy.isEmpty()) {
      c = defaults;
    } else if (loaded != null && loaded.taxonomy().taxonomy().version() == taxonomy.get().version()) {
      c = loaded.taxonomy();
    } else {
      c = TextAnalyzer.compile(taxonomy.get());
    }
    compiled.put(tenantId, new Loaded(c, now));
    return c;
  }
}
