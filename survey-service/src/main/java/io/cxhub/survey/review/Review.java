package io.cxhub.survey.review;

import java.time.Instant;

/** A public review imported as feedback on channel REVIEW; its id is derived from (tenant, source, external id). */
public record Review(
    String tenantId,
    String id,
    String source,
    String externalId,
    int rating,
    String text,
    Instant reviewTime,
    Instant importTime) {}
