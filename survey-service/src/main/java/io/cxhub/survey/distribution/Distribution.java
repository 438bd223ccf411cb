package io.cxhub.survey.distribution;

import io.cxhub.kit.domain.Channel;
import java.time.Instant;
import java.util.Optional;

/**
 * A survey made available on one channel, reached through its public {@code token}.
 *
 * @param expireTime when it stops collecting; null when it never expires
 * @param page how its hosted page behaves (review link, kiosk mode)
 */
public record Distribution(
    String id,
    String tenantId,
    String surveyId,
    Channel channel,
    String name,
    String token,
    DistributionStatus status,
    Instant expireTime,
    Instant createTime,
    Instant updateTime,
    PageOptions page) {

  public Distribution {
    page = page == null ? PageOptions.DEFAULT : page;
  }

  public Optional<Instant> expiry() {
    return Optional.ofNullable(expireTime);
  }

  public boolean isExpiredAt(Instant now) {
    return expireTime != null && !now.isBefore(expireTime);
  }

  Distribution withStatus(DistributionStatus newStatus, Instant now) {
    return new Distribution(id, tenantId, surveyId, channel, name, token, newStatus, expireTime, createTime, now, page);
  }
}
