package io.cxhub.metrics.score;

import java.util.Map;

/**
 * The score of one group.
 *
 * @param key the group's value for each requested dimension, in request order
 */
public record ScoreCell(Map<Dimension, String> key, Score score) {}
