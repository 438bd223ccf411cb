package io.cxhub.survey.invitation;

import io.cxhub.kit.domain.Channel;
import java.util.Map;

/**
 * The texts of an invitation or reminder: the campaign's message (or a polite default in
 * the campaign's language) with {@code {link}} and {@code {name}} filled in, the opt-out
 * line, and for e-mail a plain-text and an HTML part.
 */
public final class InvitationTexts {

  /** One message, ready to send; {@code html} is empty for SMS. */
  public record Composed(String subject, String text, String html) {}

  private record Language(
      String defaultEmail, String defaultSms, String reminderSubject, String reminderIntro, String answer,
      String optOutEmail, String optOutLink, String optOutSms, String optedOut) {}

  private static final Map<String, Language> LANGUAGES = Map.of(
      "en", new Language(
          "Hello {name},\n\nWould you take a minute to tell us about your experience? Your answers help us improve.\n\n"
              + "{link}\n\nThank you!",
          "How did we do? Tell us in one minute: {link}",
          "Reminder: ",
          "A gentle reminder: we would still love to hear from you.",
          "Answer the survey",
          "You received this invitation as one of our customers. To receive no more survey invitations:",
          "unsubscribe",
          "No more surveys:",
          "You will receive no more survey invitations from us."),
      "fr", new Language(
          "Bonjour {name},\n\nAccepteriez-vous de prendre une minute pour nous parler de votre expérience ? "
              + "Vos réponses nous aident à nous améliorer.\n\n{link}\n\nMerci !",
          "Votre avis compte : répondez en une minute : {link}",
          "Rappel : ",
          "Petit rappel : votre avis nous intéresse toujours.",
          "Répondre au questionnaire",
          "Vous recevez cette invitation en tant que client. Pour ne plus recevoir d'invitations à nos questionnaires :",
          "se désinscrire",
          "Plus de questionnaires :",
          "Vous ne recevrez plus d'invitations à nos questionnaires."));

  /** The languages a campaign may use. */
  public static final java.util.Set<String> SUPPORTED = LANGUAGES.keySet();

  private InvitationTexts() {}

  public static Composed compose(
      Campaign campaign, Invitation invitation, MessageKind kind, String surveyLink, String optOutLink) {
    Language l = language(campaign.language());
    boolean reminder = kind == MessageKind.REMINDER;
    if (campaign.channel() == Channel.SMS) {
      String body = fill(campaign.message().isEmpty() ? l.defaultSms() : campaign.message(), invitation.name(), surveyLink);
      String text = (reminder ? l.reminderSubject() : "") + body + "\n" + l.optOutSms() + " " + optOutLink;
      return new Composed("", text, "");
    }
    String template = campaign.message().isEmpty() ? l.defaultEmail() : campaign.message();
    String subject = (reminder ? l.reminderSubject() : "") + campaign.subject();
    String intro = reminder ? l.reminderIntro() + "\n\n" : "";
    String text = intro + fill(template, invitation.name(), surveyLink)
        + "\n\n--\n" + l.optOutEmail() + " " + optOutLink + "\n";
    String html = "<!DOCTYPE html>\n<html lang=\"" + escape(campaign.language()) + "\"><head><meta charset=\"utf-8\">"
        + "<title>" + escape(subject) + "</title></head>\n"
        + "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328\">\n"
        + paragraphs(intro + template, invitation.name(), surveyLink, l.answer())
        + "<p style=\"font-size:13px;color:#57606a\">" + escape(l.optOutEmail()) + " <a href=\"" + escape(optOutLink)
        + "\" style=\"color:#57606a\">" + escape(l.optOutLink()) + "</a></p>\n</body></html>\n";
    return new Composed(subject, text, html);
  }

  /** The sentence shown after an opt-out, in the campaign's language. */
  public static String optedOut(String language) {
    return language(language).optedOut();
  }

  private static Language language(String code) {
    return LANGUAGES.getOrDefault(code, LANGUAGES.get("en"));
  }

  private static String fill(String template, String name, String link) {
    String named = named(template, name);
    return named.contains("{link}") ? named.replace("{link}", link) : named + "\n\n" + link;
  }

  /** {@code {name}} filled in; "Hello {name}," reads "Hello," without a name. */
  private static String named(String template, String name) {
    return template.replace(" {name}", name.isEmpty() ? "" : " " + name).replace("{name}", name);
  }

  /** The message as HTML paragraphs, the link as a button where {@code {link}} stands. */
  private static String paragraphs(String template, String name, String link, String answer) {
    String button = "<a href=\"" + escape(link) + "\" style=\"display:inline-block;padding:12px 20px;"
        + "background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:6px\">" + escape(answer) + "</a>";
    String named = named(template, name);
    String filled = named.contains("{link}") ? named.replace("{link}", "\u0000") : named + "\n\n\u0000";
    var html = new StringBuilder();
    for (String paragraph : filled.split("\n\\s*\n")) {
      String escaped = escape(paragraph.strip()).replace("\n", "<br>\n").replace("\u0000", button);
      html.append("<p>").append(escaped).append("</p>\n");
    }
    return html.toString();
  }

  static String escape(String s) {
    var out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
