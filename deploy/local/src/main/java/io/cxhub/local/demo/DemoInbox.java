package io.cxhub.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The messages the demo's campaigns delivered to the {@link DemoOutbox}, read the way their
 * recipients read them: the survey link in the e-mail's text or in the SMS. Empty folders
 * mean the channel went to a server or provider of the user's own, which the demo cannot read.
 *
 * @param mail the folder of delivered e-mails ({@code *.eml}), when the outbox received e-mail
 * @param sms the folder of delivered SMS ({@code *.json}, the provider's request bodies)
 */
public record DemoInbox(Optional<Path> mail, Optional<Path> sms) {

  /** No outbox: the demo sends no campaign. */
  public static final DemoInbox NONE = new DemoInbox(Optional.empty(), Optional.empty());

  private static final Pattern LINK = Pattern.compile("/s/([A-Za-z0-9_-]{8,})");

  /** The survey link's token of each e-mail recipient (address in lower case). */
  Map<String, String> mailLinks() {
    var links = new HashMap<String, String>();
    var session = Session.getInstance(new Properties());
    for (Path file : files(mail, ".eml")) {
      try (InputStream in = Files.newInputStream(file)) {
        var message = new MimeMessage(session, in);
        var token = LINK.matcher(text(message));
        if (!token.find()) {
          continue; // not an invitation (e.g. the dashboard user's)
        }
        var to = message.getRecipients(Message.RecipientType.TO);
        if (to != null && to.length > 0 && to[0] instanceof InternetAddress address) {
          links.put(address.getAddress().toLowerCase(Locale.ROOT), token.group(1));
        }
      } catch (IOException | MessagingException e) {
        // a file being written or not a message: not a link a recipient could follow
      }
    }
    return links;
  }

  /** The survey link's token of each SMS recipient (the number as sent). */
  Map<String, String> smsLinks() {
    var links = new HashMap<String, String>();
    for (Path file : files(sms, ".json")) {
      try {
        JsonNode body = DemoClient.JSON.readTree(file.toFile());
        var token = LINK.matcher(body.path("text").asText());
        if (token.find()) {
          links.put(body.path("to").asText(), token.group(1));
        }
      } catch (IOException e) {
        // not a message body
      }
    }
    return links;
  }

  private static List<Path> files(Optional<Path> folder, String extension) {
    if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder.get())) {
      return files.filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    if (part.isMimeType("multipart/*")) {
      var multipart = (Multipart) part.getContent();
      var out = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        out.append(text(child));
      }
      return out.toString();
    }
    return "";
  }
}
