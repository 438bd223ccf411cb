package io.cxhub.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.local.demo.DemoComments.Polarity;
import io.cxhub.local.demo.DemoDataset.Answer;
import io.cxhub.local.demo.DemoDataset.Customer;
import io.cxhub.local.demo.DemoDataset.PersonaKey;
import io.cxhub.local.demo.DemoDataset.SurveyKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The demo's invitation campaigns, through the public API: an e-mail campaign after a
 * contact with customer service and an SMS campaign after a home delivery, to demo customers.
 * survey-service sends them to the {@link DemoOutbox}; then a fixed share of the recipients
 * read their message, open the link and answer (more by e-mail than by SMS), as respondents
 * do, so the campaign reports and the overview's response rates by channel have real figures.
 *
 * <p>Deterministic (who is invited, who answers and what, from a fixed seed per customer) and
 * idempotent (a campaign is found by name; a recipient who has answered answers no more).
 */
final class DemoCampaigns {

  static final String DISTRIBUTION = "Invitations";
  static final String MAIL_CAMPAIGN = "Après un contact avec le service client (e-mail)";
  static final String SMS_CAMPAIGN = "Après une livraison à domicile (SMS)";
  /** The share of the recipients who answer, by channel. */
  static final double MAIL_RATE = 0.35;
  static final double SMS_RATE = 0.20;
  /** The share of the others who open the link and leave without answering. */
  static final double MAIL_OPEN_ONLY = 0.12;
  static final double SMS_OPEN_ONLY = 0.05;
  /** Recipients of the full demo; tests load a share of them. */
  static final int MAIL_RECIPIENTS = 200;
  static final int SMS_RECIPIENTS = 150;
  private static final Duration DELIVERY_WAIT = Duration.ofMinutes(5);

  /** What a campaign did, for the loader's progress lines. */
  record Outcome(String name, long invited, long delivered, long responded) {}

  /** One recipient: who, the address, and whether (and how) they answer. */
  record Invitee(Customer customer, String address, boolean opens, boolean answers, List<Answer> answersGiven) {}

  private final DemoClient tenant;
  private final DemoClient respondent;
  private final DemoInbox inbox;
  private final Consumer<String> progress;

  DemoCampaigns(DemoClient tenant, DemoInbox inbox, Consumer<String> progress) {
    this.tenant = tenant;
    this.respondent = tenant.anonymous();
    this.inbox = inbox;
    this.progress = progress;
  }

  /** Sends the campaigns whose channel the outbox receives, then lets the chosen recipients answer. */
  List<Outcome> run(List<Customer> customers, Map<SurveyKey, String> surveys, double scale) {
    var sent = new ArrayList<Sent>();
    // both campaigns first: survey-service sends them side by side
    if (inbox.mail().isPresent()) {
      sent.add(send(MAIL_CAMPAIGN, surveys.get(SurveyKey.SUPPORT), "CHANNEL_EMAIL",
          invitees(customers, SurveyKey.SUPPORT, scale)));
    }
    if (inbox.sms().isPresent()) {
      sent.add(send(SMS_CAMPAIGN, surveys.get(SurveyKey.HOME_DELIVERY), "CHANNEL_SMS",
          invitees(customers, SurveyKey.HOME_DELIVERY, scale)));
    }
    var outcomes = new ArrayList<Outcome>();
    for (Sent campaign : sent) {
      awaitSent(campaign.id());
      answer(campaign.id(), campaign.channel(), campaign.invitees());
      JsonNode total = tenant.get("/v1/campaigns/" + campaign.id() + "/report").path("total");
      outcomes.add(new Outcome(campaign.name(), total.path("invited").asLong(), total.path("delivered").asLong(),
          total.path("responded").asLong()));
    }
    return outcomes;
  }

  private record Sent(String id, String name, String channel, List<Invitee> invitees) {}

  /**
   * The recipients of a survey's campaign, none invited on both channels: two customers in five
   * by e-mail, the other three by SMS when they consented to it; and who of them answers.
   */
  static List<Invitee> invitees(List<Customer> customers, SurveyKey survey, double scale) {
    boolean mail = survey == SurveyKey.SUPPORT;
    int wanted = (int) Math.max(10, Math.round((mail ? MAIL_RECIPIENTS : SMS_RECIPIENTS) * scale));
    var invitees = new ArrayList<Invitee>();
    for (int i = 0; i < customers.size() && invitees.size() < wanted; i++) {
      Customer c = customers.get(i);
      boolean chosen = mail ? i % 5 < 2 : i % 5 >= 2 && c.persona() != PersonaKey.LOYAL_PREMIUM;
      if (!chosen) {
        continue;
      }
      var random = new Random(seed(i, mail));
      double p = random.nextDouble();
      boolean answers = p < (mail ? MAIL_RATE : SMS_RATE);
      boolean opens = answers || p < (mail ? MAIL_RATE + MAIL_OPEN_ONLY : SMS_RATE + SMS_OPEN_ONLY);
      invitees.add(new Invitee(c, mail ? c.email() : phone(i + 1), opens, answers,
          answers ? answers(random, survey, c) : List.of()));
    }
    return invitees;
  }

  /**
   * The customer's own seed. java.util.Random's first draws follow its seed closely, so
   * neighbouring seeds are spread first (SplitMix64's finaliser).
   */
  private static long seed(int customerIndex, boolean mail) {
    long z = (20261203L + customerIndex * 2L + (mail ? 0 : 1)) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A number of the range set aside for fiction (06 39 98 xx xx): nobody's phone. */
  static String phone(int customerNumber) {
    return "+3363998%04d".formatted(customerNumber % 10_000);
  }

  /** Answers as the survey asks them, after the second carrier: delivery mostly satisfied. */
  private static List<Answer> answers(Random random, SurveyKey survey, Customer customer) {
    double s = survey.base + 0.06 + (survey == SurveyKey.HOME_DELIVERY ? 0.08 : 0) + random.nextGaussian() * 0.16
        + switch (customer.persona()) {
          case BUSY_PARENT -> -0.02;
          case BARGAIN_HUNTER -> -0.05;
          case LOYAL_PREMIUM -> 0.07;
        };
    s = Math.max(0, Math.min(1, s));
    var answers = new ArrayList<Answer>();
    Polarity polarity;
    String theme;
    if (survey == SurveyKey.HOME_DELIVERY) {
      int nps = clamp((int) Math.round(s * 10 + random.nextGaussian() * 0.8), 0, 10);
      answers.add(new Answer("nps", nps, null));
      answers.add(new Answer("delai", clamp((int) Math.round(1 + 4 * (s + 0.05) + random.nextGaussian() * 0.5), 1, 5), null));
      answers.add(new Answer("etat", clamp((int) Math.round(1 + 4 * (s + 0.1) + random.nextGaussian() * 0.6), 1, 5), null));
      answers.add(new Answer("suivi", clamp((int) Math.round(1 + 4 * s + random.nextGaussian() * 0.8), 1, 5), null));
      polarity = DemoComments.polarityOfNps(nps);
      theme = random.nextDouble() < 0.7 ? "delivery" : "product_quality";
    } else {
      answers.add(new Answer("csat", clamp((int) Math.round(1 + 4 * s + random.nextGaussian() * 0.5), 1, 5), null));
      answers.add(new Answer("ces", clamp((int) Math.round(1 + 6 * s + random.nextGaussian() * 0.8), 1, 7), null));
      polarity = s >= 0.75 ? Polarity.POSITIVE : s >= 0.55 ? Polarity.NEUTRAL : Polarity.NEGATIVE;
      theme = random.nextDouble() < 0.7 ? "customer_service" : "returns";
    }
    // fewer comments than on the web: a phone keyboard, an e-mail read on the go
    if (random.nextDouble() < (polarity == Polarity.NEGATIVE ? 0.6 : 0.3)) {
      answers.add(new Answer("why", null, DemoComments.pick(random, theme, polarity, random.nextDouble() < 0.2)));
    }
    return answers;
  }

  /** Creates the campaign, unless an earlier load did. */
  private Sent send(String name, String surveyId, String channel, List<Invitee> invitees) {
    String distributionId = distribution(surveyId);
    for (JsonNode c : tenant.get("/v1/distributions/" + distributionId + "/campaigns").path("campaigns")) {
      if (name.equals(c.path("name").asText())) {
        return new Sent(c.path("campaignId").asText(), name, channel, invitees);
      }
    }
    var recipients = new ArrayList<Map<String, Object>>();
    for (Invitee invitee : invitees) {
      recipients.add(Map.of("customerId", invitee.customer().id(), "name", invitee.customer().name(),
          "CHANNEL_EMAIL".equals(channel) ? "email" : "phone", invitee.address()));
    }
    var campaign = new LinkedHashMap<String, Object>();
    campaign.put("name", name);
    campaign.put("channel", channel);
    campaign.put("language", "fr");
    if ("CHANNEL_EMAIL".equals(channel)) {
      // the ones who have not answered in three days get one reminder, if the hub still runs
      campaign.put("reminderAfter", "259200s");
    }
    String id = tenant.post("/v1/distributions/" + distributionId + "/campaigns",
        Map.of("campaign", campaign, "recipients", recipients)).path("campaignId").asText();
    return new Sent(id, name, channel, invitees);
  }

  /** The survey's link distribution the campaigns send (found by name, created once). */
  private String distribution(String surveyId) {
    for (JsonNode d : tenant.get("/v1/surveys/" + surveyId + "/distributions?pageSize=100").path("distributions")) {
      if (DISTRIBUTION.equals(d.path("name").asText()) && "CHANNEL_LINK".equals(d.path("channel").asText())) {
        return d.path("distributionId").asText();
      }
    }
    return tenant.post("/v1/surveys/" + surveyId + "/distributions", Map.of("channel", "CHANNEL_LINK",
        "name", DISTRIBUTION)).path("distributionId").asText();
  }

  /** Waits until survey-service has handed every invitation to the outbox (or given up on it). */
  private void awaitSent(String campaignId) {
    long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
    JsonNode total;
    do {
      total = tenant.get("/v1/campaigns/" + campaignId + "/report").path("total");
      long done = total.path("sent").asLong() + total.path("failed").asLong() + total.path("suppressed").asLong();
      if (done >= total.path("invited").asLong()) {
        return;
      }
      pause();
    } while (System.nanoTime() < deadline);
    progress.accept("campaign " + campaignId + ": " + total.path("queued").asText() + " invitations still queued; "
        + "they are sent in the background and their recipients do not answer");
  }

  /** The chosen recipients follow the link of the message they received and answer. */
  private void answer(String campaignId, String channel, List<Invitee> invitees) {
    boolean mail = "CHANNEL_EMAIL".equals(channel);
    Map<String, String> links = mail ? inbox.mailLinks() : inbox.smsLinks();
    Map<String, JsonNode> invitations = invitations(campaignId);
    for (Invitee invitee : invitees) {
      String address = mail ? invitee.address().toLowerCase(Locale.ROOT) : invitee.address();
      JsonNode invitation = invitations.get(invitee.customer().id());
      String token = links.get(address);
      if (!invitee.opens() || invitation == null || token == null) {
        continue;
      }
      if (invitation.hasNonNull("openTime") && (!invitee.answers() || invitation.hasNonNull("respondTime"))) {
        continue; // done on an earlier load
      }
      respondent.get("/v1/public/surveys/" + token);
      if (!invitee.answers()) {
        continue;
      }
      var answers = new ArrayList<Map<String, Object>>();
      for (Answer a : invitee.answersGiven()) {
        answers.add(a.score() != null ? Map.of("questionId", a.questionId(), "score", a.score())
            : Map.of("questionId", a.questionId(), "text", a.text()));
      }
      var reply = respondent.call("POST", "/v1/public/surveys/" + token + "/responses", Map.of("answers", answers),
          Map.of("Idempotency-Key", "demo-invited-" + campaignId + "-" + invitee.customer().id()));
      if (!reply.ok()) {
        throw new DemoException("the answer of invitee " + invitee.customer().id() + " answered " + reply.status()
            + ": " + reply.body());
      }
    }
  }

  /** The campaign's invitations by customer id (the API masks their addresses). */
  private Map<String, JsonNode> invitations(String campaignId) {
    var byCustomer = new HashMap<String, JsonNode>();
    String page = "";
    do {
      JsonNode list = tenant.get("/v1/campaigns/" + campaignId + "/invitations?pageSize=100"
          + (page.isEmpty() ? "" : "&pageToken=" + DemoClient.query(page)));
      for (JsonNode invitation : list.path("invitations")) {
        byCustomer.put(invitation.path("customerId").asText(), invitation);
      }
      page = list.path("nextPageToken").asText();
    } while (!page.isEmpty());
    return byCustomer;
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted");
    }
  }
}
