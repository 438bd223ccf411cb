package io.cxhub.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's outbox keeps what it is sent under the data folder, and the inbox reads each
 * recipient's survey link back from it, as the recipient would.
 */
class DemoOutboxTest {

  @TempDir
  Path data;

  @Test
  void keepsEachEmailAndSmsAsAFileAndTheInboxFindsEachRecipientsLink() throws Exception {
    try (var outbox = DemoOutbox.start(data, Set.of(DemoOutbox.Channel.MAIL, DemoOutbox.Channel.SMS))) {
      var props = new Properties();
      props.put("mail.smtp.host", "127.0.0.1");
      props.put("mail.smtp.port", Integer.toString(outbox.smtpPort().orElseThrow()));
      var mail = new MimeMessage(Session.getInstance(props));
      mail.setFrom(new InternetAddress("no-reply@localhost"));
      mail.setRecipient(Message.RecipientType.TO, new InternetAddress("Alice.Martin.1@example.com"));
      mail.setSubject("Votre avis");
      mail.setText("Bonjour Alice, répondez ici : http://localhost:8080/s/abc123def456ghi7\n", "UTF-8");
      Transport.send(mail);

      String smsUrl = outbox.surveyServiceProperties().get("cx.survey.invitations.sms.url");
      var reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(smsUrl))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"to\":\"+33639980002\",\"from\":\"\",\"text\":\"Votre avis : http://localhost:8080/s/zyx987wvu654\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(reply.statusCode()).isEqualTo(200);

      assertThat(files(data.resolve(DemoOutbox.MAIL_FOLDER))).hasSize(1).allMatch(f -> f.toString().endsWith(".eml"));
      assertThat(files(data.resolve(DemoOutbox.SMS_FOLDER))).hasSize(1).allMatch(f -> f.toString().endsWith(".json"));
      var inbox = outbox.inbox();
      assertThat(inbox.mailLinks()).containsExactly(java.util.Map.entry("alice.martin.1@example.com", "abc123def456ghi7"));
      assertThat(inbox.smsLinks()).containsExactly(java.util.Map.entry("+33639980002", "zyx987wvu654"));
      assertThat(outbox.surveyServiceProperties())
          .containsEntry("cx.survey.invitations.smtp.host", "127.0.0.1")
          .containsEntry("cx.survey.invitations.smtp.security", "none");
      assertThat(outbox.gatewayProperties()).containsEntry("cx.gateway.mail.security", "none");
    }
  }

  @Test
  void standsInOnlyForTheChannelsAskedFor() {
    try (var outbox = DemoOutbox.start(data, Set.of(DemoOutbox.Channel.SMS))) {
      assertThat(outbox.mailFolder()).isEmpty();
      assertThat(outbox.smtpPort()).isEmpty();
      assertThat(outbox.inbox().mail()).isEmpty();
      assertThat(outbox.surveyServiceProperties()).containsOnlyKeys("cx.survey.invitations.sms.url");
      assertThat(outbox.gatewayProperties()).isEmpty();
    }
  }

  @Test
  void invitesAFixedShareOfTheCustomersAndFictitiousNumbers() {
    var customers = new DemoDataset(java.time.LocalDate.of(2026, 12, 3), 0.05).customers;
    var mail = DemoCampaigns.invitees(customers, DemoDataset.SurveyKey.SUPPORT, 1.0);
    var sms = DemoCampaigns.invitees(customers, DemoDataset.SurveyKey.HOME_DELIVERY, 1.0);
    assertThat(mail).hasSize(DemoCampaigns.MAIL_RECIPIENTS);
    assertThat(sms).hasSize(DemoCampaigns.SMS_RECIPIENTS)
        .allMatch(i -> i.address().startsWith("+3363998"))
        .allMatch(i -> i.customer().persona() != DemoDataset.PersonaKey.LOYAL_PREMIUM);
    assertThat(DemoCampaigns.invitees(customers, DemoDataset.SurveyKey.SUPPORT, 1.0)).as("the same every time")
        .isEqualTo(mail);
    double mailRate = mail.stream().filter(DemoCampaigns.Invitee::answers).count() / (double) mail.size();
    double smsRate = sms.stream().filter(DemoCampaigns.Invitee::answers).count() / (double) sms.size();
    assertThat(mailRate).isBetween(0.25, 0.45);
    assertThat(smsRate).isBetween(0.12, 0.28);
  }

  private static java.util.List<Path> files(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}
