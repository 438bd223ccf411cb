package io.cxhub.metrics.score;

import java.util.List;

/**
 * Scores of a query.
 *
 * @param cells one per group and scale (answers on different scales are never pooled)
 * @param totals the whole filter, one per scale
 */
public record ScoreTable(MetricDefinition definition, List<ScoreCell> cells, List<Score> totals) {}
