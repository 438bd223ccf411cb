package io.cxhub.kit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared SMTP sender against a real SMTP server (GreenMail) and a closed port. */
class SmtpMailerTest {

  private GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  private static SmtpSettings settings(int port) {
    return new SmtpSettings("127.0.0.1", port, "", "", "CX Hub <hub@example.test>", "none",
        Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void sendsTextAndHtmlAlternativesWithTheGivenHeaders() throws Exception {
    var mailer = new SmtpMailer(settings(smtp.getSmtp().getPort()));

    var result = mailer.send(new MailMessage("ana@example.test", "Bienvenue — CX", "plain body", "<p>html body</p>",
        Map.of("Auto-Submitted", "auto-generated")));

    assertThat(result.accepted()).isTrue();
    var received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Bienvenue — CX");
    assertThat(received[0].getFrom()[0].toString()).contains("hub@example.test");
    assertThat(received[0].getHeader("Auto-Submitted")).containsExactly("auto-generated");
    var parts = (MimeMultipart) received[0].getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("plain body");
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>html body</p>");
  }

  @Test
  void noServerListeningIsARetryNotAnException() throws Exception {
    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    var result = new SmtpMailer(settings(closed)).send(new MailMessage("ana@example.test", "s", "t", "<p>h</p>", null));

    assertThat(result.outcome()).isEqualTo(MailResult.Outcome.RETRY);
    assertThat(result.error()).isNotEmpty();
  }

  @Test
  void withoutAHostNothingIsConfigured() {
    var mailer = new SmtpMailer(new SmtpSettings("", 587, null, null, "x@example.test", "starttls", null, null));

    assertThat(mailer.configured()).isFalse();
    assertThat(mailer.send(new MailMessage("a@example.test", "s", "t", "h", null)).outcome())
        .isEqualTo(MailResult.Outcome.FAILED);
  }

  @Test
  void securityIsStarttlsTlsSslOrNone() {
    assertThat(settings(25).securityMode()).isEqualTo(SmtpSettings.Security.NONE);
    assertThat(new SmtpSettings("h", 465, "", "", "a@b.c", "SSL", null, null).securityMode())
        .isEqualTo(SmtpSettings.Security.TLS);
    assertThatThrownBy(() -> new SmtpMailer(new SmtpSettings("h", 25, "", "", "a@b.c", "tsl", null, null)))
        .hasMessageContaining("CX_SMTP_SECURITY");
  }
}
