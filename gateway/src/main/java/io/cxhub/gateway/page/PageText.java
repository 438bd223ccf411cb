package io.cxhub.gateway.page;

import java.util.Locale;
import java.util.Map;

/**
 * The hosted pages' own words (the survey's texts come from the survey), in French and
 * English; any other language shows the English ones.
 */
final class PageText {

  static final String EN = "en";
  static final String FR = "fr";

  private static final Map<String, String> ENGLISH = Map.ofEntries(
      Map.entry("required.note", "Questions marked * are required."),
      Map.entry("required", "required"),
      Map.entry("submit", "Send my answers"),
      Map.entry("sending", "Sending…"),
      Map.entry("language", "Language"),
      Map.entry("progress", "{0} of {1} answered"),
      Map.entry("nps.low", "Not at all likely"),
      Map.entry("nps.high", "Extremely likely"),
      Map.entry("csat.low", "Very dissatisfied"),
      Map.entry("csat.high", "Very satisfied"),
      Map.entry("ces.low", "Very difficult"),
      Map.entry("ces.high", "Very easy"),
      Map.entry("rating.low", "Lowest"),
      Map.entry("rating.high", "Highest"),
      Map.entry("text.counter", "{0} / {1} characters"),
      Map.entry("text.limit", "At most {0} characters."),
      Map.entry("choices.many", "Choose one or more."),
      Map.entry("consent", "I agree to be contacted about my answers."),
      Map.entry("errors.summary", "Some answers need your attention."),
      Map.entry("error.required", "Please answer this question."),
      Map.entry("error.range", "Choose a value from {0} to {1}."),
      Map.entry("error.choice", "Choose one of the options."),
      Map.entry("error.choices", "Choose at least one option."),
      Map.entry("error.long", "Please shorten your answer to {0} characters."),
      Map.entry("error.invalid", "This answer could not be accepted."),
      Map.entry("thanks.title", "Thank you!"),
      Map.entry("thanks.body", "Your answers have been recorded."),
      Map.entry("thanks.review", "Glad you liked it! Would you share your experience in a public review?"),
      Map.entry("thanks.review.link", "Write a review"),
      Map.entry("thanks.contact", "We are sorry about your experience. Someone from our team will contact you soon."),
      Map.entry("kiosk.next", "Next person"),
      Map.entry("kiosk.reset", "This page starts again for the next person in a few seconds."),
      Map.entry("unknown.title", "Survey not found"),
      Map.entry("unknown.body", "This link does not lead to a survey. Please check the address."),
      Map.entry("paused.title", "Survey paused"),
      Map.entry("paused.body", "This survey is paused for now. Please try again later."),
      Map.entry("expired.title", "Survey ended"),
      Map.entry("expired.body", "This survey link has expired. Thank you for your interest."),
      Map.entry("closed.title", "Survey closed"),
      Map.entry("closed.body", "This survey no longer takes answers. Thank you for your interest."),
      Map.entry("notopen.title", "Survey not open yet"),
      Map.entry("notopen.body", "This survey does not take answers yet. Please come back later."),
      Map.entry("busy.title", "Too many attempts"),
      Map.entry("busy.body", "Please wait a minute, then try again."),
      Map.entry("down.title", "Temporarily unavailable"),
      Map.entry("down.body", "We could not load the survey right now. Please try again in a moment."),
      Map.entry("close", "Close"),
      Map.entry("optout.title", "Unsubscribe from survey invitations"),
      Map.entry("optout.body", "Do you want to stop receiving survey invitations at this address?"),
      Map.entry("optout.button", "Unsubscribe"),
      Map.entry("optedout.title", "You are unsubscribed"),
      Map.entry("optedout.body", "You will not receive any more survey invitations from us at this address."),
      Map.entry("optout.unknown.title", "Link not recognised"),
      Map.entry("optout.unknown.body", "This unsubscribe link is not valid. Please check the address."),
      Map.entry("powered", "Survey powered by CX Hub"));

  private static final Map<String, String> FRENCH = Map.ofEntries(
      Map.entry("required.note", "Les questions marquées d’un * sont obligatoires."),
      Map.entry("required", "obligatoire"),
      Map.entry("submit", "Envoyer mes réponses"),
      Map.entry("sending", "Envoi…"),
      Map.entry("language", "Langue"),
      Map.entry("progress", "{0} sur {1} répondues"),
      Map.entry("nps.low", "Pas du tout probable"),
      Map.entry("nps.high", "Très probable"),
      Map.entry("csat.low", "Très insatisfait"),
      Map.entry("csat.high", "Très satisfait"),
      Map.entry("ces.low", "Très difficile"),
      Map.entry("ces.high", "Très facile"),
      Map.entry("rating.low", "Le plus bas"),
      Map.entry("rating.high", "Le plus haut"),
      Map.entry("text.counter", "{0} / {1} caractères"),
      Map.entry("text.limit", "{0} caractères au plus."),
      Map.entry("choices.many", "Choisissez une ou plusieurs réponses."),
      Map.entry("consent", "J’accepte d’être recontacté(e) au sujet de mes réponses."),
      Map.entry("errors.summary", "Certaines réponses demandent votre attention."),
      Map.entry("error.required", "Merci de répondre à cette question."),
      Map.entry("error.range", "Choisissez une valeur de {0} à {1}."),
      Map.entry("error.choice", "Choisissez l’une des réponses proposées."),
      Map.entry("error.choices", "Choisissez au moins une réponse."),
      Map.entry("error.long", "Merci de raccourcir votre réponse à {0} caractères."),
      Map.entry("error.invalid", "Cette réponse n’a pas pu être acceptée."),
      Map.entry("thanks.title", "Merci !"),
      Map.entry("thanks.body", "Vos réponses ont bien été enregistrées."),
      Map.entry("thanks.review", "Ravis que cela vous ait plu ! Voulez-vous partager votre expérience dans un avis public ?"),
      Map.entry("thanks.review.link", "Écrire un avis"),
      Map.entry("thanks.contact", "Nous sommes désolés de votre expérience. Une personne de notre équipe va vous contacter rapidement."),
      Map.entry("kiosk.next", "Personne suivante"),
      Map.entry("kiosk.reset", "Cette page recommence pour la personne suivante dans quelques secondes."),
      Map.entry("unknown.title", "Enquête introuvable"),
      Map.entry("unknown.body", "Ce lien ne mène à aucune enquête. Merci de vérifier l’adresse."),
      Map.entry("paused.title", "Enquête en pause"),
      Map.entry("paused.body", "Cette enquête est en pause pour le moment. Merci de réessayer plus tard."),
      Map.entry("expired.title", "Enquête terminée"),
      Map.entry("expired.body", "Ce lien d’enquête a expiré. Merci de votre intérêt."),
      Map.entry("closed.title", "Enquête close"),
      Map.entry("closed.body", "Cette enquête ne reçoit plus de réponses. Merci de votre intérêt."),
      Map.entry("notopen.title", "Enquête pas encore ouverte"),
      Map.entry("notopen.body", "Cette enquête ne reçoit pas encore de réponses. Merci de revenir plus tard."),
      Map.entry("busy.title", "Trop de tentatives"),
      Map.entry("busy.body", "Merci de patienter une minute, puis de réessayer."),
      Map.entry("down.title", "Momentanément indisponible"),
      Map.entry("down.body", "Nous n’avons pas pu charger l’enquête. Merci de réessayer dans un instant."),
      Map.entry("close", "Fermer"),
      Map.entry("optout.title", "Se désinscrire des invitations aux enquêtes"),
      Map.entry("optout.body", "Voulez-vous ne plus recevoir d’invitations à nos enquêtes à cette adresse ?"),
      Map.entry("optout.button", "Me désinscrire"),
      Map.entry("optedout.title", "Vous êtes désinscrit"),
      Map.entry("optedout.body", "Vous ne recevrez plus d’invitations à nos enquêtes à cette adresse."),
      Map.entry("optout.unknown.title", "Lien non reconnu"),
      Map.entry("optout.unknown.body", "Ce lien de désinscription n’est pas valide. Merci de vérifier l’adresse."),
      Map.entry("powered", "Enquête propulsée par CX Hub"));

  private final Map<String, String> texts;
  private final String language;

  private PageText(String language, Map<String, String> texts) {
    this.language = language;
    this.texts = texts;
  }

  /** The words for a survey language: French for {@code fr}, English otherwise. */
  static PageText of(String language) {
    return FR.equals(language) ? new PageText(FR, FRENCH) : new PageText(EN, ENGLISH);
  }

  /** French or English from an {@code Accept-Language} header (pages without a survey). */
  static String fromAcceptLanguage(String header) {
    if (header != null && !header.isBlank()) {
      try {
        for (var range : Locale.LanguageRange.parse(header)) {
          String primary = range.getRange().toLowerCase(Locale.ROOT).split("-", 2)[0];
          if (primary.equals(FR) || primary.equals(EN)) {
            return primary;
          }
        }
      } catch (IllegalArgumentException e) {
        // a malformed header is ignored, as HTTP allows
      }
    }
    return EN;
  }

  String language() {
    return language;
  }

  String get(String key, Object... args) {
    String text = texts.get(key);
    if (text == null) {
      throw new IllegalArgumentException("no page text '" + key + "'");
    }
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  /** Every text, for the page's script (inline validation speaks the page's language). */
  Map<String, String> all() {
    return texts;
  }

  /** The name of a language in itself, for the switch. */
  static String nativeName(String code) {
    var locale = Locale.forLanguageTag(code);
    String name = locale.getDisplayLanguage(locale);
    if (name.isEmpty() || name.equals(code)) {
      return code;
    }
    return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }
}
