package io.cxhub.local.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the demo's invitations go when the person trying the hub has configured no e-mail
 * server ({@code CX_SMTP_HOST}) or SMS provider ({@code CX_SMS_URL}) of their own: an SMTP
 * server and an SMS endpoint on 127.0.0.1, inside the one-jar, that keep every message they
 * receive as a file under the data folder ({@value #MAIL_FOLDER}{@code /*.eml},
 * {@value #SMS_FOLDER}{@code /*.json}). survey-service sends to them through its real senders
 * (the kit's SMTP client, the generic HTTP SMS provider), so the demo's campaigns go through
 * the whole sending path, and nothing leaves the machine.
 *
 * <p>Only {@code --demo} starts it (see {@code LocalConfig#withDemoOutbox}).
 */
public final class DemoOutbox implements AutoCloseable {

  /** The channels the outbox can stand in for. */
  public enum Channel { MAIL, SMS }

  public static final String MAIL_FOLDER = "demo-mail";
  public static final String SMS_FOLDER = "demo-sms";

  private static final Logger log = LoggerFactory.getLogger(DemoOutbox.class);

  private final Optional<GreenMail> smtp;
  private final int smtpPort;
  private final Optional<HttpServer> sms;
  private final Path mailFolder;
  private final Path smsFolder;

  private DemoOutbox(Optional<GreenMail> smtp, int smtpPort, Optional<HttpServer> sms, Path mailFolder,
      Path smsFolder) {
    this.smtp = smtp;
    this.smtpPort = smtpPort;
    this.sms = sms;
    this.mailFolder = mailFolder;
    this.smsFolder = smsFolder;
  }

  /**
   * Starts a sink for each channel asked for, on free ports of 127.0.0.1.
   *
   * @param dataDir the hub's data folder; the messages go to its {@value #MAIL_FOLDER} and
   *     {@value #SMS_FOLDER} sub-folders
   */
  public static DemoOutbox start(Path dataDir, Set<Channel> channels) {
    Path mailFolder = dataDir.resolve(MAIL_FOLDER).toAbsolutePath();
    Path smsFolder = dataDir.resolve(SMS_FOLDER).toAbsolutePath();
    GreenMail smtp = null;
    int smtpPort = 0;
    HttpServer sms = null;
    try {
      if (channels.contains(Channel.MAIL)) {
        var folder = new Folder(mailFolder, ".eml");
        smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        var users = smtp.getUserManager();
        var mailboxes = users.getMessageDeliveryHandler();
        // one file per recipient, as a mailbox would hold it; GreenMail then files it as usual
        users.setMessageDeliveryHandler((message, to) -> {
          try (OutputStream out = folder.next()) {
            message.getMessage().writeTo(out);
          } catch (IOException e) {
            log.warn("demo mail: could not keep a message in {}", mailFolder, e);
          }
          return mailboxes.handle(message, to);
        });
        smtp.start();
      }
      if (channels.contains(Channel.SMS)) {
        var folder = new Folder(smsFolder, ".json");
        sms = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sms.createContext("/sms", exchange -> receiveSms(exchange, folder));
        sms.start();
      }
      log.info("demo outbox: mail {} (SMTP 127.0.0.1:{}), SMS {}", smtp == null ? "-" : mailFolder, smtpPort,
          sms == null ? "-" : smsFolder);
      return new DemoOutbox(Optional.ofNullable(smtp), smtpPort, Optional.ofNullable(sms), mailFolder, smsFolder);
    } catch (IOException | RuntimeException e) {
      if (smtp != null) {
        smtp.stop();
      }
      if (sms != null) {
        sms.stop(0);
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** An SMS provider that takes every message (HTTP 200) and keeps its JSON body. */
  private static void receiveSms(HttpExchange exchange, Folder folder) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      String id;
      try (OutputStream out = folder.next()) {
        out.write(body);
        id = "demo-" + folder.count();
      }
      byte[] reply = ("{\"id\":\"" + id + "\",\"status\":\"accepted\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, reply.length);
      exchange.getResponseBody().write(reply);
    }
  }

  /** The folders the loader reads the delivered messages from, as the recipients would. */
  public DemoInbox inbox() {
    return new DemoInbox(smtp.map(s -> mailFolder), sms.map(s -> smsFolder));
  }

  /** survey-service's senders pointed here (they win over CX_SMTP_* and CX_SMS_*, which are unset). */
  public Map<String, String> surveyServiceProperties() {
    var p = new LinkedHashMap<String, String>();
    if (smtp.isPresent()) {
      p.put("cx.survey.invitations.smtp.host", "127.0.0.1");
      p.put("cx.survey.invitations.smtp.port", Integer.toString(smtpPort));
      p.put("cx.survey.invitations.smtp.security", "none");
      p.put("cx.survey.invitations.smtp.username", "");
      p.put("cx.survey.invitations.smtp.password", "");
    }
    sms.ifPresent(server -> p.put("cx.survey.invitations.sms.url", smsUrl(server).toString()));
    return p;
  }

  /** The gateway's e-mail of dashboard invitations pointed here too. */
  public Map<String, String> gatewayProperties() {
    var p = new LinkedHashMap<String, String>();
    if (smtp.isPresent()) {
      p.put("cx.gateway.mail.host", "127.0.0.1");
      p.put("cx.gateway.mail.port", Integer.toString(smtpPort));
      p.put("cx.gateway.mail.security", "none");
      p.put("cx.gateway.mail.username", "");
      p.put("cx.gateway.mail.password", "");
    }
    return p;
  }

  /** Where e-mail is kept, when this outbox receives it. */
  public Optional<Path> mailFolder() {
    return smtp.map(s -> mailFolder);
  }

  /** Where SMS are kept, when this outbox receives them. */
  public Optional<Path> smsFolder() {
    return sms.map(s -> smsFolder);
  }

  /** The SMTP port on 127.0.0.1, when this outbox receives e-mail. */
  public Optional<Integer> smtpPort() {
    return smtp.map(s -> smtpPort);
  }

  @Override
  public void close() {
    smtp.ifPresent(GreenMail::stop);
    sms.ifPresent(server -> server.stop(0));
  }

  private static URI smsUrl(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A folder of messages named by arrival time, so that a listing reads in order. */
  private static final class Folder {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");
    private final Path path;
    private final String extension;
    private final AtomicLong count = new AtomicLong();

    Folder(Path path, String extension) throws IOException {
      this.path = Files.createDirectories(path);
      this.extension = extension;
    }

    OutputStream next() throws IOException {
      String time = TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
      for (int i = 0; ; i++) {
        try {
          long n = count.incrementAndGet();
          return Files.newOutputStream(path.resolve(time + "-" + n + (i == 0 ? "" : "-" + i) + extension),
              StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          // a file of an earlier run, same millisecond and number: take the next name
        }
      }
    }

    long count() {
      return count.get();
    }
  }
}
