package io.cxhub.survey.response;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.domain.NpsCategory;
import java.time.Instant;

/**
 * Filters of a response listing; null (or empty) parts do not filter.
 *
 * @param npsCategory PROMOTER, PASSIVE or DETRACTOR
 * @param withComment true: only with a non-blank free-text answer; false: only without
 */
public record ResponseQuery(
    String surveyId,
    Channel channel,
    Instant from,
    Instant to,
    NpsCategory npsCategory,
    Boolean withComment,
    String stageId,
    String touchpointId) {}
