package io.cxhub.local.demo;

import io.cxhub.local.demo.DemoComments.Polarity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's data, generated from a fixed seed for the twelve months before a given day: the
 * same day gives the same data. A French online home-goods shop ("Maison Lumière"): 500
 * customers of three personas, their orders and support contacts, a checkout funnel, and
 * about 3,300 survey answers on five surveys tied to the stages of the purchase journey.
 *
 * <p>Planted, so that the dashboard has something to find: home delivery collapses for about
 * nine weeks in the autumn (a carrier's delays: late, damaged parcels, angry comments), an
 * improvement action (a second carrier) ships at the end of that period and delivery
 * recovers beyond its earlier level, while the rest of the journey improves only slowly
 * through the year (so that the difference-in-differences credits the action with its own
 * effect, not the trend).
 */
final class DemoDataset {

  static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  static final int CUSTOMERS = 500;

  /** The surveys, by key: stage, touchpoint, questions and how customers reach it. */
  enum SurveyKey {
    DISCOVERY("decouverte", "site-web", "CHANNEL_WEB_WIDGET", 0.74),
    CHECKOUT("commande", "paiement", "CHANNEL_IN_APP", 0.71),
    HOME_DELIVERY("livraison", "transporteur", "CHANNEL_SMS", 0.75),
    PICKUP("livraison", "point-relais", "CHANNEL_QR", 0.70),
    SUPPORT("sav", "telephone", "CHANNEL_EMAIL", 0.64);

    final String stage;
    final String touchpoint;
    final String channel;
    final double base;

    SurveyKey(String stage, String touchpoint, String channel, double base) {
      this.stage = stage;
      this.touchpoint = touchpoint;
      this.channel = channel;
      this.base = base;
    }
  }

  /** The three hand-made personas, by key. */
  enum PersonaKey { BUSY_PARENT, BARGAIN_HUNTER, LOYAL_PREMIUM }

  record Customer(String id, String email, String name, PersonaKey persona, String segment, int birthYear, String city) {}

  record Answer(String questionId, Integer score, String text) {}

  record Response(String key, SurveyKey survey, Instant time, String customerId, String channel, List<Answer> answers) {}

  record Event(Map<String, Object> json) {}

  final LocalDate today;
  final LocalDate start;
  /** The last day of data: yesterday (today's answers are the loader's live ones). */
  final LocalDate end;
  /** The carrier's bad period, and the day the action (a second carrier) ships. */
  final LocalDate frictionStart;
  final LocalDate shipDate;
  final List<Customer> customers = new ArrayList<>();
  final List<Response> responses = new ArrayList<>();
  final List<Event> events = new ArrayList<>();

  private final Random random = new Random(20261203L);
  private final double scale;

  /** @param scale the share of the full set of answers to make (1 for the demo; tests use less) */
  DemoDataset(LocalDate today, double scale) {
    this.today = today;
    this.scale = scale;
    this.start = today.minusDays(365);
    this.end = today.minusDays(1);
    this.frictionStart = today.minusDays(110);
    this.shipDate = today.minusDays(47);
    makeCustomers();
    makeOrdersAndContacts();
    makeFunnel();
    makeResponses();
  }

  private static final String[] FIRST = {"Camille", "Léa", "Hugo", "Lucas", "Chloé", "Manon", "Louis", "Emma", "Jules",
      "Inès", "Nathan", "Sarah", "Paul", "Zoé", "Thomas", "Julie", "Alice", "Tom", "Anna", "Maxime"};
  private static final String[] LAST = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
      "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Roux", "Fournier", "Girard"};
  private static final String[] CITIES = {"Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Bordeaux",
      "Strasbourg", "Rennes", "Montpellier"};

  private void makeCustomers() {
    for (int i = 1; i <= CUSTOMERS; i++) {
      double p = random.nextDouble();
      PersonaKey persona = p < 0.40 ? PersonaKey.BUSY_PARENT : p < 0.75 ? PersonaKey.BARGAIN_HUNTER : PersonaKey.LOYAL_PREMIUM;
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      int birthYear = switch (persona) {
        case BUSY_PARENT -> 1980 + random.nextInt(14);
        case BARGAIN_HUNTER -> 1985 + random.nextInt(20);
        case LOYAL_PREMIUM -> 1955 + random.nextInt(25);
      };
      String id = "c-%04d".formatted(i);
      customers.add(new Customer(id, "%s.%s.%d@example.com".formatted(ascii(first), ascii(last), i), first + " " + last,
          persona, random.nextDouble() < 0.15 ? "professionnel" : "particulier", birthYear,
          CITIES[random.nextInt(CITIES.length)]));
    }
  }

  private void makeOrdersAndContacts() {
    int order = 0;
    int ticket = 0;
    for (Customer customer : customers) {
      double perYear = switch (customer.persona()) {
        case BUSY_PARENT -> 6;
        case BARGAIN_HUNTER -> 3;
        case LOYAL_PREMIUM -> 9;
      };
      double basket = switch (customer.persona()) {
        case BUSY_PARENT -> 65;
        case BARGAIN_HUNTER -> 32;
        case LOYAL_PREMIUM -> 125;
      };
      int orders = poisson(perYear);
      for (int k = 0; k < orders; k++) {
        Instant time = at(randomDay(start, end), 8 + random.nextInt(14));
        double amount = Math.max(5, basket * (0.6 + 0.8 * random.nextDouble()));
        events.add(event("ord-" + (++order), "EVENT_TYPE_ORDER_PLACED", time, Map.of("customerId", customer.id(),
            "channel", "CHANNEL_WEB_WIDGET", "amount", Map.of("currencyCode", "EUR", "units", String.valueOf((long) amount),
                "nanos", (int) ((amount - (long) amount) * 100) * 10_000_000))));
      }
      int contacts = poisson(customer.persona() == PersonaKey.BARGAIN_HUNTER ? 2.2 : 1.3);
      for (int k = 0; k < contacts; k++) {
        LocalDate day = contactDay(customer.persona());
        int hour = switch (customer.persona()) {
          case BUSY_PARENT -> 19 + random.nextInt(3);
          case BARGAIN_HUNTER -> 10 + random.nextInt(10);
          case LOYAL_PREMIUM -> 9 + random.nextInt(8);
        };
        String channel = switch (customer.persona()) {
          case BUSY_PARENT -> random.nextDouble() < 0.7 ? "CHANNEL_MESSAGING" : "CHANNEL_EMAIL";
          case BARGAIN_HUNTER -> random.nextDouble() < 0.6 ? "CHANNEL_EMAIL" : "CHANNEL_SUPPORT";
          case LOYAL_PREMIUM -> "CHANNEL_SUPPORT";
        };
        String team = random.nextBoolean() ? "sav-lyon" : "sav-paris";
        boolean inFriction = !day.isBefore(frictionStart) && day.isBefore(shipDate);
        Instant opened = at(day, hour);
        String caseId = "T-" + (++ticket);
        events.add(event(caseId + "-open", "EVENT_TYPE_CONTACT_OPENED", opened,
            Map.of("customerId", customer.id(), "channel", channel, "team", team, "caseId", caseId,
                "stageId", "sav", "touchpointId", "telephone")));
        long firstResponse = channel.equals("CHANNEL_EMAIL") ? 3_600L * (1 + random.nextInt(inFriction ? 30 : 12))
            : 60L * (1 + random.nextInt(inFriction ? 25 : 8));
        events.add(event(caseId + "-frt", "EVENT_TYPE_FIRST_RESPONSE", opened.plusSeconds(firstResponse),
            Map.of("openedTime", opened.toString(), "customerId", customer.id(), "channel", channel, "team", team,
                "caseId", caseId)));
        int contactCount = random.nextDouble() < (inFriction ? 0.55 : 0.74) ? 1 : 2 + random.nextInt(2);
        long handling = 240 + random.nextInt(team.equals("sav-lyon") ? 600 : 900);
        events.add(event(caseId + "-done", "EVENT_TYPE_CASE_RESOLVED", opened.plusSeconds(firstResponse + handling * contactCount),
            Map.of("customerId", customer.id(), "channel", channel, "team", team, "caseId", caseId,
                "contactCount", contactCount, "handlingSeconds", String.valueOf(handling * contactCount))));
      }
    }
  }

  private LocalDate contactDay(PersonaKey persona) {
    for (;;) {
      LocalDate day = randomDay(start, end);
      boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      // bargain hunters write at week-ends, premium customers call on weekdays; more contacts in the bad period
      double keep = switch (persona) {
        case BARGAIN_HUNTER -> weekend ? 1 : 0.45;
        case LOYAL_PREMIUM -> weekend ? 0.1 : 1;
        case BUSY_PARENT -> 0.8;
      };
      if (!day.isBefore(frictionStart) && day.isBefore(shipDate)) {
        keep = Math.min(1, keep * 1.6);
      }
      if (random.nextDouble() < keep) {
        return day;
      }
    }
  }

  private static final String[] STEPS = {"panier", "livraison", "paiement", "confirmation"};

  private void makeFunnel() {
    int session = 0;
    for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
      int sessions = 3 + random.nextInt(4);
      for (int s = 0; s < sessions; s++) {
        session++;
        Instant time = at(day, 9 + random.nextInt(13));
        for (int step = 0; step < STEPS.length; step++) {
          Map<String, Object> fields = Map.of("funnelId", "checkout", "step", STEPS[step], "stepOrder", step + 1,
              "channel", "CHANNEL_WEB_WIDGET", "stageId", "commande");
          events.add(event("f-%d-%d-v".formatted(session, step), "EVENT_TYPE_FUNNEL_STEP_VIEWED", time, fields));
          double pass = switch (step) {
            case 0 -> 0.72;
            case 1 -> 0.85;
            case 2 -> 0.78; // payment: where the checkout loses most
            default -> 1.0;
          };
          if (random.nextDouble() >= pass) {
            break;
          }
          time = time.plusSeconds(30 + random.nextInt(120));
          events.add(event("f-%d-%d-c".formatted(session, step), "EVENT_TYPE_FUNNEL_STEP_COMPLETED", time, fields));
        }
      }
    }
  }

  private void makeResponses() {
    int n = 0;
    for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
      for (SurveyKey survey : SurveyKey.values()) {
        int count = poisson(scale * (survey == SurveyKey.HOME_DELIVERY ? 3.2 : survey == SurveyKey.SUPPORT ? 1.6 : 1.5));
        for (int k = 0; k < count; k++) {
          n++;
          responses.add(response("demo-r-" + n, survey, day));
        }
      }
    }
  }

  private Response response(String key, SurveyKey survey, LocalDate day) {
    Customer customer = random.nextDouble() < 0.85 ? customers.get(random.nextInt(customers.size())) : null;
    double progress = (double) (day.toEpochDay() - start.toEpochDay()) / 364.0;
    double s = survey.base + 0.06 * progress + random.nextGaussian() * 0.16;
    if (customer != null) {
      s += switch (customer.persona()) {
        case BUSY_PARENT -> -0.02;
        case BARGAIN_HUNTER -> -0.05;
        case LOYAL_PREMIUM -> 0.07;
      };
    }
    boolean friction = survey == SurveyKey.HOME_DELIVERY && !day.isBefore(frictionStart) && day.isBefore(shipDate);
    if (friction) {
      s -= 0.15; // NPS about -35 during the crisis against +16 before it: a carrier collapse, not a caricature
    } else if (survey == SurveyKey.HOME_DELIVERY && !day.isBefore(shipDate)) {
      s += 0.08; // the second carrier
    }
    s = Math.max(0, Math.min(1, s));
    int nps = clamp((int) Math.round(s * 10 + random.nextGaussian() * 0.8), 0, 10);
    List<Answer> answers = new ArrayList<>();
    switch (survey) {
      case DISCOVERY -> answers.add(new Answer("nps", nps, null));
      case CHECKOUT -> {
        answers.add(new Answer("nps", nps, null));
        answers.add(new Answer("ces", clamp((int) Math.round(1 + 6 * s + random.nextGaussian() * 0.7), 1, 7), null));
      }
      case HOME_DELIVERY, PICKUP -> {
        answers.add(new Answer("nps", nps, null));
        double delay = friction ? s - 0.1 : s + 0.05;
        answers.add(new Answer("delai", clamp((int) Math.round(1 + 4 * delay + random.nextGaussian() * 0.5), 1, 5), null));
        answers.add(new Answer("etat", clamp((int) Math.round(1 + 4 * (s + 0.1) + random.nextGaussian() * 0.6), 1, 5), null));
        answers.add(new Answer("suivi", clamp((int) Math.round(1 + 4 * s + random.nextGaussian() * 0.8), 1, 5), null));
      }
      case SUPPORT -> {
        answers.add(new Answer("csat", clamp((int) Math.round(1 + 4 * s + random.nextGaussian() * 0.5), 1, 5), null));
        answers.add(new Answer("ces", clamp((int) Math.round(1 + 6 * s + random.nextGaussian() * 0.8), 1, 7), null));
      }
    }
    if (random.nextDouble() < (nps <= 6 ? 0.75 : 0.45)) {
      Polarity polarity = survey == SurveyKey.SUPPORT
          ? (s >= 0.75 ? Polarity.POSITIVE : s >= 0.55 ? Polarity.NEUTRAL : Polarity.NEGATIVE)
          : DemoComments.polarityOfNps(nps);
      answers.add(new Answer("why", null, DemoComments.pick(random, theme(survey, friction), polarity, random.nextDouble() < 0.2)));
    }
    String channel = survey.channel;
    if (survey == SurveyKey.HOME_DELIVERY && random.nextDouble() < 0.4) {
      channel = "CHANNEL_EMAIL";
    } else if (survey == SurveyKey.CHECKOUT && random.nextDouble() < 0.5) {
      channel = "CHANNEL_WEB_WIDGET";
    }
    return new Response(key, survey, at(day, 8 + random.nextInt(14)), customer == null ? null : customer.id(), channel, answers);
  }

  private String theme(SurveyKey survey, boolean friction) {
    double p = random.nextDouble();
    return switch (survey) {
      case DISCOVERY -> p < 0.45 ? "website" : p < 0.75 ? "price" : "product_quality";
      case CHECKOUT -> p < 0.5 ? "payment" : p < 0.8 ? "website" : "price";
      case HOME_DELIVERY -> p < (friction ? 0.9 : 0.65) ? "delivery" : p < 0.85 ? "product_quality" : "price";
      case PICKUP -> p < 0.6 ? "store_pickup" : p < 0.8 ? "delivery" : "product_quality";
      case SUPPORT -> p < 0.7 ? "customer_service" : "returns";
    };
  }

  private static Event event(String id, String type, Instant time, Map<String, Object> fields) {
    var json = new LinkedHashMap<String, Object>();
    json.put("eventId", id);
    json.put("type", type);
    json.put("occurTime", time.toString());
    json.putAll(fields);
    return new Event(json);
  }

  private LocalDate randomDay(LocalDate from, LocalDate to) {
    return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
  }

  /** A time of that day; the data ends yesterday, so it never depends on the time of the load. */
  private Instant at(LocalDate day, int hour) {
    return day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(ZONE).toInstant();
  }

  private int poisson(double mean) {
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  private static String ascii(String name) {
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
  }
}
