package io.cxhub.gateway.problem;

/**
 * One invalid field of a request.
 *
 * @param field path of the field in JSON names, e.g. {@code answers[0].score}
 * @param message what is wrong with it, for people
 */
public record FieldViolation(String field, String message) {}
