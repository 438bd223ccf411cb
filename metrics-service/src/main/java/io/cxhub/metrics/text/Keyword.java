package io.cxhub.metrics.text;

/**
 * A keyword (one stemmed term) or key phrase (two consecutive content words) of a text.
 *
 * @param key the analyzed form used for counting ("livraison", "servic client")
 * @param display a readable surface form seen in the text ("livraison", "service client")
 * @param phrase true for a two-word phrase
 */
public record Keyword(String key, String display, boolean phrase) {}
