package io.cxhub.survey.invitation;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.survey.survey.Surveys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Campaign reports, and a survey's response rates by distribution, campaign and channel. */
public final class CampaignReports {

  /** Stats of one group (a channel, a distribution or a campaign). */
  public record Group<K>(K key, InvitationStats stats) {}

  /** A campaign's report. */
  public record Report(Campaign campaign, InvitationStats total, List<Group<Channel>> byChannel) {}

  /** A survey's response rates. */
  public record Rates(
      String surveyId,
      InvitationStats total,
      List<Group<String>> byDistribution,
      List<Group<Campaign>> byCampaign,
      List<Group<Channel>> byChannel) {}

  private final Campaigns campaigns;
  private final Invitations invitations;
  private final Surveys surveys;

  public CampaignReports(Campaigns campaigns, Invitations invitations, Surveys surveys) {
    this.campaigns = campaigns;
    this.invitations = invitations;
    this.surveys = surveys;
  }

  public Report report(String tenantId, String campaignId) {
    if (campaignId == null || campaignId.isEmpty()) {
      throw InvalidInputException.of("campaign_id", "is required");
    }
    Campaign campaign = campaigns.find(tenantId, campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
    var all = invitations.allOfCampaign(tenantId, campaignId);
    return new Report(campaign, InvitationStats.of(all), group(all, Invitation::channel, new TreeMap<>()));
  }

  public Rates rates(String tenantId, String surveyId) {
    if (surveyId == null || surveyId.isEmpty()) {
      throw InvalidInputException.of("survey_id", "is required");
    }
    surveys.find(tenantId, surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
    var all = invitations.allOfSurvey(tenantId, surveyId);
    var byCampaign = new ArrayList<Group<Campaign>>();
    Map<String, List<Invitation>> perCampaign = new LinkedHashMap<>();
    all.forEach(i -> perCampaign.computeIfAbsent(i.campaignId(), k -> new ArrayList<>()).add(i));
    for (Campaign c : campaigns.listBySurvey(tenantId, surveyId)) {
      byCampaign.add(new Group<>(c, InvitationStats.of(perCampaign.getOrDefault(c.campaignId(), List.of()))));
    }
    byCampaign.sort(Comparator.comparing((Group<Campaign> g) -> g.key().createTime()).reversed());
    return new Rates(surveyId, InvitationStats.of(all),
        group(all, Invitation::distributionId, new TreeMap<>()), byCampaign,
        group(all, Invitation::channel, new TreeMap<>()));
  }

  private static <K> List<Group<K>> group(
      List<Invitation> all, Function<Invitation, K> key, Map<K, List<Invitation>> groups) {
    all.forEach(i -> groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
    var result = new ArrayList<Group<K>>();
    groups.forEach((k, list) -> result.add(new Group<>(k, InvitationStats.of(list))));
    return result;
  }
}
