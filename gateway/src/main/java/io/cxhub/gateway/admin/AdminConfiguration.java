package io.cxhub.gateway.admin;

import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.ApiKeyVerifier;
import io.cxhub.gateway.apikey.ApiKeys;
import io.cxhub.gateway.audit.AuditLog;
import io.cxhub.gateway.tenant.Tenants;
import io.cxhub.gateway.cors.CorsWebFilter;
import io.cxhub.gateway.session.SessionProperties;
import io.cxhub.gateway.session.Sessions;
import io.cxhub.gateway.session.Users;
import io.cxhub.kit.mail.SmtpMailer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AdminConfiguration.class);

  @Bean
  TenantAdministration tenantAdministration(Tenants tenants, ApiKeys keys, ApiKeySecrets secrets,
      ApiKeyVerifier verifier, AuditLog audit, Clock clock) {
    return new TenantAdministration(tenants, keys, secrets, verifier, audit, clock);
  }

  /** E-mails dashboard invitations when an SMTP server is configured ({@code CX_SMTP_HOST}). */
  @Bean
  InvitationNotifier invitationNotifier(MailProperties mail) {
    var mailer = new SmtpMailer(mail.smtp());
    if (!mailer.configured()) {
      log.info("no SMTP server (CX_SMTP_HOST): dashboard invitations are copied as links, not e-mailed");
      return InvitationNotifier.none();
    }
    return new SmtpInvitationNotifier(mailer, Schedulers.boundedElastic(), mail.sendTimeout());
  }

  @Bean
  PeopleAdministration peopleAdministration(Tenants tenants, Users users, Sessions sessions, Clock clock,
      SessionProperties settings, CorsWebFilter cors, @Value("${cx.public-url}") String publicUrl,
      InvitationNotifier notifier) {
    return new PeopleAdministration(tenants, users, sessions, new SecureRandom(), clock, settings.invitationTtl(),
        cors::invalidate, publicUrl, notifier);
  }

  @Bean(destroyMethod = "close")
  AdminServer adminServer(TenantAdministration administration, PeopleAdministration people, Users users) {
    return new AdminServer(new AdminGrpcService(administration, Optional.of(people), Optional.of(users)));
  }
}
