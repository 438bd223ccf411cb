package io.cxhub.survey.respondent;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.survey.distribution.Distribution;
import io.cxhub.survey.distribution.DistributionStatus;
import io.cxhub.survey.distribution.Distributions;
import io.cxhub.survey.invitation.Invitation;
import io.cxhub.survey.invitation.Invitations;
import io.cxhub.survey.response.RespondentContext;
import io.cxhub.survey.survey.Survey;
import io.cxhub.survey.survey.SurveyState;
import io.cxhub.survey.survey.Surveys;
import io.cxhub.kit.domain.Channel;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a public token is resolved, whatever the route (survey page, respondent
 * API, submission): a distribution's token, or an invitation's token, which stands for its
 * distribution plus one recipient (customer id and channel). Tells whether the link
 * collects responses now. A token that designates nothing is reported exactly like a
 * missing survey, whoever asks, so tokens cannot be probed and nothing about other tenants
 * leaks.
 */
public final class PublicSurveys {

  private static final Logger log = LoggerFactory.getLogger(PublicSurveys.class);

  private final Distributions distributions;
  private final Invitations invitations;
  private final Surveys surveys;
  private final Clock clock;

  public PublicSurveys(Distributions distributions, Invitations invitations, Surveys surveys, Clock clock) {
    this.distributions = distributions;
    this.invitations = invitations;
    this.surveys = surveys;
    this.clock = clock;
  }

  /**
   * A distribution and the current version of its survey, and the invitation when the
   * token was an invitation's.
   */
  public record Opened(Distribution distribution, Survey survey, Optional<Invitation> invitation) {

    public Opened(Distribution distribution, Survey survey) {
      this(distribution, survey, Optional.empty());
    }

    /** The channel to record: the invitation's (e-mail, SMS), else the distribution's. */
    public Channel channel() {
      return invitation.map(Invitation::channel).orElse(distribution.channel());
    }

    /**
     * The respondent's context with what the invitation knows: its customer id wins over
     * one sent by the client (the link is personal; the page need not ask).
     */
    public RespondentContext context(RespondentContext sent) {
      RespondentContext given = sent == null ? RespondentContext.NONE : sent;
      return invitation.filter(i -> !i.customerId().isEmpty())
          .map(i -> new RespondentContext(i.customerId(), given.orderId(), given.locale(), given.metadata()))
          .orElse(given);
    }
  }

  public Opened open(String token) {
    if (token == null || token.isEmpty()) {
      throw InvalidInputException.of("token", "is required");
    }
    Optional<Invitation> invitation = Optional.empty();
    Distribution distribution = distributions.findByToken(token).orElse(null);
    if (distribution == null) {
      invitation = invitations.findByToken(token);
      distribution = invitation
          .flatMap(i -> distributions.find(i.tenantId(), i.distributionId()))
          .orElseThrow(() -> new NotFoundException("survey", token));
    }
    Distribution found = distribution;
    Survey survey = surveys.find(found.tenantId(), found.surveyId())
        .orElseThrow(() -> new NotFoundException("survey", token));
    return new Opened(found, survey, invitation);
  }

  /** Opens the token for showing the survey: an invitation records its first open. */
  public Opened view(String token) {
    Opened opened = open(token);
    opened.invitation().filter(i -> i.openedAt() == null).ifPresent(i -> {
      try {
        invitations.markOpened(i.tenantId(), i.invitationId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
      } catch (RuntimeException e) {
        // the survey shows all the same; only the open rate misses one
        log.warn("could not record an invitation open tenant={} invitation={}", i.tenantId(), i.invitationId(), e);
      }
    });
    return opened;
  }

  /** Records, on an invitation token, the response collected through it. */
  public void responded(Opened opened, String responseId, java.time.Instant at) {
    opened.invitation().filter(i -> i.respondedAt() == null).ifPresent(i ->
        invitations.markResponded(i.tenantId(), i.invitationId(), responseId, at));
  }

  /** Whether the link takes responses now, and if not, why. */
  public LinkAvailability availability(Opened opened) {
    Distribution d = opened.distribution();
    if (d.status() == DistributionStatus.REVOKED) {
      return LinkAvailability.CLOSED;
    }
    if (d.status() == DistributionStatus.PAUSED) {
      return LinkAvailability.PAUSED;
    }
    if (d.isExpiredAt(clock.instant())) {
      return LinkAvailability.EXPIRED;
    }
    SurveyState state = opened.survey().state();
    if (state == SurveyState.CLOSED) {
      return LinkAvailability.CLOSED;
    }
    return state == SurveyState.ACTIVE ? LinkAvailability.OPEN : LinkAvailability.NOT_OPEN;
  }

  /** @throws PreconditionFailedException saying why this link takes no response now */
  public void requireCollecting(Opened opened) {
    Distribution d = opened.distribution();
    switch (availability(opened)) {
      case OPEN -> { }
      case CLOSED -> throw new PreconditionFailedException(d.status() == DistributionStatus.REVOKED
          ? "this survey link has been withdrawn and takes no more responses"
          : "this survey is closed and takes no more responses");
      case PAUSED -> throw new PreconditionFailedException("this survey link is paused; try again later");
      case EXPIRED -> throw new PreconditionFailedException("this survey link expired at " + d.expireTime());
      case NOT_OPEN -> throw new PreconditionFailedException("this survey is not open yet");
    }
  }

  /** The languages the survey can be shown in, its default language first. */
  public static java.util.List<String> languages(Survey survey) {
    var languages = new java.util.LinkedHashSet<String>();
    languages.add(survey.defaultLanguage());
    languages.addAll(new java.util.TreeSet<>(survey.titleTranslations().keySet()));
    survey.questions().forEach(q -> languages.addAll(new java.util.TreeSet<>(q.textTranslations().keySet())));
    return java.util.List.copyOf(languages);
  }

  /**
   * The language to show: {@code lang} if the survey has it, else the first language of
   * {@code acceptLanguage} (RFC 9110 list, quality-ordered) the survey has, else its default.
   */
  public static String language(Survey survey, String lang, String acceptLanguage) {
    if (lang != null && !lang.isBlank() && has(survey, primary(lang))) {
      return primary(lang);
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        for (var range : Locale.LanguageRange.parse(acceptLanguage)) {
          String candidate = primary(range.getRange());
          if (has(survey, candidate)) {
            return candidate;
          }
        }
      } catch (IllegalArgumentException e) {
        // a malformed header is ignored, as HTTP allows
      }
    }
    return survey.defaultLanguage();
  }

  private static String primary(String tag) {
    String lower = tag.strip().toLowerCase(Locale.ROOT);
    int dash = lower.indexOf('-');
    return dash < 0 ? lower : lower.substring(0, dash);
  }

  private static boolean has(Survey survey, String language) {
    return survey.defaultLanguage().equals(language) || survey.titleTranslations().containsKey(language)
        || survey.questions().stream().anyMatch(q -> q.textTranslations().containsKey(language));
  }
}
