package io.cxhub.survey.config;

import io.cxhub.kit.mail.SmtpSettings;
import io.cxhub.kit.work.WorkerLifecycle;
import io.cxhub.survey.distribution.Distributions;
import io.cxhub.survey.distribution.PublicUrls;
import io.cxhub.survey.invitation.CampaignReports;
import io.cxhub.survey.invitation.Campaigns;
import io.cxhub.survey.invitation.CustomerDirectory;
import io.cxhub.survey.invitation.EmailSender;
import io.cxhub.survey.invitation.InvitationDispatcher;
import io.cxhub.survey.invitation.InvitationLinks;
import io.cxhub.survey.invitation.Invitations;
import io.cxhub.survey.invitation.ManageCampaigns;
import io.cxhub.survey.invitation.OptOut;
import io.cxhub.survey.invitation.SendThrottle;
import io.cxhub.survey.invitation.SmsSender;
import io.cxhub.survey.invitation.Suppressions;
import io.cxhub.survey.invitation.grpc.PersonaClient;
import io.cxhub.survey.invitation.http.HttpSmsSender;
import io.cxhub.survey.invitation.mail.SmtpEmailSender;
import io.cxhub.survey.invitation.SendCounters;
import io.cxhub.survey.survey.Surveys;
import io.cxhub.survey.webhook.RetrySchedule;
import io.cxhub.survey.webhook.TargetGuard;
import io.cxhub.survey.webhook.http.HttpWebhookSender;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.util.StringUtils;

/** Wires campaigns, the invitation send queue and its providers (SMTP, SMS over HTTP). */
@Configuration(proxyBeanMethods = false)
class InvitationConfiguration {

  /** Name of the Resilience4j circuit breaker guarding calls to persona-service. */
  static final String PERSONA = "persona";

  /** persona-service's customer profiles: the e-mail address of a recipient given by customer id alone. */
  @Bean
  CustomerDirectory invitationCustomerDirectory(
      GrpcChannelFactory channels, PeersProperties peers, CircuitBreakerRegistry circuitBreakers, InvitationProperties p) {
    if (!StringUtils.hasText(peers.persona())) {
      throw new IllegalStateException("cx.peers.persona (host:port of persona-service) is not set");
    }
    return new PersonaClient(channels.createChannel(peers.persona()), circuitBreakers.circuitBreaker(PERSONA),
        p.personaDeadline());
  }

  @Bean
  EmailSender invitationEmailSender(InvitationProperties p) {
    var s = p.smtp();
    return new SmtpEmailSender(new SmtpSettings(
        s.host(), s.port(), s.username(), s.password(), s.from(), s.security(), s.connectTimeout(), s.timeout()));
  }

  /** The SMS provider is called through the webhooks' HTTP client and SSRF guard. */
  @Bean(destroyMethod = "close")
  HttpWebhookSender invitationSmsHttp(TargetGuard guard, InvitationProperties p, Clock clock) {
    return new HttpWebhookSender(guard, p.sms().connectTimeout(), p.sms().requestTimeout(), clock);
  }

  @Bean
  SmsSender invitationSmsSender(InvitationProperties p, HttpWebhookSender invitationSmsHttp, TargetGuard guard) {
    var s = p.sms();
    return new HttpSmsSender(new HttpSmsSender.Settings(
        s.url(), s.authHeaderName(), s.authHeaderValue(), s.bodyTemplate(), s.from()), invitationSmsHttp, guard);
  }

  @Bean
  InvitationLinks invitationLinks(PublicUrls urls) {
    return new InvitationLinks() {
      @Override
      public String survey(String token) {
        return urls.of(token);
      }

      @Override
      public String optOut(String token) {
        return urls.optOut(token);
      }
    };
  }

  /** A fixed-window budget per tenant, counted in MongoDB (shared by every instance). */
  @Bean
  SendThrottle invitationSendThrottle(SendCounters counters, InvitationProperties p, Clock clock) {
    if (p.perTenantLimit() <= 0) {
      return tenant -> true;
    }
    long windowMillis = p.throttleWindow().toMillis();
    return tenant -> {
      long window = clock.millis() / windowMillis;
      long count = counters.increment("invitations:" + tenant + ":" + window,
          Instant.ofEpochMilli((window + 1) * windowMillis));
      return count <= p.perTenantLimit();
    };
  }

  @Bean
  InvitationDispatcher invitationDispatcher(
      Campaigns campaigns,
      Invitations invitations,
      Suppressions suppressions,
      EmailSender email,
      SmsSender sms,
      SendThrottle throttle,
      InvitationLinks links,
      Clock clock,
      InvitationProperties p) {
    IntervalFunction interval = IntervalFunction.ofExponentialBackoff(p.initialBackoff(), 2.0, p.maxBackoff());
    var schedule = new RetrySchedule(p.maxAttempts(), attempt -> Duration.ofMillis(interval.apply(attempt)));
    // longer than one provider call (SMTP: connect + a timeout per command; SMS: connect + request)
    var lease = p.smtp().connectTimeout().plus(p.smtp().timeout().multipliedBy(3))
        .plus(p.sms().connectTimeout()).plus(p.sms().requestTimeout()).plusSeconds(30);
    return new InvitationDispatcher(campaigns, invitations, suppressions, email, sms, throttle, links, schedule, clock,
        new InvitationDispatcher.Settings(p.pollInterval(), p.batchSize(), lease));
  }

  @Bean
  WorkerLifecycle invitationDispatcherLifecycle(InvitationDispatcher dispatcher, InvitationProperties p) {
    return new WorkerLifecycle(dispatcher, p.enabled());
  }

  @Bean
  ManageCampaigns manageCampaigns(
      Campaigns campaigns,
      Invitations invitations,
      Suppressions suppressions,
      Distributions distributions,
      Surveys surveys,
      EmailSender email,
      SmsSender sms,
      CustomerDirectory customers,
      InvitationDispatcher dispatcher,
      Clock clock) {
    return new ManageCampaigns(campaigns, invitations, suppressions, distributions, surveys, email, sms, customers,
        dispatcher::nudge, clock);
  }

  @Bean
  CampaignReports campaignReports(Campaigns campaigns, Invitations invitations, Surveys surveys) {
    return new CampaignReports(campaigns, invitations, surveys);
  }

  @Bean
  OptOut optOut(Invitations invitations, Campaigns campaigns, Suppressions suppressions, Clock clock) {
    return new OptOut(invitations, campaigns, suppressions, clock);
  }
}
