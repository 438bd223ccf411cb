package io.cxhub.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

  static TextAnalyzer analyzer;
  static TextAnalyzer.CompiledTaxonomy taxonomy;

  @BeforeAll
  static void load() {
    analyzer = new TextAnalyzer();
    taxonomy = TextAnalyzer.compile(Taxonomy.defaults());
  }

  TextAnalysis analyze(String text) {
    return analyzer.analyze(text, taxonomy);
  }

  @Test
  void negationTurnsPolarity() {
    assertThat(analyze("Pas mal du tout, je suis content.").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze("Not bad at all, I'm happy with it.").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze("Je ne suis pas déçu de ma commande.").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze("Je ne suis pas satisfait de ma commande.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("The delivery was not good.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void missingAccentsElisionAndSmsStyleAreUnderstood() {
    var a = analyze("tres rapide, merci");
    assertThat(a.language()).isEqualTo(Language.FR);
    assertThat(a.sentiment()).isEqualTo(Sentiment.POSITIVE);
    var b = analyze("trop long le sav");
    assertThat(b.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(b.mentions("customer_service")).isTrue();
    var c = analyze("L'attente au point relais était interminable.");
    assertThat(c.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(c.mentions("delivery")).isTrue();
  }

  @Test
  void factualComplaintsWithoutAPolarWordAreNegative() {
    for (String text : List.of(
        "Mon colis est bloqué depuis 12 jours.",
        "Ça fait trois semaines que j'attends ma commande.",
        "Le suivi n'a pas bougé depuis mardi.",
        "On m'a facturé deux fois mon abonnement.",
        "Le colis est arrivé ouvert et il manquait le chargeur.",
        "2 semaines pour recevoir une paire de chaussettes.",
        "C'est normal que ma commande ne soit toujours pas partie ?",
        "La vendeuse ne connaissait rien aux produits.",
        "Still no parcel since Monday.",
        "My order has been stuck in the depot for 9 days.",
        "It took three weeks to arrive.",
        "They sent me a blue one instead of the black one.",
        "Tracking hasn't moved for a week.",
        "Seriously? Third email and no answer.")) {
      assertThat(analyze(text).sentiment()).as(text).isEqualTo(Sentiment.NEGATIVE);
    }
  }

  @Test
  void datesYearsAndSchedulesAreNotComplaints() {
    assertThat(analyze("Livraison prévue pour mardi.").sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(analyze("Delivery scheduled for Thursday.").sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(analyze("Client depuis 2015, toujours satisfait.").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze("I've used it for 3 months and love it.").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze("Le magasin ouvre à quelle heure ?").sentiment()).isEqualTo(Sentiment.NEUTRAL);
  }

  @Test
  void cheerfulInterjectionInAComplaintIsIrony() {
    assertThat(analyze("Génial, le colis est arrivé trempé.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Bravo... deux mois pour un remboursement.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Love how the app logs me out every five minutes.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Merci pour la livraison rapide !").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze("Produit top mais livraison lente.").sentiment()).isEqualTo(Sentiment.MIXED);
  }

  @Test
  void aStateWordDescribesTheThingBeforeIt() {
    var parcel = analyze("L'attente au point relais était longue et le colis était abîmé.");
    assertThat(parcel.mentions("delivery")).isTrue();
    assertThat(parcel.mentions("product_quality")).isFalse();
    var screen = analyze("Colis reçu hier, écran cassé.");
    assertThat(screen.mentions("delivery")).isTrue();
    assertThat(screen.mentions("product_quality")).isTrue();
    assertThat(analyze("Article reçu cassé.").mentions("product_quality")).isTrue();
    assertThat(analyze("The package was damaged.").mentions("product_quality")).isFalse();
    assertThat(analyze("Payment declined although my card works everywhere.").mentions("product_quality")).isFalse();
  }

  @Test
  void capitalsAndEmojisCarrySentiment() {
    assertThat(analyze("LIVRAISON EN RETARD ET AUCUNE EXCUSE").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Commande reçue 😡").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Commande reçue 😍").sentiment()).isEqualTo(Sentiment.POSITIVE);
    double calm = analyze("The delivery was late.").score();
    double angry = analyze("The delivery was LATE!!!").score();
    assertThat(angry).isLessThan(calm);
  }

  @Test
  void mixedWhenPraiseAndComplaintBalance() {
    var a = analyze("Produit de très bonne qualité mais livraison en retard de 5 jours.");
    assertThat(a.sentiment()).isEqualTo(Sentiment.MIXED);
    var quality = a.themes().stream().filter(t -> t.themeId().equals("product_quality")).findFirst().orElseThrow();
    var delivery = a.themes().stream().filter(t -> t.themeId().equals("delivery")).findFirst().orElseThrow();
    assertThat(quality.sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(delivery.sentiment()).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void ironyAboutARepeatedFailureIsNegative() {
    assertThat(analyze("Génial, encore un colis perdu.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Oh great, another late delivery.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void evidenceSpansPointAtTheMatchedWords() {
    String text = "Le colis est arrivé au point relais en retard.";
    var a = analyze(text);
    var delivery = a.themes().stream().filter(t -> t.themeId().equals("delivery")).findFirst().orElseThrow();
    var words = delivery.evidence().stream().map(s -> text.substring(s.start(), s.end())).toList();
    assertThat(words).contains("colis", "point relais", "en retard");
  }

  @Test
  void keywordsUseLuceneAnalysisWithPhrases() {
    var a = analyze("Les délais de livraison sont trop longs, délais de livraison inacceptables.");
    var keys = a.keywords().stream().map(Keyword::key).toList();
    assertThat(keys).contains("livraison");
    assertThat(a.keywords()).anyMatch(k -> k.phrase() && k.display().equals("délais de livraison"));
    assertThat(keys).doesNotContain("les", "de", "sont");
  }

  @Test
  void badInputIsAnalysedOrOtherNeverFailing() {
    var inputs = List.of("", "   ", "\u0000\u0001\u0002", "ÿØÿà\u0000JFIF\u0000\u0001", "????!!!!....",
        "这个产品很好", "Dieses Produkt ist wirklich sehr gut und schnell geliefert worden.",
        "Très bon produit 非常好 очень хорошо", "x".repeat(6000), "lorem ".repeat(1000),
        "\uD83D", "🙂🙂🙂", "\uD800abc\uDFFF");
    for (String in : inputs) {
      assertThatCode(() -> analyze(in)).doesNotThrowAnyException();
    }
    assertThat(analyze("").language()).isEqualTo(Language.OTHER);
    assertThat(analyze("").sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(analyze("这个产品很好").language()).isEqualTo(Language.OTHER);
    assertThat(analyze("Dieses Produkt ist wirklich sehr gut und schnell geliefert worden.").language())
        .isEqualTo(Language.OTHER);
    assertThat(analyze("🙂🙂🙂").sentiment()).isEqualTo(Sentiment.POSITIVE);
    var huge = analyze("La livraison était très rapide. ".repeat(200));
    assertThat(huge.language()).isEqualTo(Language.FR);
    assertThat(huge.themes().get(0).evidence()).allMatch(s -> s.end() <= TextAnalyzer.MAX_CHARS);
  }

  @Test
  void taxonomyValidationNamesTheField() {
    var bad = List.of(
        new Taxonomy.Theme("Delivery!", "L", "L", List.of("colis"), List.of()),
        new Taxonomy.Theme("ok", "L", "L", List.of(), List.of()),
        new Taxonomy.Theme("ok", "L", "L", List.of("a*"), List.of(" ")));
    var fields = Taxonomy.validate(bad).asList().stream().map(v -> v.field()).toList();
    assertThat(fields).contains("themes[0].id", "themes[1].terms_fr", "themes[2].id",
        "themes[2].terms_fr[0]", "themes[2].terms_en[0]");
    assertThat(Taxonomy.validate(Taxonomy.defaults().themes()).isEmpty()).isTrue();
  }

  @Test
  void aTenantTaxonomyIsWhatMatches() {
    var custom = TextAnalyzer.compile(new Taxonomy(List.of(
        new Taxonomy.Theme("fidelite", "Fidélité", "Loyalty", List.of("carte de fidelite", "points*"), List.of("loyalty card"))), 1));
    var a = analyzer.analyze("Ma carte de fidélité n'a pas crédité mes points, livraison ok.", custom);
    assertThat(a.themes()).extracting(ThemeMention::themeId).containsExactly("fidelite");
  }

  @Test
  void complaintCuesWithoutAPolarWordAreNegative() {
    for (String text : List.of(
        "Dossier toujours en cours de traitement après un mois.",
        "Le suivi indique livré mais rien dans ma boîte aux lettres.",
        "C'est la quatrième fois que j'appelle.",
        "Pas assez de personnel en caisse.",
        "Personne ne m'a recontacté.",
        "La table est arrivée avec un pied tordu.",
        "Le tiroir ne ferme pas correctement.",
        "Quand vais-je enfin être remboursé ?",
        "Les prix ont encore augmenté.",
        "Aucune trace de ma commande.",
        "Refund still pending.",
        "Tracking says delivered but nothing at my door.",
        "Not enough staff on the tills.",
        "The lamp arrived with a bent base and a chipped shade.",
        "When will I finally get my refund?",
        "Prices have gone up again.",
        "Not the first time this happens.",
        "I won't be back.")) {
      assertThat(analyze(text).sentiment()).as(text).isEqualTo(Sentiment.NEGATIVE);
    }
  }

  @Test
  void aRequestForARemedyIsAComplaintAndItsWishesAreNotPraise() {
    assertThat(analyze("Merci de me rembourser la différence rapidement.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Could you please look into this, the order never came. Thanks.").sentiment())
        .isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Bonjour, j'ai été débité deux fois. Cordialement.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Merci de votre aide, tout est réglé.").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze("Merci de m'indiquer les horaires du magasin.").sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(analyze("Hello, I'd like to change my order. Thanks.").sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(analyze("Pourriez-vous m'envoyer la facture par mail ?").sentiment()).isEqualTo(Sentiment.NEUTRAL);
  }

  @Test
  void oppositeSidesOfAContrastOrAnEllipticComparisonAreMixed() {
    assertThat(analyze("Joli pull, mais il bouloche un peu.").sentiment()).isEqualTo(Sentiment.MIXED);
    assertThat(analyze("Delivery was late but the cabinet is stunning.").sentiment()).isEqualTo(Sentiment.MIXED);
    assertThat(analyze("Le vélo est top, le service après-vente beaucoup moins.").sentiment()).isEqualTo(Sentiment.MIXED);
    assertThat(analyze("The bike is great, after-sales much less so.").sentiment()).isEqualTo(Sentiment.MIXED);
    assertThat(analyze("Beaucoup moins cher qu'ailleurs, ravi.").sentiment()).isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void weakCuesAloneLeaveAFactNeutral() {
    for (String text : List.of(
        "Commande passée il y a deux jours, livraison prévue jeudi.",
        "I returned it after a 10 day trial.",
        "C'est la deuxième fois que je commande ici.",
        "It still works as a backup phone.")) {
      assertThat(analyze(text).sentiment()).as(text).isEqualTo(Sentiment.NEUTRAL);
    }
    assertThat(analyze("Je ne suis pas sûre que ça vaille le coup.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Really worth the money.").sentiment()).isEqualTo(Sentiment.POSITIVE);
  }

  @Test
  void reviewVocabularyComparativesAndRecommendationsArePolar() {
    for (String text : List.of(
        "The blender was a complete disaster.",
        "They really messed up the booking.",
        "Felt let down by the after-sales team.",
        "The jacket fell apart within weeks.",
        "Worse than last time.",
        "Didn't live up to the hype.",
        "I wouldn't recommend this gym.",
        "Not worth the hassle.",
        "Nothing to write home about, and overpriced.",
        "Mouldy bread in a sealed bag.",
        "Plats froids et serveur désagréable.",
        "Une vraie galère, je ne recommande pas.")) {
      assertThat(analyze(text).sentiment()).as(text).isEqualTo(Sentiment.NEGATIVE);
    }
    for (String text : List.of(
        "The concert was better than expected.",
        "Pleasantly surprised by the print quality.",
        "Would definitely recommend the plumber.",
        "The IT helpdesk sorted it out in minutes.",
        "Does the job, no complaints.",
        "Nine out of ten, would come back.",
        "Mieux que prévu !",
        "Tout s'est passé comme sur des roulettes.",
        "Sans aucun doute le meilleur.",
        "Without a doubt the best pizza in town.")) {
      assertThat(analyze(text).sentiment()).as(text).isEqualTo(Sentiment.POSITIVE);
    }
  }

  @Test
  void aNegatorInsideAPhraseIsUsedUpAndCantEnoughIsPraise() {
    assertThat(analyze("Not impressed with the slow service.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Not worth the hassle.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Can't recommend this place enough.").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze("I can't thank the nurse enough.").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze("I can't recommend them.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("It isn't fast enough.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void mildPraiseInAQuestionIsAskedAboutNotAsserted() {
    assertThat(analyze("Is the museum easy to reach by bus?").sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(analyze("Est-ce que le plat est bon ?").sentiment()).isEqualTo(Sentiment.NEUTRAL);
    assertThat(analyze("Great hotel, is breakfast included?").sentiment()).isEqualTo(Sentiment.POSITIVE);
    assertThat(analyze("Why is the app so slow?").sentiment()).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void shameAndApartFromContrastLikeBut() {
    assertThat(analyze("Lovely pizza, shame the service was so slow.").sentiment()).isEqualTo(Sentiment.MIXED);
    assertThat(analyze("Great stay apart from the noisy air conditioning.").sentiment()).isEqualTo(Sentiment.MIXED);
  }

  @Test
  void wordsOfAStemCountForTheLanguage() {
    assertThat(analyze("Hugely disappointing evening.").language()).isEqualTo(Language.EN);
  }

  @Test
  void anAdjectiveAfterItsNounIsAnOpinionNotAnInterjection() {
    assertThat(analyze("Vue magnifique, cabine minuscule et étouffante.").sentiment()).isEqualTo(Sentiment.MIXED);
    assertThat(analyze("Oh great, another lost parcel.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Vraiment génial, encore en retard.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
  }

  @Test
  void aMissingEventOfTheFourthRoundIsAComplaint() {
    assertThat(analyze("They don't care.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Personne ne nous a prévenus.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(analyze("Is the shop open on Sunday?").sentiment()).isEqualTo(Sentiment.NEUTRAL);
  }
}
