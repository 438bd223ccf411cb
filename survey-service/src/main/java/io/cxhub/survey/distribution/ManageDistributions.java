package io.cxhub.survey.distribution;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.paging.PageFilter;
import io.cxhub.kit.paging.PageRequest;
import io.cxhub.survey.survey.Surveys;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Creates, reads, lists and changes the status of a tenant's distributions. */
public final class ManageDistributions {

  /** The channels a survey can be distributed on (reviews and support are imported, not distributed). */
  public static final Set<Channel> CHANNELS = EnumSet.of(
      Channel.LINK, Channel.EMAIL, Channel.SMS, Channel.KIOSK, Channel.QR, Channel.IN_APP,
      Channel.WEB_WIDGET, Channel.CHATBOT, Channel.SOCIAL);
  public static final int MAX_NAME = 200;

  private final Distributions distributions;
  private final Surveys surveys;
  private final Clock clock;

  public ManageDistributions(Distributions distributions, Surveys surveys, Clock clock) {
    this.distributions = distributions;
    this.surveys = surveys;
    this.clock = clock;
  }

  /**
   * @param channel null when unspecified
   * @param expireTime null for no expiry
   */
  public Distribution create(String tenantId, String surveyId, Channel channel, String name, Instant expireTime) {
    return create(tenantId, surveyId, channel, name, expireTime, PageOptions.DEFAULT);
  }

  /**
   * @param channel null when unspecified
   * @param expireTime null for no expiry
   * @param page review link and kiosk mode of its hosted page
   */
  public Distribution create(String tenantId, String surveyId, Channel channel, String name, Instant expireTime,
      PageOptions page) {
    if (surveyId == null || surveyId.isEmpty()) {
      throw InvalidInputException.of("survey_id", "is required");
    }
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var violations = new Violations();
    if (channel == null || channel == Channel.UNSPECIFIED) {
      violations.add("distribution.channel", "is required");
    } else if (!CHANNELS.contains(channel)) {
      violations.add("distribution.channel", "must be one of " + CHANNELS);
    }
    violations.maxLength("distribution.name", name, MAX_NAME);
    if (expireTime != null && !expireTime.isAfter(now)) {
      violations.add("distribution.expire_time", "must be in the future");
    }
    ManageBranding.checkReviewUrl(violations, "distribution.review_url", page.reviewUrl());
    violations.throwIfAny();
    surveys.find(tenantId, surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
    var distribution = new Distribution(
        Ids.random(), tenantId, surveyId, channel, name == null ? "" : name, Ids.random(),
        DistributionStatus.ACTIVE, expireTime == null ? null : expireTime.truncatedTo(ChronoUnit.MILLIS), now, now,
        page);
    distributions.insert(distribution);
    return distribution;
  }

  public Distribution get(String tenantId, String id) {
    if (id == null || id.isEmpty()) {
      throw InvalidInputException.of("distribution_id", "is required");
    }
    return distributions.find(tenantId, id).orElseThrow(() -> new NotFoundException("distribution", id));
  }

  /** @param status null when unspecified */
  public Distribution setStatus(String tenantId, String id, DistributionStatus status) {
    if (status == null) {
      throw InvalidInputException.of("status", "is required");
    }
    Distribution current = get(tenantId, id);
    if (current.status() == status) {
      return current;
    }
    if (current.status() == DistributionStatus.REVOKED) {
      throw new PreconditionFailedException("distribution " + id + " is revoked and cannot be changed");
    }
    var updated = current.withStatus(status, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    distributions.updateStatus(updated);
    return updated;
  }

  public Page list(String tenantId, String surveyId, int pageSize, String pageToken) {
    if (surveyId == null || surveyId.isEmpty()) {
      throw InvalidInputException.of("survey_id", "is required");
    }
    surveys.find(tenantId, surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
    var page = PageRequest.of(pageSize, pageToken, PageFilter.of(surveyId));
    Distributions.Cursor after = page.isFirst() ? null : parse(page.after());
    List<Distribution> found = distributions.listNewestFirst(tenantId, surveyId, after, page.size() + 1);
    if (found.size() <= page.size()) {
      return new Page(found, "");
    }
    List<Distribution> items = found.subList(0, page.size());
    Distribution last = items.get(items.size() - 1);
    return new Page(items, page.nextToken(last.createTime().toEpochMilli() + ":" + last.id()));
  }

  private static Distributions.Cursor parse(String key) {
    int colon = key.indexOf(':');
    try {
      if (colon <= 0 || colon == key.length() - 1) {
        throw new IllegalArgumentException();
      }
      return new Distributions.Cursor(
          Instant.ofEpochMilli(Long.parseLong(key.substring(0, colon))), key.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("page_token", "is not a token issued by this API");
    }
  }

  /** One page of distributions; {@code nextPageToken} is empty on the last page. */
  public record Page(List<Distribution> distributions, String nextPageToken) {

    public Page {
      distributions = List.copyOf(distributions);
    }
  }
}
