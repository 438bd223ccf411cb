package io.cxhub.persona.insight;

/**
 * An indicator over a set of answers, as metrics-service computed it.
 *
 * @param value NPS in points, or the favourable share in percent (CSAT top-2-box, CES easy)
 * @param low lower bound of its 95% interval
 * @param high upper bound of its 95% interval
 * @param lowSample too few answers to conclude (n < 30 or margin above 10 points)
 * @param mean mean answer
 * @param favourable promoters (NPS), top-2-box (CSAT) or easy (CES) answers
 * @param passives NPS passives; 0 otherwise
 * @param unfavourable NPS detractors; for CSAT and CES the answers that are not favourable
 */
public record Score(long n, double value, double low, double high, double marginOfError, boolean lowSample,
    double mean, int scaleMin, int scaleMax, long favourable, long passives, long unfavourable) {}
