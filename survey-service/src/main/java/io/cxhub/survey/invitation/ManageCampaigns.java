package io.cxhub.survey.invitation;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.paging.PageFilter;
import io.cxhub.kit.paging.PageRequest;
import io.cxhub.survey.distribution.Distribution;
import io.cxhub.survey.distribution.DistributionStatus;
import io.cxhub.survey.distribution.Distributions;
import io.cxhub.survey.survey.Surveys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates campaigns (queuing one invitation per recipient), reads them and their invitations. */
public final class ManageCampaigns {

  private static final Logger log = LoggerFactory.getLogger(ManageCampaigns.class);

  public static final int MAX_RECIPIENTS = 1_000;
  public static final int MAX_NAME = 200;
  public static final int MAX_SUBJECT = 200;
  public static final int MAX_EMAIL_MESSAGE = 2_000;
  public static final int MAX_SMS_MESSAGE = 480;
  public static final int MAX_ID = 128;
  public static final int MAX_EMAIL = 254;
  public static final Duration MIN_REMINDER = Duration.ofHours(1);
  public static final Duration MAX_REMINDER = Duration.ofDays(30);
  public static final int MAX_BOUNCE_REASON = 500;

  // deliberately loose: the SMTP server has the last word, and its refusal is a bounce
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /** The campaign as the caller describes it. */
  public record NewCampaign(
      String name, Channel channel, String subject, String message, String language, Duration reminderAfter) {}

  private final Campaigns campaigns;
  private final Invitations invitations;
  private final Suppressions suppressions;
  private final Distributions distributions;
  private final Surveys surveys;
  private final EmailSender email;
  private final SmsSender sms;
  private final CustomerDirectory customers;
  private final Runnable nudge;
  private final Clock clock;

  public ManageCampaigns(
      Campaigns campaigns,
      Invitations invitations,
      Suppressions suppressions,
      Distributions distributions,
      Surveys surveys,
      EmailSender email,
      SmsSender sms,
      CustomerDirectory customers,
      Runnable nudge,
      Clock clock) {
    this.campaigns = campaigns;
    this.invitations = invitations;
    this.suppressions = suppressions;
    this.distributions = distributions;
    this.surveys = surveys;
    this.email = email;
    this.sms = sms;
    this.customers = customers;
    this.nudge = nudge;
    this.clock = clock;
  }

  /**
   * Checks everything first (every problem named), then stores the campaign and its
   * invitations, suppressed recipients as SUPPRESSED, the others queued now. On an e-mail
   * campaign, a recipient given by customer id alone gets the address of its profile.
   */
  public Campaign create(String tenantId, String distributionId, NewCampaign spec, List<Recipient> recipients) {
    if (distributionId == null || distributionId.isEmpty()) {
      throw InvalidInputException.of("distribution_id", "is required");
    }
    var violations = new Violations();
    Channel channel = spec.channel();
    if (channel != Channel.EMAIL && channel != Channel.SMS) {
      violations.add("campaign.channel", "must be CHANNEL_EMAIL or CHANNEL_SMS");
    }
    violations.maxLength("campaign.name", spec.name(), MAX_NAME);
    violations.maxLength("campaign.subject", spec.subject(), MAX_SUBJECT);
    violations.maxLength("campaign.message", spec.message(), channel == Channel.SMS ? MAX_SMS_MESSAGE : MAX_EMAIL_MESSAGE);
    String language = spec.language() == null || spec.language().isBlank()
        ? "en" : spec.language().strip().toLowerCase(Locale.ROOT);
    violations.check(InvitationTexts.SUPPORTED.contains(language), "campaign.language",
        "must be one of " + new java.util.TreeSet<>(InvitationTexts.SUPPORTED));
    Duration reminder = spec.reminderAfter();
    if (reminder != null && (reminder.compareTo(MIN_REMINDER) < 0 || reminder.compareTo(MAX_REMINDER) > 0)) {
      violations.add("campaign.reminder_after", "must be between 1 hour and 30 days");
    }
    if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
      violations.add("recipients", "must list 1 to " + MAX_RECIPIENTS + " recipients");
    }
    var needLookup = new ArrayList<Integer>();
    var seen = new HashMap<String, Integer>();
    for (int i = 0; i < recipients.size(); i++) {
      Recipient r = recipients.get(i);
      String prefix = "recipients[" + i + "].";
      violations.maxLength(prefix + "customer_id", r.customerId(), MAX_ID);
      violations.maxLength(prefix + "name", r.name(), MAX_NAME);
      if (channel == Channel.SMS) {
        if (r.phone().isEmpty()) {
          violations.add(prefix + "phone", "is required on an SMS campaign");
        } else {
          violations.check(PHONE.matcher(r.phone()).matches(), prefix + "phone",
              "must be an international number such as +33612345678");
        }
      } else if (channel == Channel.EMAIL) {
        if (!r.email().isEmpty()) {
          violations.check(r.email().length() <= MAX_EMAIL && EMAIL.matcher(r.email()).matches(), prefix + "email",
              "must be an e-mail address");
        } else if (!r.customerId().isEmpty()) {
          needLookup.add(i); // the address is the customer's profile's, in persona-service
        } else {
          violations.add(prefix + "email", "is required on an e-mail campaign (or a customer_id known to persona-service)");
        }
      }
      String given = address(channel, r).toLowerCase(Locale.ROOT);
      Integer first = given.isEmpty() ? null : seen.putIfAbsent(given, i);
      if (first != null) {
        violations.add(prefix + (channel == Channel.SMS ? "phone" : "email"), "repeats recipients[" + first + "]");
      }
    }
    violations.throwIfAny();

    Distribution distribution = distributions.find(tenantId, distributionId)
        .orElseThrow(() -> new NotFoundException("distribution", distributionId));
    if (distribution.status() == DistributionStatus.REVOKED) {
      throw new PreconditionFailedException("distribution " + distributionId + " is revoked");
    }
    if (channel == Channel.EMAIL && !email.configured()) {
      throw new PreconditionFailedException("e-mail sending is not configured (CX_SMTP_HOST)");
    }
    if (channel == Channel.SMS && !sms.configured()) {
      throw new PreconditionFailedException("SMS sending is not configured (CX_SMS_URL)");
    }
    var survey = surveys.find(tenantId, distribution.surveyId())
        .orElseThrow(() -> new NotFoundException("distribution", distributionId));
    List<Recipient> toInvite = resolve(tenantId, channel, recipients, needLookup);

    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String subject = spec.subject() == null || spec.subject().isBlank() ? survey.title() : spec.subject().strip();
    var campaign = Campaign.builder()
        .tenantId(tenantId)
        .campaignId(Ids.random())
        .distributionId(distributionId)
        .surveyId(distribution.surveyId())
        .name(spec.name())
        .channel(channel)
        .subject(subject)
        .message(spec.message())
        .language(language)
        .reminderAfter(reminder)
        .invitationCount(toInvite.size())
        .createTime(now)
        .build();

    var keys = new LinkedHashSet<String>();
    toInvite.forEach(r -> keys.addAll(SuppressionKeys.of(channel, address(channel, r), r.customerId())));
    Set<String> suppressed = suppressions.suppressedAmong(tenantId, keys);
    var queued = new ArrayList<Invitation>(toInvite.size());
    int suppressedCount = 0;
    for (Recipient r : toInvite) {
      String address = address(channel, r);
      boolean optedOut = SuppressionKeys.of(channel, address, r.customerId()).stream().anyMatch(suppressed::contains);
      suppressedCount += optedOut ? 1 : 0;
      queued.add(Invitation.builder()
          .tenantId(tenantId)
          .invitationId(Ids.random())
          .campaignId(campaign.campaignId())
          .distributionId(distributionId)
          .surveyId(distribution.surveyId())
          .customerId(r.customerId())
          .name(r.name())
          .channel(channel)
          .address(address)
          .token(Ids.random())
          .status(optedOut ? InvitationStatus.SUPPRESSED : InvitationStatus.QUEUED)
          .nextSendAt(optedOut ? null : now)
          .createTime(now)
          .build());
    }
    campaigns.insert(campaign);
    invitations.insertAll(queued);
    log.info("campaign created tenant={} campaign={} distribution={} channel={} invitations={} suppressed={}",
        tenantId, campaign.campaignId(), distributionId, channel, queued.size(), suppressedCount);
    nudge.run();
    return campaign;
  }

  /**
   * Fills in the e-mail addresses of recipients named by customer id alone from their
   * profiles, then refuses unknown customers and repeated addresses, all named at once.
   */
  private List<Recipient> resolve(String tenantId, Channel channel, List<Recipient> recipients, List<Integer> needLookup) {
    var resolved = new ArrayList<>(recipients);
    var violations = new Violations();
    if (!needLookup.isEmpty()) {
      var ids = needLookup.stream().map(i -> recipients.get(i).customerId()).distinct().toList();
      var emails = customers.emails(tenantId, ids);
      for (int i : needLookup) {
        Recipient r = recipients.get(i);
        String email = emails.get(r.customerId());
        if (email == null) {
          violations.add("recipients[" + i + "].email",
              "is required: customer '" + r.customerId() + "' has no e-mail address in its profile");
        } else {
          resolved.set(i, new Recipient(r.customerId(), email, r.phone(), r.name()));
        }
      }
    }
    var seen = new HashMap<String, Integer>();
    for (int i = 0; i < resolved.size(); i++) {
      String address = address(channel, resolved.get(i)).toLowerCase(Locale.ROOT);
      if (address.isEmpty()) {
        continue;
      }
      Integer first = seen.putIfAbsent(address, i);
      if (first != null) {
        violations.add("recipients[" + i + "]." + (channel == Channel.SMS ? "phone" : "email"),
            "repeats recipients[" + first + "]");
      }
    }
    violations.throwIfAny();
    return resolved;
  }

  private static String address(Channel channel, Recipient r) {
    return channel == Channel.SMS ? r.phone() : r.email();
  }

  public Campaign get(String tenantId, String campaignId) {
    if (campaignId == null || campaignId.isEmpty()) {
      throw InvalidInputException.of("campaign_id", "is required");
    }
    return campaigns.find(tenantId, campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
  }

  public List<Campaign> list(String tenantId, String distributionId) {
    if (distributionId == null || distributionId.isEmpty()) {
      throw InvalidInputException.of("distribution_id", "is required");
    }
    distributions.find(tenantId, distributionId).orElseThrow(() -> new NotFoundException("distribution", distributionId));
    return campaigns.listByDistribution(tenantId, distributionId, 100);
  }

  /** One page of a campaign's invitations; {@code nextPageToken} is empty on the last page. */
  public record Page(List<Invitation> invitations, String nextPageToken) {}

  public Page invitations(String tenantId, String campaignId, int pageSize, String pageToken) {
    get(tenantId, campaignId);
    var page = PageRequest.of(pageSize, pageToken, PageFilter.of(campaignId));
    var found = invitations.listByCampaign(tenantId, campaignId, page.after(), page.size() + 1);
    if (found.size() <= page.size()) {
      return new Page(found, "");
    }
    var items = found.subList(0, page.size());
    return new Page(List.copyOf(items), page.nextToken(items.get(items.size() - 1).invitationId()));
  }

  /** Records a bounce reported after the provider accepted the invitation. */
  public Invitation recordBounce(String tenantId, String invitationId, String reason) {
    if (invitationId == null || invitationId.isEmpty()) {
      throw InvalidInputException.of("invitation_id", "is required");
    }
    new Violations().maxLength("reason", reason, MAX_BOUNCE_REASON).throwIfAny();
    return invitations.markBounced(tenantId, invitationId, reason == null || reason.isBlank() ? "bounced" : reason,
            clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .orElseThrow(() -> new NotFoundException("invitation", invitationId));
  }
}
