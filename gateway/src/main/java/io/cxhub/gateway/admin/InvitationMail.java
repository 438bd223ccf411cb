package io.cxhub.gateway.admin;

import io.cxhub.gateway.apikey.Role;
import io.cxhub.kit.mail.MailMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mail inviting a person to a tenant's dashboard, in English or French: the tenant,
 * the role, the absolute link and when it expires, as plain text and as HTML (every value
 * escaped there).
 */
final class InvitationMail {

  private static final String FR = "fr";

  private InvitationMail() {}

  static MailMessage of(InvitationNotifier.Notice notice) {
    boolean fr = FR.equals(notice.language());
    Locale locale = fr ? Locale.FRENCH : Locale.ENGLISH;
    String tenant = notice.tenantName();
    String role = roleName(notice.invitation().role(), fr);
    String url = notice.inviteUrl();
    String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(locale).withZone(ZoneOffset.UTC).format(notice.invitation().expireTime()) + " UTC";

    String subject = fr ? "Invitation à rejoindre " + tenant + " sur CX Hub"
        : "You are invited to join " + tenant + " on CX Hub";
    String hello = fr ? "Bonjour," : "Hello,";
    String intro = fr ? "Vous êtes invité(e) à rejoindre %s sur CX Hub avec le rôle %s."
        : "You are invited to join %s on CX Hub as %s.";
    String open = fr ? "Ouvrez ce lien pour choisir votre mot de passe et vous connecter :"
        : "Open this link to choose your password and sign in:";
    String expiry = fr ? "Le lien ne sert qu'une fois et expire le %s." : "The link works once and expires on %s.";
    String ignore = fr ? "Si vous n'attendiez pas cette invitation, ignorez ce message."
        : "If you did not expect this invitation, ignore this e-mail.";
    String button = fr ? "Accepter l'invitation" : "Accept the invitation";

    String text = hello + "\n\n"
        + intro.formatted(tenant, role) + "\n\n"
        + open + "\n" + url + "\n\n"
        + expiry.formatted(expires) + "\n"
        + ignore + "\n";
    String html = "<!DOCTYPE html><html lang=\"" + (fr ? "fr" : "en") + "\"><head><meta charset=\"utf-8\"><title>"
        + e(subject) + "</title></head><body>"
        + "<p>" + e(hello) + "</p>"
        + "<p>" + intro.formatted("<strong>" + e(tenant) + "</strong>", "<strong>" + e(role) + "</strong>") + "</p>"
        + "<p>" + e(open) + "</p>"
        + "<p><a href=\"" + e(url) + "\">" + e(button) + "</a></p>"
        + "<p style=\"word-break:break-all\">" + e(url) + "</p>"
        + "<p>" + e(expiry.formatted(expires)) + "<br>" + e(ignore) + "</p>"
        + "</body></html>";
    return new MailMessage(notice.invitation().email(), subject, text, html,
        Map.of("Auto-Submitted", "auto-generated", "X-CX-Invitation", notice.invitation().invitationId()));
  }

  /** The dashboard's names of the roles (app/js/i18n.js). */
  static String roleName(Role role, boolean fr) {
    return switch (role) {
      case VIEWER -> fr ? "Lecteur" : "Viewer";
      case AGENT -> "Agent";
      case ANALYST -> fr ? "Analyste" : "Analyst";
      case ADMIN -> fr ? "Administrateur" : "Admin";
    };
  }

  private static String e(String value) {
    return HtmlUtils.htmlEscape(value, "UTF-8");
  }
}
