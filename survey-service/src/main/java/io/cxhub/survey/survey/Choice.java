package io.cxhub.survey.survey;

/** An option of a choice question. */
public record Choice(String id, String label) {}
