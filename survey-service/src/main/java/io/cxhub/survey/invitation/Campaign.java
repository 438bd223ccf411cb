package io.cxhub.survey.invitation;

import io.cxhub.kit.domain.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One distribution sent to a list of recipients on one channel.
 *
 * @param subject e-mail subject; empty for the survey title
 * @param message the message text with {@code {link}} and {@code {name}} placeholders; empty
 *     for the default text in {@code language}
 * @param language {@code en} or {@code fr}: the default texts and the opt-out line
 * @param reminderAfter delay of the one reminder to non-respondents; null for none
 */
public record Campaign(
    String tenantId,
    String campaignId,
    String distributionId,
    String surveyId,
    String name,
    Channel channel,
    String subject,
    String message,
    String language,
    Duration reminderAfter,
    int invitationCount,
    Instant createTime) {

  public Optional<Duration> reminder() {
    return Optional.ofNullable(reminderAfter);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a campaign; text fields default to empty, the language to {@code en}. */
  public static final class Builder {
    private String tenantId;
    private String campaignId;
    private String distributionId;
    private String surveyId;
    private String name = "";
    private Channel channel;
    private String subject = "";
    private String message = "";
    private String language = "en";
    private Duration reminderAfter;
    private int invitationCount;
    private Instant createTime;

    public Builder tenantId(String v) {
      tenantId = v;
      return this;
    }

    public Builder campaignId(String v) {
      campaignId = v;
      return this;
    }

    public Builder distributionId(String v) {
      distributionId = v;
      return this;
    }

    public Builder surveyId(String v) {
      surveyId = v;
      return this;
    }

    public Builder name(String v) {
      name = v == null ? "" : v;
      return this;
    }

    public Builder channel(Channel v) {
      channel = v;
      return this;
    }

    public Builder subject(String v) {
      subject = v == null ? "" : v;
      return this;
    }

    public Builder message(String v) {
      message = v == null ? "" : v;
      return this;
    }

    public Builder language(String v) {
      language = v == null || v.isEmpty() ? "en" : v;
      return this;
    }

    public Builder reminderAfter(Duration v) {
      reminderAfter = v;
      return this;
    }

    public Builder invitationCount(int v) {
      invitationCount = v;
      return this;
    }

    public Builder createTime(Instant v) {
      createTime = v;
      return this;
    }

    public Campaign build() {
      return new Campaign(tenantId, campaignId, distributionId, surveyId, name, channel, subject, message, language,
          reminderAfter, invitationCount, createTime);
    }
  }
}
