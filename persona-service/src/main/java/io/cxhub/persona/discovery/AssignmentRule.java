package io.cxhub.persona.discovery;

import java.time.Instant;

/**
 * How customers are assigned an adopted persona: the proposal's centroid in the space of its
 * discovery (standardization kept with it, so later data is measured the same way) and the
 * radius beyond which a customer is not assigned.
 */
public record AssignmentRule(String personaId, String discoveryId, String proposalId, Standardization standardization,
    double[] centroid, double radius, Instant createTime) {}
