package io.cxhub.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.session.Invitation;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class InvitationMailTest {

  private static final String URL = "https://cx.example.test/app/#/invite/s3cr3t-_x";

  private static InvitationNotifier.Notice notice(String tenantName, Role role, String language) {
    var invitation = new Invitation("hash", "inv-1", "acme", "ana@example.test", role,
        Instant.parse("2026-12-03T14:00:00Z"), Instant.parse("2026-12-10T14:05:00Z"), Optional.empty());
    return new InvitationNotifier.Notice(invitation, tenantName, language, URL);
  }

  @Test
  void englishNamesTheTenantTheRoleTheLinkAndTheExpiry() {
    var mail = InvitationMail.of(notice("Acme", Role.ANALYST, "en"));

    assertThat(mail.to()).isEqualTo("ana@example.test");
    assertThat(mail.subject()).isEqualTo("You are invited to join Acme on CX Hub");
    assertThat(mail.text()).contains("join Acme on CX Hub as Analyst").contains(URL)
        .contains("expires on").contains("December 10, 2026").contains(" UTC");
    assertThat(mail.html()).startsWith("<!DOCTYPE html><html lang=\"en\">").contains("href=\"" + URL + "\"");
    assertThat(mail.headers()).containsEntry("X-CX-Invitation", "inv-1").containsEntry("Auto-Submitted", "auto-generated");
  }

  @Test
  void frenchWhenAskedFor() {
    var mail = InvitationMail.of(notice("Acme", Role.ADMIN, "fr"));

    assertThat(mail.subject()).isEqualTo("Invitation à rejoindre Acme sur CX Hub");
    assertThat(mail.text()).contains("avec le rôle Administrateur").contains("expire le 10 décembre 2026").contains(URL);
    assertThat(mail.html()).contains("lang=\"fr\"").contains("Accepter l&#39;invitation");
  }

  @Test
  void everyValueIsEscapedInTheHtmlButNotInTheText() {
    var mail = InvitationMail.of(notice("<script>alert('x')</script> & \"Co\"", Role.VIEWER, "en"));

    assertThat(mail.html()).doesNotContain("<script>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
    assertThat(mail.text()).contains("<script>alert('x')</script> & \"Co\"");
  }
}
