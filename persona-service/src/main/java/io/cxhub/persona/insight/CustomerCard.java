package io.cxhub.persona.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A persona's or segment's card, computed when read.
 *
 * @param scores by metric; empty when unavailable or without answers
 * @param scoresAvailable false when metrics-service did not answer in time
 * @param tiers customers per value tier label ({@code not_valued} for those not valued yet)
 * @param preferredChannels customers per preferred channel, most first
 */
public record CustomerCard(Narratives.Subject subject, String subjectId, String name, long size, double share,
    double revenue, double averageClv, Map<String, Long> tiers, boolean scoresAvailable,
    Map<Scores.Metric, Score> scores, LocalDate from, LocalDate to, List<Map.Entry<String, Long>> preferredChannels,
    Map<Integer, Long> contactsByWeekday, Map<Integer, Long> contactsByHour, CardNarrative narrative) {}
