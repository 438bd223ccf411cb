package io.cxhub.journey.journey;

import io.cxhub.journey.journey.Journey.Stage;
import io.cxhub.journey.journey.Journey.Touchpoint;
import io.cxhub.kit.domain.Channel;
import java.util.List;

/** Ready-made journey drafts for tests. */
final class JourneyFixtures {

  private JourneyFixtures() {}

  /** An online purchase journey with ids left to derive. */
  static JourneyMap onlinePurchase() {
    return new JourneyMap("Online purchase", "From first visit to after-sales.", List.of(
        stage("Découverte", touchpoint("Publicité réseaux sociaux", Channel.SOCIAL)),
        stage("Achat", touchpoint("Page de paiement", Channel.WEB_WIDGET), touchpoint("E-mail de confirmation", Channel.EMAIL)),
        stage("Livraison", touchpoint("SMS de suivi", Channel.SMS)),
        stage("Après-vente", touchpoint("Service client", Channel.SUPPORT), touchpoint("E-mail", Channel.EMAIL))));
  }

  static JourneyMap named(String name) {
    return new JourneyMap(name, "", List.of(stage("Purchase")));
  }

  static JourneyMap withStages(Stage... stages) {
    return new JourneyMap("Journey", "", List.of(stages));
  }

  static Stage stage(String name, Touchpoint... touchpoints) {
    return new Stage("", name, "", List.of(touchpoints));
  }

  static Stage stageWithId(String id, String name, Touchpoint... touchpoints) {
    return new Stage(id, name, "", List.of(touchpoints));
  }

  static Touchpoint touchpoint(String name, Channel channel) {
    return new Touchpoint("", name, channel, "");
  }

  static Touchpoint touchpointWithId(String id, String name, Channel channel) {
    return new Touchpoint(id, name, channel, "");
  }
}
