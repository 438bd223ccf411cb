package io.cxhub.kit.error;

/**
 * One invalid field of a request. {@code field} is the path of the field in the request
 * message, in proto field names, e.g. {@code survey.questions[0].text} or
 * {@code answers[2].score}.
 */
public record FieldViolation(String field, String description) {}
