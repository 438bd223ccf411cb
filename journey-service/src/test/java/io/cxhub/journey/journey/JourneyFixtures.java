package io.cxhub.journey.journey;

import io.cxhub.journey.journey.JourneyDraft.StageDraft;
import io.cxhub.journey.journey.JourneyDraft.TouchpointDraft;
import io.cxhub.kit.domain.Channel;
import java.util.List;

/** Ready-made journey drafts for tests. */
final class JourneyFixtures {

  private JourneyFixtures() {}

  /** An online purchase journey with ids left to derive. */
  static JourneyDraft onlinePurchase() {
    return new JourneyDraft("Online purchase", "From first visit to after-sales.", List.of(
        stage("Découverte", touchpoint("Publicité réseaux sociaux", Channel.SOCIAL)),
        stage("Achat", touchpoint("Page de paiement", Channel.WEB_WIDGET), touchpoint("E-mail de confirmation", Channel.EMAIL)),
        stage("Livraison", touchpoint("SMS de suivi", Channel.SMS)),
        stage("Après-vente", touchpoint("Service client", Channel.SUPPORT), touchpoint("E-mail", Channel.EMAIL))));
  }

  static JourneyDraft named(String name) {
    return new JourneyDraft(name, "", List.of(stage("Purchase")));
  }

  static JourneyDraft withStages(StageDraft... stages) {
    return new JourneyDraft("Journey", "", List.of(stages));
  }

  static StageDraft stage(String name, TouchpointDraft... touchpoints) {
    return new StageDraft("", name, "", List.of(touchpoints));
  }

  static StageDraft stageWithId(String id, String name, TouchpointDraft... touchpoints) {
    return new StageDraft(id, name, "", List.of(touchpoints));
  }

  static TouchpointDraft touchpoint(String name, Channel channel) {
    return new TouchpointDraft("", name, channel, "");
  }

  static TouchpointDraft touchpointWithId(String id, String name, Channel channel) {
    return new TouchpointDraft(id, name, channel, "");
  }
}
