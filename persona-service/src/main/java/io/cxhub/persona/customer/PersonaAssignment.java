package io.cxhub.persona.customer;

/**
 * A discovered persona given to a customer by its assignment rule (not stated by hand).
 *
 * @param confidence 0–1: 0.5 at the persona's edge, near 1 close to its centroid and far
 *     from the other adopted personas
 */
public record PersonaAssignment(String personaId, double confidence) {}
