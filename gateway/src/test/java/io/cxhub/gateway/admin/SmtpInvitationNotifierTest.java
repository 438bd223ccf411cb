package io.cxhub.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.session.Invitation;
import io.cxhub.kit.mail.SmtpMailer;
import io.cxhub.kit.mail.SmtpSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.scheduler.Schedulers;

/** A silent or absent SMTP server never fails an invitation, and the logs never show its secret. */
@ExtendWith(OutputCaptureExtension.class)
class SmtpInvitationNotifierTest {

  private static final String SECRET = "the-secret-0123456789";

  private static InvitationNotifier.Notice notice() {
    var invitation = new Invitation("hash", "inv-7", "acme", "ana@example.test", Role.VIEWER,
        Instant.parse("2026-12-03T14:00:00Z"), Instant.parse("2026-12-10T14:00:00Z"), Optional.empty());
    return new InvitationNotifier.Notice(invitation, "Acme", "en", "https://cx.example.test/app/#/invite/" + SECRET);
  }

  private static SmtpInvitationNotifier notifier(int port, Duration sendTimeout) {
    var settings = new SmtpSettings("127.0.0.1", port, "", "", "hub@example.test", "none",
        Duration.ofSeconds(30), Duration.ofSeconds(30));
    return new SmtpInvitationNotifier(new SmtpMailer(settings), Schedulers.boundedElastic(), sendTimeout);
  }

  @Test
  void aServerThatNeverAnswersIsGivenUpAfterTheSendTimeout(CapturedOutput logs) throws Exception {
    // the operating system accepts the connection; nobody ever sends the SMTP greeting
    try (var silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      boolean sent = notifier(silent.getLocalPort(), Duration.ofMillis(300)).notify(notice());

      assertThat(sent).isFalse();
    }
    assertThat(logs.getAll()).contains("invitation e-mail not sent tenant=acme invitationId=inv-7: no answer")
        .doesNotContain(SECRET);
  }

  @Test
  void noServerAtAllIsNotSentAndLoggedWithoutTheSecret(CapturedOutput logs) throws Exception {
    int closed;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    assertThat(notifier(closed, Duration.ofSeconds(20)).notify(notice())).isFalse();
    assertThat(logs.getAll()).contains("invitation e-mail not sent tenant=acme invitationId=inv-7 outcome=RETRY")
        .doesNotContain(SECRET);
  }
}
