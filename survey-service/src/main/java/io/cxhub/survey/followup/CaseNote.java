package io.cxhub.survey.followup;

import java.time.Instant;

/** A note on a case. */
public record CaseNote(String author, String text, Instant createdAt) {}
