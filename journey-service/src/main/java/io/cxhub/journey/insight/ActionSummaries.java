package io.cxhub.journey.insight;

import java.util.List;

/** The improvement actions of a journey, as the tables show them. */
public interface ActionSummaries {

  List<ActionSummary> summaries(String tenantId, String journeyId);
}
