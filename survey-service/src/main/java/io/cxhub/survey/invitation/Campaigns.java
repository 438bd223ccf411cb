package io.cxhub.survey.invitation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Storage port of campaigns. */
public interface Campaigns {

  void insert(Campaign campaign);

  /** The campaign of {@code tenantId}; empty if it is another tenant's. */
  Optional<Campaign> find(String tenantId, String campaignId);

  /** A distribution's campaigns, newest first, at most {@code limit}. */
  List<Campaign> listByDistribution(String tenantId, String distributionId, int limit);

  /** A survey's campaigns, newest first. */
  List<Campaign> listBySurvey(String tenantId, String surveyId);

  /** The tenants that have campaigns (the dispatcher visits their queues). */
  Set<String> tenants();
}
