package io.cxhub.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxhub.local.demo.DemoDataset.Customer;
import io.cxhub.local.demo.DemoDataset.PersonaKey;
import io.cxhub.local.demo.DemoDataset.Response;
import io.cxhub.local.demo.DemoDataset.SurveyKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Loads the demo tenant through the gateway's public REST API, as a partner system would:
 * tenant {@value #TENANT} with its journey and blueprint, personas, customers, orders and
 * support contacts, twelve months of answers (imported as history with their dates), an
 * alert rule, an improvement action measured on the data, e-mail and SMS invitation campaigns
 * answered by some of their recipients (when the hub has a {@link DemoOutbox}), and a user to
 * sign in with.
 *
 * <p>Idempotent: what exists is found by name and kept, customers are upserts, events and
 * answers carry ids and idempotency keys, so loading again adds nothing.
 */
public final class DemoLoader {

  public static final String TENANT = "demo";
  public static final String USER_EMAIL = "demo@cx-hub.local";
  public static final java.time.ZoneId ZONE = DemoDataset.ZONE;
  static final String JOURNEY = "Achat en ligne";
  static final String ACTION = "Second transporteur pour la livraison à domicile";

  private final DemoClient operator;
  private final Consumer<String> progress;
  private final DemoInbox inbox;
  private DemoClient tenant;

  /**
   * @param gateway the gateway's base URL
   * @param operatorKey an API key of the platform operator (creates the tenant and its key)
   * @param progress where to report what is being done
   */
  public DemoLoader(URI gateway, String operatorKey, Consumer<String> progress) {
    this(gateway, operatorKey, progress, DemoInbox.NONE);
  }

  /**
   * @param inbox where the hub's {@link DemoOutbox} keeps what it delivers: the loader then sends
   *     invitation campaigns on those channels and lets their recipients answer from the messages
   *     they received ({@link DemoInbox#NONE}: no campaign)
   */
  public DemoLoader(URI gateway, String operatorKey, Consumer<String> progress, DemoInbox inbox) {
    this.operator = new DemoClient(gateway, operatorKey);
    this.progress = progress;
    this.inbox = inbox;
  }

  /** What a person needs to look at the demo. */
  public record Loaded(String tenantId, String email, String password, int responses, Optional<String> note) {}

  public Loaded load(String password, LocalDate today) {
    return load(password, today, 1.0);
  }

  /** @param scale the share of the full set of answers to load (tests load less) */
  public Loaded load(String password, LocalDate today, double scale) {
    var data = new DemoDataset(today, scale);
    progress.accept("tenant '" + TENANT + "' (Maison Lumière)");
    createTenant();
    tenant = operator.as(issueKey());
    tenant.call("PATCH", "/v1/metric-settings", Map.of("timeZone", DemoDataset.ZONE.getId()), Map.of());

    progress.accept("personas, journey and blueprint, surveys");
    Map<PersonaKey, String> personas = personas();
    JsonNode journey = journey();
    String journeyId = journey.path("journeyId").asText();
    Map<SurveyKey, String> surveys = surveys(journeyId);

    progress.accept(data.customers.size() + " customers, " + data.events.size() + " orders, contacts and funnel events");
    upsertCustomers(data.customers, personas);
    sendEvents(data);

    progress.accept(data.responses.size() + " answers over twelve months");
    submit(data.responses, surveys);
    awaitCounted(surveys.get(SurveyKey.HOME_DELIVERY),
        data.responses.stream().filter(r -> r.survey() == SurveyKey.HOME_DELIVERY).count());

    progress.accept("alert rule, live answers, improvement action, customer value");
    alertRule(surveys.get(SurveyKey.HOME_DELIVERY));
    liveAnswers(surveys, data.today);
    tenant.post("/v1/customer-value:compute", Map.of());
    Optional<String> note = action(journeyId, data);
    distributions(surveys);
    campaigns(data, surveys, scale);
    ensureUser(password);
    return new Loaded(TENANT, USER_EMAIL, password, data.responses.size(), note);
  }

  /**
   * Loads the demo into a hub that is already running (e.g. deployed with Compose):
   * {@code java -cp cx-hub.jar -Dloader.main=io.cxhub.local.demo.DemoLoader
   * org.springframework.boot.loader.launch.PropertiesLauncher <gateway URL> <operator key>}.
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: DemoLoader <gateway URL> <platform operator API key>");
      System.exit(2);
    }
    String password = System.getenv().getOrDefault("CX_DEMO_PASSWORD", "demo-cx-hub-2026");
    var loaded = new DemoLoader(URI.create(args[0]), args[1], step -> System.out.println("  " + step))
        .load(password, LocalDate.now(ZONE));
    System.out.println("Demo ready: " + loaded.responses() + " answers; sign in as " + loaded.email() + " / "
        + loaded.password());
    loaded.note().ifPresent(note -> System.out.println("  note: " + note));
  }

  private void createTenant() {
    var reply = operator.call("POST", "/v1/admin/tenants", Map.of("tenantId", TENANT, "displayName", "Maison Lumière"),
        Map.of());
    if (!reply.ok() && reply.status() != 409) {
      throw new DemoException("creating tenant " + TENANT + " answered " + reply.status() + ": " + reply.body());
    }
  }

  private String issueKey() {
    JsonNode key = operator.post("/v1/admin/tenants/" + TENANT + "/apiKeys", Map.of("displayName", "demo loader",
        "role", "TENANT_ROLE_ADMIN", "scopes", List.of("SCOPE_READ", "SCOPE_INGEST", "SCOPE_WRITE")));
    return key.path("secret").asText();
  }

  private Map<PersonaKey, String> personas() {
    Map<String, String> existing = byName(tenant.get("/v1/personas?pageSize=100").path("personas"), "name", "personaId");
    var ids = new EnumMap<PersonaKey, String>(PersonaKey.class);
    ids.put(PersonaKey.BUSY_PARENT, existing.computeIfAbsent("Parent pressé", name -> create("/v1/personas", Map.of(
        "name", name, "description", "Commande sur mobile le soir, entre deux activités des enfants.",
        "demographics", Map.of("ageMin", 32, "ageMax", 46),
        "psychographics", Map.of("values", List.of("gain de temps", "fiabilité")),
        "transactional", Map.of("purchasesPerYear", 6, "averageOrderValue", 65),
        "behavioral", Map.of("preferredChannels", List.of("CHANNEL_IN_APP", "CHANNEL_MESSAGING")),
        "goals", List.of("Être livré à la date promise"), "frustrations", List.of("Livraison en retard", "Attente au téléphone")),
        "personaId")));
    ids.put(PersonaKey.BARGAIN_HUNTER, existing.computeIfAbsent("Chasseur de bonnes affaires", name -> create("/v1/personas",
        Map.of("name", name, "description", "Compare les prix, achète pendant les soldes, écrit au SAV le week-end.",
            "demographics", Map.of("ageMin", 21, "ageMax", 40),
            "psychographics", Map.of("values", List.of("prix", "promotions")),
            "transactional", Map.of("purchasesPerYear", 3, "averageOrderValue", 32),
            "behavioral", Map.of("preferredChannels", List.of("CHANNEL_EMAIL", "CHANNEL_WEB_WIDGET")),
            "goals", List.of("Payer le juste prix"), "frustrations", List.of("Frais de port", "Retours payants")),
        "personaId")));
    ids.put(PersonaKey.LOYAL_PREMIUM, existing.computeIfAbsent("Client fidèle premium", name -> create("/v1/personas",
        Map.of("name", name, "description", "Achète souvent des pièces de qualité, appelle le service client en semaine.",
            "demographics", Map.of("ageMin", 45, "ageMax", 70),
            "psychographics", Map.of("values", List.of("qualité", "conseil")),
            "transactional", Map.of("purchasesPerYear", 9, "averageOrderValue", 125),
            "behavioral", Map.of("preferredChannels", List.of("CHANNEL_SUPPORT", "CHANNEL_EMAIL")),
            "goals", List.of("Un conseil personnalisé"), "frustrations", List.of("Produit abîmé")),
        "personaId")));
    return ids;
  }

  private JsonNode journey() {
    for (JsonNode journey : tenant.get("/v1/journeys?pageSize=100").path("journeys")) {
      if (JOURNEY.equals(journey.path("name").asText())) {
        return journey;
      }
    }
    return tenant.post("/v1/journeys", DemoJourney.definition(JOURNEY));
  }

  private Map<SurveyKey, String> surveys(String journeyId) {
    Map<String, String> existing = byName(tenant.get("/v1/surveys?pageSize=100").path("surveys"), "title", "surveyId");
    var ids = new EnumMap<SurveyKey, String>(SurveyKey.class);
    for (SurveyKey key : SurveyKey.values()) {
      Map<String, Object> definition = DemoJourney.survey(key, journeyId);
      String title = (String) definition.get("title");
      ids.put(key, existing.computeIfAbsent(title, t -> create("/v1/surveys", definition, "surveyId")));
    }
    return ids;
  }

  private void upsertCustomers(List<Customer> customers, Map<PersonaKey, String> personas) {
    var batch = new ArrayList<Map<String, Object>>();
    for (Customer c : customers) {
      batch.add(Map.of("customerId", c.id(), "email", c.email(), "displayName", c.name(), "segment", c.segment(),
          "personaId", personas.get(c.persona()),
          "demographics", Map.of("birthYear", c.birthYear(), "country", "FR", "city", c.city()),
          "consent", Map.of("email", true, "sms", c.persona() != PersonaKey.LOYAL_PREMIUM, "profiling", true)));
    }
    tenant.post("/v1/customers:batchUpsert", Map.of("customers", batch));
  }

  private void sendEvents(DemoDataset data) {
    for (int from = 0; from < data.events.size(); from += 250) {
      var batch = data.events.subList(from, Math.min(data.events.size(), from + 250)).stream()
          .map(DemoDataset.Event::json).toList();
      tenant.post("/v1/events:batch", Map.of("events", batch));
    }
  }

  private void submit(List<Response> responses, Map<SurveyKey, String> surveys) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      var futures = new ArrayList<Future<?>>();
      for (Response response : responses) {
        futures.add(pool.submit(() -> submitOne(response, surveys.get(response.survey()), response.time())));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new DemoException(e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted");
    } finally {
      pool.shutdownNow();
    }
  }

  private void submitOne(Response response, String surveyId, Instant time) {
    var answers = new ArrayList<Map<String, Object>>();
    for (DemoDataset.Answer answer : response.answers()) {
      answers.add(answer.score() != null ? Map.of("questionId", answer.questionId(), "score", answer.score())
          : Map.of("questionId", answer.questionId(), "text", answer.text()));
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("answers", answers);
    body.put("channel", response.channel());
    if (time != null) {
      body.put("submitTime", time.toString());
    }
    if (response.customerId() != null) {
      body.put("context", Map.of("customerId", response.customerId(), "locale", "fr-FR"));
    }
    var reply = tenant.call("POST", "/v1/surveys/" + surveyId + "/responses", body,
        Map.of("Idempotency-Key", response.key()));
    if (!reply.ok()) {
      throw new DemoException("answer " + response.key() + " answered " + reply.status() + ": " + reply.body());
    }
  }

  /** Waits until metrics-service has counted every answer of the survey (the relay is asynchronous). */
  private void awaitCounted(String surveyId, long expected) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    long counted = 0;
    while (System.nanoTime() < deadline) {
      counted = tenant.get("/v1/surveys/" + surveyId + "/nps").path("n").asLong();
      if (counted >= expected) {
        return;
      }
      sleep(Duration.ofSeconds(1));
    }
    progress.accept("metrics-service has counted " + counted + " of " + expected + " delivery answers so far; "
        + "the rest follows in the background");
  }

  private void alertRule(String deliverySurveyId) {
    for (JsonNode rule : tenant.get("/v1/alert-rules").path("rules")) {
      if ("Détracteurs livraison".equals(rule.path("name").asText())) {
        return;
      }
    }
    tenant.post("/v1/alert-rules", Map.of("name", "Détracteurs livraison", "enabled", true,
        "conditions", Map.of("surveyId", deliverySurveyId, "categories", List.of("NPS_CATEGORY_DETRACTOR")),
        "actions", Map.of("openCase", true, "team", "service-client")));
  }

  /** A few answers of today, after the alert rule: detractors open cases for the inbox. */
  private void liveAnswers(Map<SurveyKey, String> surveys, LocalDate today) {
    String[][] live = {
        {"0", "Colis abîmé et livré avec 3 jours de retard, personne ne m'a prévenu.", "c-0007"},
        {"3", "Le livreur a laissé le colis devant la porte sous la pluie.", "c-0042"},
        {"10", "Livraison rapide avec le nouveau transporteur, bravo !", "c-0101"},
        {"2", "Still waiting for my parcel, tracking has not moved for days.", "c-0230"},
        {"9", "Parfait, livré le lendemain.", "c-0318"}};
    int i = 0;
    for (String[] answer : live) {
      i++;
      var response = new Response("demo-live-" + today + "-" + i, SurveyKey.HOME_DELIVERY, null, answer[2], "CHANNEL_SMS",
          List.of(new DemoDataset.Answer("nps", Integer.parseInt(answer[0]), null),
              new DemoDataset.Answer("why", null, answer[1])));
      submitOne(response, surveys.get(SurveyKey.HOME_DELIVERY), null);
    }
  }

  private Optional<String> action(String journeyId, DemoDataset data) {
    String actionId = null;
    for (JsonNode action : tenant.get("/v1/journeys/" + journeyId + "/actions?pageSize=100").path("actions")) {
      if (ACTION.equals(action.path("title").asText())) {
        actionId = action.path("actionId").asText();
      }
    }
    if (actionId == null) {
      JsonNode created = tenant.post("/v1/journeys/" + journeyId + "/actions", Map.of("title", ACTION,
          "hypothesis", "Les retards du transporteur actuel font chuter le NPS de la livraison à domicile ; "
              + "un second transporteur sur les zones en retard le ramènera au niveau du reste du parcours.",
          "ownerTeam", "logistique",
          "target", Map.of("frictionId", "touchpoint:transporteur", "stageId", "livraison", "touchpointId", "transporteur"),
          "targetIndicator", "ACTION_INDICATOR_NPS", "targetValue", 40,
          "shipDate", data.shipDate.toString(),
          "measurement", Map.of("windowDays", 28, "settlingDays", 7, "settlingDaysSet", true)));
      actionId = created.path("actionId").asText();
      for (String status : List.of("ACTION_STATUS_PLANNED", "ACTION_STATUS_IN_PROGRESS", "ACTION_STATUS_SHIPPED")) {
        tenant.post("/v1/actions/" + actionId + ":transition", Map.of("status", status));
      }
    }
    var measured = tenant.call("POST", "/v1/actions/" + actionId + ":measure", Map.of(), Map.of());
    if (!measured.ok()) {
      return Optional.of("the action's impact could not be measured yet (" + measured.status() + "): "
          + measured.body().path("detail").asText(measured.body().toString()));
    }
    return Optional.empty();
  }

  private void distributions(Map<SurveyKey, String> surveys) {
    String pickup = surveys.get(SurveyKey.PICKUP);
    if (tenant.get("/v1/surveys/" + pickup + "/distributions?pageSize=10").path("distributions").isEmpty()) {
      tenant.post("/v1/surveys/" + pickup + "/distributions", Map.of("channel", "CHANNEL_QR", "name", "Étiquette colis"));
    }
  }

  private void campaigns(DemoDataset data, Map<SurveyKey, String> surveys, double scale) {
    if (inbox.mail().isEmpty() && inbox.sms().isEmpty()) {
      return;
    }
    progress.accept("invitation campaigns by e-mail and SMS, and the answers of their recipients");
    for (var outcome : new DemoCampaigns(tenant, inbox, progress).run(data.customers, surveys, scale)) {
      progress.accept("  " + outcome.name() + ": " + outcome.invited() + " invited, " + outcome.delivered()
          + " delivered, " + outcome.responded() + " answered");
    }
  }

  private void ensureUser(String password) {
    for (JsonNode user : tenant.get("/v1/admin/tenants/" + TENANT + "/users").path("users")) {
      if (USER_EMAIL.equalsIgnoreCase(user.path("email").asText())) {
        return;
      }
    }
    JsonNode invitation = tenant.post("/v1/admin/tenants/" + TENANT + "/invitations",
        Map.of("email", USER_EMAIL, "role", "TENANT_ROLE_ADMIN"));
    String path = invitation.path("invitePath").asText();
    String secret = path.substring(path.lastIndexOf('/') + 1);
    tenant.post("/auth/invitations/" + secret, Map.of("display_name", "Équipe CX (démo)", "password", password));
  }

  private String create(String path, Object body, String idField) {
    return tenant.post(path, body).path(idField).asText();
  }

  private static Map<String, String> byName(JsonNode items, String nameField, String idField) {
    var map = new HashMap<String, String>();
    for (JsonNode item : items) {
      map.put(item.path(nameField).asText(), item.path(idField).asText());
    }
    return map;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted");
    }
  }
}
