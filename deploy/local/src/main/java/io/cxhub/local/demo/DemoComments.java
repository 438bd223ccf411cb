package io.cxhub.local.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's comments: short, realistic verbatims in French and English by theme and
 * polarity, as customers of an online home-goods shop write them (elisions, missing
 * accents, SMS style, a few emojis), so the text analytics has real work to do.
 */
final class DemoComments {

  enum Polarity { POSITIVE, NEUTRAL, NEGATIVE }

  private static final Map<String, Map<Polarity, List<String>>> FR = Map.of(
      "delivery", Map.of(
          Polarity.POSITIVE, List.of("Livraison rapide, colis reçu en 48h.", "Livreur très aimable et ponctuel.",
              "Colis bien emballé et arrivé avant la date prévue.", "Super suivi de la livraison, rien à redire.",
              "Livré le lendemain, top 👍"),
          Polarity.NEUTRAL, List.of("Livraison correcte mais le créneau était large.", "Le colis est arrivé, un peu en retard.",
              "Délai de livraison dans la moyenne."),
          Polarity.NEGATIVE, List.of("Livraison en retard de 5 jours, aucune information.", "Colis abîmé à la réception, très déçu.",
              "Délais de livraison beaucoup trop longs.", "Le livreur n'est jamais passé, colis perdu.",
              "trop long la livraison, 10 jours pour un coussin", "Toujours pas reçu ma commande, c'est inadmissible !",
              "Le suivi du colis ne marche pas et le transporteur ne répond pas.")),
      "store_pickup", Map.of(
          Polarity.POSITIVE, List.of("Point relais pratique, près de chez moi.", "Retrait en point relais rapide et simple."),
          Polarity.NEUTRAL, List.of("Point relais correct mais horaires limités."),
          Polarity.NEGATIVE, List.of("Le point relais était fermé deux fois de suite.", "Colis renvoyé du point relais sans prévenir.")),
      "payment", Map.of(
          Polarity.POSITIVE, List.of("Paiement simple et rapide.", "Paiement en 3 fois très pratique."),
          Polarity.NEUTRAL, List.of("Le paiement a fonctionné du deuxième coup."),
          Polarity.NEGATIVE, List.of("Paiement refusé plusieurs fois sans raison.", "Double débit sur ma carte, pas normal.",
              "La page de paiement a planté au moment de valider.")),
      "website", Map.of(
          Polarity.POSITIVE, List.of("Site clair et agréable, on trouve vite.", "Appli très fluide, commande en 2 minutes."),
          Polarity.NEUTRAL, List.of("Le site est correct, la recherche pourrait être meilleure."),
          Polarity.NEGATIVE, List.of("Le site est lent et bugue sur mobile.", "Impossible de modifier mon panier, site pas pratique.")),
      "customer_service", Map.of(
          Polarity.POSITIVE, List.of("Conseillère très aimable, problème réglé en un appel.", "SAV réactif et efficace, merci !",
              "Réponse rapide du service client par chat."),
          Polarity.NEUTRAL, List.of("Le service client a répondu mais il a fallu relancer."),
          Polarity.NEGATIVE, List.of("Impossible de joindre le service client, 40 minutes d'attente.",
              "trop long le sav, toujours pas de réponse", "Personne ne répond aux mails, service client inexistant.",
              "J'ai dû appeler trois fois pour le même problème.")),
      "returns", Map.of(
          Polarity.POSITIVE, List.of("Retour gratuit et remboursé en quelques jours."),
          Polarity.NEUTRAL, List.of("Retour possible mais la procédure est longue."),
          Polarity.NEGATIVE, List.of("Remboursement toujours pas reçu après mon retour.", "Retour payant, je ne recommanderai pas.")),
      "product_quality", Map.of(
          Polarity.POSITIVE, List.of("Produit de très bonne qualité, conforme à la photo.", "Très beau linge de maison, tres satisfait."),
          Polarity.NEUTRAL, List.of("Produit correct sans plus."),
          Polarity.NEGATIVE, List.of("Produit de mauvaise qualité, la couleur ne correspond pas.", "Article cassé après une semaine.")),
      "price", Map.of(
          Polarity.POSITIVE, List.of("Bons prix et promotions intéressantes.", "Rapport qualité prix excellent."),
          Polarity.NEUTRAL, List.of("Prix dans la moyenne du marché."),
          Polarity.NEGATIVE, List.of("Frais de port beaucoup trop chers.", "Trop cher pour la qualité proposée.")));

  private static final Map<String, Map<Polarity, List<String>>> EN = Map.of(
      "delivery", Map.of(
          Polarity.POSITIVE, List.of("Fast delivery, parcel arrived in two days.", "Great tracking and a friendly driver."),
          Polarity.NEUTRAL, List.of("Delivery was ok but a day late."),
          Polarity.NEGATIVE, List.of("Delivery was a week late and nobody told me.", "The parcel arrived damaged.",
              "Still waiting for my order, really disappointed.")),
      "store_pickup", Map.of(
          Polarity.POSITIVE, List.of("Pickup point close to home, very convenient."),
          Polarity.NEUTRAL, List.of("Pickup point fine but short opening hours."),
          Polarity.NEGATIVE, List.of("The pickup point was closed when I went there.")),
      "payment", Map.of(
          Polarity.POSITIVE, List.of("Checkout and payment were quick."),
          Polarity.NEUTRAL, List.of("Payment worked on the second try."),
          Polarity.NEGATIVE, List.of("My card was charged twice.", "Payment page crashed at checkout.")),
      "website", Map.of(
          Polarity.POSITIVE, List.of("Easy to use website, found everything quickly."),
          Polarity.NEUTRAL, List.of("The site is fine, search could be better."),
          Polarity.NEGATIVE, List.of("The app is slow and keeps crashing.")),
      "customer_service", Map.of(
          Polarity.POSITIVE, List.of("Customer service solved my issue in one call, thanks!"),
          Polarity.NEUTRAL, List.of("Support answered but I had to follow up."),
          Polarity.NEGATIVE, List.of("Could not reach customer service, waited 40 minutes.", "Nobody answers emails, awful support.")),
      "returns", Map.of(
          Polarity.POSITIVE, List.of("Free returns and quick refund."),
          Polarity.NEUTRAL, List.of("Returns are possible but slow."),
          Polarity.NEGATIVE, List.of("Still no refund three weeks after my return.")),
      "product_quality", Map.of(
          Polarity.POSITIVE, List.of("Great quality, exactly as pictured."),
          Polarity.NEUTRAL, List.of("Product is ok, nothing special."),
          Polarity.NEGATIVE, List.of("Poor quality, it broke after a week.")),
      "price", Map.of(
          Polarity.POSITIVE, List.of("Good prices and nice discounts."),
          Polarity.NEUTRAL, List.of("Prices are average."),
          Polarity.NEGATIVE, List.of("Shipping costs are far too high.")));

  private DemoComments() {}

  /** A comment on the theme with the polarity, in French or English. */
  static String pick(Random random, String theme, Polarity polarity, boolean english) {
    List<String> choices = (english ? EN : FR).get(theme).get(polarity);
    return choices.get(random.nextInt(choices.size()));
  }

  static Polarity polarityOfNps(int score) {
    return score >= 9 ? Polarity.POSITIVE : score >= 7 ? Polarity.NEUTRAL : Polarity.NEGATIVE;
  }
}
