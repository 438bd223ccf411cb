package io.cxhub.survey.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.domain.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationTextsTest {

  private static Campaign.Builder campaign(Channel channel) {
    return Campaign.builder().tenantId("t").campaignId("c").distributionId("d").surveyId("s").channel(channel)
        .subject("Votre <avis>").createTime(Instant.EPOCH);
  }

  private static Invitation to(String name) {
    return Invitation.builder().tenantId("t").invitationId("i").campaignId("c").channel(Channel.EMAIL)
        .address("a@example.test").token("tok").name(name).createTime(Instant.EPOCH).build();
  }

  @Test
  void theHtmlPartEscapesWhatTheCallerWroteAndPutsTheLinkWhereItIsMarked() {
    var texts = InvitationTexts.compose(campaign(Channel.EMAIL).message("Hi {name} <b>!</b>\n\nGo: {link}\n\nBye").build(),
        to("Zoë & co"), MessageKind.INVITATION, "https://cx.test/s/tok", "https://cx.test/out/tok");

    assertThat(texts.subject()).isEqualTo("Votre <avis>");
    assertThat(texts.text()).startsWith("Hi Zoë & co <b>!</b>\n\nGo: https://cx.test/s/tok\n\nBye")
        .contains("https://cx.test/out/tok");
    assertThat(texts.html()).contains("Hi Zoë &amp; co &lt;b&gt;!&lt;/b&gt;")
        .contains("<p>Go: <a href=\"https://cx.test/s/tok\"")
        .contains("<a href=\"https://cx.test/out/tok\"")
        .contains("<html lang=\"en\">");
  }

  @Test
  void theDefaultTextIsInTheCampaignsLanguageAndReadsWellWithoutAName() {
    var texts = InvitationTexts.compose(campaign(Channel.EMAIL).language("fr").build(), to(""),
        MessageKind.REMINDER, "https://cx.test/s/tok", "https://cx.test/out/tok");
    assertThat(texts.subject()).isEqualTo("Rappel : Votre <avis>");
    assertThat(texts.text()).startsWith("Petit rappel").contains("Bonjour,\n").contains("https://cx.test/s/tok")
        .contains("Pour ne plus recevoir");
    assertThat(texts.html()).contains("Répondre au questionnaire").contains("se désinscrire");
  }

  @Test
  void anSmsWithoutALinkMarkerGetsTheLinkAppendedAndAnOptOut() {
    var texts = InvitationTexts.compose(campaign(Channel.SMS).message("Merci {name} !").build(), to("Léa"),
        MessageKind.INVITATION, "https://cx.test/s/tok", "https://cx.test/out/tok");
    assertThat(texts.text()).isEqualTo("Merci Léa !\n\nhttps://cx.test/s/tok\nNo more surveys: https://cx.test/out/tok");
    assertThat(texts.html()).isEmpty();
  }
}
