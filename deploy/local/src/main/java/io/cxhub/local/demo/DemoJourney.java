package io.cxhub.local.demo;

import io.cxhub.local.demo.DemoDataset.SurveyKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo's journey map, its service blueprint and its five surveys, as API request bodies. */
final class DemoJourney {

  private DemoJourney() {}

  static Map<String, Object> definition(String name) {
    return Map.of("name", name,
        "description", "Du premier clic au service après-vente : le parcours d'achat en ligne de Maison Lumière.",
        "stages", List.of(
            stage("decouverte", "Découverte", "Trouver l'objet qui ira bien chez moi", "EMOTION_POSITIVE",
                List.of(touchpoint("site-web", "Site web et appli", "CHANNEL_WEB_WIDGET", "e-commerce"),
                    touchpoint("instagram", "Publicité Instagram", "CHANNEL_SOCIAL", "marketing")),
                List.of(element("fiche-produit", "BLUEPRINT_LANE_PHYSICAL_EVIDENCE", "Fiches produit et photos", "site-web",
                    "e-commerce", false, false, null),
                    element("recherche", "BLUEPRINT_LANE_CUSTOMER_ACTION", "Recherche et comparaison", "site-web", "", false,
                        false, null))),
            stage("commande", "Commande et paiement", "Payer vite et en confiance", "EMOTION_NEUTRAL",
                List.of(touchpoint("panier", "Panier", "CHANNEL_WEB_WIDGET", "e-commerce"),
                    touchpoint("paiement", "Page de paiement", "CHANNEL_WEB_WIDGET", "e-commerce")),
                List.of(element("page-paiement", "BLUEPRINT_LANE_FRONTSTAGE", "Page de paiement", "paiement", "e-commerce",
                    true, false, Map.of("kind", "INDICATOR_KIND_FUNNEL_STEP_CONVERSION", "funnelId", "checkout",
                        "step", "paiement")),
                    element("antifraude", "BLUEPRINT_LANE_SUPPORT_PROCESS", "Contrôle anti-fraude du paiement", "paiement",
                        "finance", true, true, null))),
            stage("livraison", "Livraison", "Recevoir le colis à la date promise, en bon état", "EMOTION_POSITIVE",
                List.of(touchpoint("transporteur", "Livraison à domicile", "CHANNEL_SMS", "logistique"),
                    touchpoint("point-relais", "Retrait en point relais", "CHANNEL_QR", "logistique")),
                List.of(element("preparation", "BLUEPRINT_LANE_BACKSTAGE", "Préparation de commande à l'entrepôt", "",
                    "logistique", true, true, null),
                    element("suivi-sms", "BLUEPRINT_LANE_FRONTSTAGE", "SMS de suivi du colis", "transporteur", "logistique",
                        false, false, null),
                    element("colis", "BLUEPRINT_LANE_PHYSICAL_EVIDENCE", "Colis et emballage", "transporteur", "logistique",
                        false, false, null),
                    element("tournee", "BLUEPRINT_LANE_SUPPORT_PROCESS", "Tournée du transporteur", "transporteur",
                        "logistique", true, true, null))),
            stage("sav", "Service après-vente", "Une réponse rapide, un seul contact", "EMOTION_NEUTRAL",
                List.of(touchpoint("telephone", "Service client téléphone", "CHANNEL_SUPPORT", "service-client"),
                    touchpoint("chat", "Chat", "CHANNEL_MESSAGING", "service-client")),
                List.of(element("accueil-tel", "BLUEPRINT_LANE_FRONTSTAGE", "Accueil téléphonique", "telephone",
                    "service-client", false, true, Map.of("kind", "INDICATOR_KIND_FCR", "team", "sav-lyon")),
                    element("remboursement", "BLUEPRINT_LANE_BACKSTAGE", "Traitement des retours et remboursements", "",
                        "finance", true, true, null)))));
  }

  static Map<String, Object> survey(SurveyKey key, String journeyId) {
    var survey = new LinkedHashMap<String, Object>();
    survey.put("title", switch (key) {
      case DISCOVERY -> "Votre visite sur notre site";
      case CHECKOUT -> "Votre commande";
      case HOME_DELIVERY -> "Votre livraison à domicile";
      case PICKUP -> "Votre retrait en point relais";
      case SUPPORT -> "Votre contact avec le service client";
    });
    survey.put("defaultLanguage", "fr");
    survey.put("journeyId", journeyId);
    survey.put("stageId", key.stage);
    survey.put("touchpointId", key.touchpoint);
    var questions = new java.util.ArrayList<Map<String, Object>>();
    if (key != SurveyKey.SUPPORT) {
      questions.add(question("nps", "QUESTION_KIND_NPS", "Recommanderiez-vous Maison Lumière à un proche ?",
          "Would you recommend Maison Lumière to a friend?", true, 0, 10));
    }
    switch (key) {
      case CHECKOUT -> questions.add(question("ces", "QUESTION_KIND_CES", "Il a été facile de passer commande.",
          "Placing my order was easy.", false, 1, 7));
      case HOME_DELIVERY, PICKUP -> {
        questions.add(question("delai", "QUESTION_KIND_RATING", "Le délai de livraison", "The delivery time", false, 1, 5));
        questions.add(question("etat", "QUESTION_KIND_RATING", "L'état du colis", "The state of the parcel", false, 1, 5));
        questions.add(question("suivi", "QUESTION_KIND_RATING", "Le suivi de la livraison", "Delivery tracking", false, 1, 5));
      }
      case SUPPORT -> {
        questions.add(question("csat", "QUESTION_KIND_CSAT", "Êtes-vous satisfait de notre réponse ?",
            "Are you satisfied with our answer?", true, 1, 5));
        questions.add(question("ces", "QUESTION_KIND_CES", "Il a été facile d'obtenir une solution.",
            "It was easy to get my issue solved.", false, 1, 7));
      }
      default -> { }
    }
    questions.add(question("why", "QUESTION_KIND_FREE_TEXT", "Dites-nous pourquoi.", "Tell us why.", false, 0, 0));
    survey.put("questions", questions);
    return survey;
  }

  private static Map<String, Object> stage(String id, String name, String goal, String emotion,
      List<Map<String, Object>> touchpoints, List<Map<String, Object>> blueprint) {
    return Map.of("stageId", id, "name", name, "customerGoal", goal, "expectedEmotion", emotion,
        "touchpoints", touchpoints, "blueprint", blueprint);
  }

  private static Map<String, Object> touchpoint(String id, String name, String channel, String team) {
    return Map.of("touchpointId", id, "name", name, "channel", channel, "ownerTeam", team);
  }

  private static Map<String, Object> element(String id, String lane, String name, String touchpoint, String team,
      boolean failPoint, boolean waitPoint, Map<String, Object> indicator) {
    var element = new LinkedHashMap<String, Object>();
    element.put("elementId", id);
    element.put("lane", lane);
    element.put("name", name);
    if (!touchpoint.isEmpty()) {
      element.put("touchpointId", touchpoint);
    }
    if (!team.isEmpty()) {
      element.put("ownerTeam", team);
    }
    element.put("failPoint", failPoint);
    element.put("waitPoint", waitPoint);
    if (indicator != null) {
      element.put("indicator", indicator);
    }
    return element;
  }

  private static Map<String, Object> question(String id, String kind, String fr, String en, boolean required, int min,
      int max) {
    var question = new LinkedHashMap<String, Object>();
    question.put("questionId", id);
    question.put("kind", kind);
    question.put("text", fr);
    question.put("textTranslations", Map.of("en", en));
    question.put("required", required);
    if (max > 0) {
      question.put("scaleMin", min);
      question.put("scaleMax", max);
    }
    return question;
  }
}
