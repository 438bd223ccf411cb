package io.cxhub.survey.response.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.cxhub.embedded.EmbeddedMongo;
import io.cxhub.kit.trace.TraceParents;
import io.cxhub.survey.alert.AlertEvaluation;
import io.cxhub.survey.outbox.OutboxSubscriber;
import io.cxhub.survey.outbox.OutboxSubscription;
import io.cxhub.survey.relay.MetricsRelay;
import io.cxhub.survey.response.OutboxState;
import io.cxhub.survey.response.SurveyResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Responses stored before the named-subscriber outbox ({@code outbox.state},
 * {@code alerting.state}) are still relayed and evaluated once the adapter has started.
 */
class LegacyOutboxMigrationIT {

  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

  @TempDir
  Path dataDir;

  private EmbeddedMongo mongo;
  private MongoClient client;
  private MongoDatabase database;

  @BeforeEach
  void start() {
    mongo = EmbeddedMongo.startOnFreePort(dataDir);
    client = MongoClients.create(mongo.connectionString("cx_survey"));
    database = client.getDatabase("cx_survey");
  }

  @AfterEach
  void stop() {
    client.close();
    mongo.close();
  }

  /** A response as the adapter wrote it before named subscribers. */
  private static Document legacy(String tenant, String id, String relayState, String alertState) {
    var relay = new Document("state", relayState).append("attempts", 2)
        .append("nextAttemptAt", Date.from(T0.plusSeconds(30)));
    if ("DELIVERED".equals(relayState)) {
      relay.append("deliveredAt", Date.from(T0.plusSeconds(5)));
    }
    var d = new Document("_id", tenant + ":" + id).append("tenantId", tenant).append("responseId", id)
        .append("surveyId", "s1").append("surveyVersion", 1).append("channel", "LINK")
        .append("submitTime", Date.from(T0))
        .append("answers", List.of(new Document("questionId", "nps").append("kind", "NPS")
            .append("scaleMin", 0).append("scaleMax", 10).append("score", 3)))
        .append("outbox", relay);
    if (alertState != null) {
      d.append("alerting", new Document("state", alertState));
    }
    return d;
  }

  private MongoSurveyResponses open() {
    return new MongoSurveyResponses(database, List.of(subscription(MetricsRelay.NAME), subscription(AlertEvaluation.NAME)),
        TraceParents.NOOP);
  }

  private static OutboxSubscription subscription(String name) {
    return new OutboxSubscription(new OutboxSubscriber() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public java.util.Set<String> handle(String tenantId, List<SurveyResponse> batch) {
        return java.util.Set.of();
      }
    }, null, false);
  }

  private static List<String> ids(List<SurveyResponse> responses) {
    return responses.stream().map(SurveyResponse::responseId).sorted().toList();
  }

  @Test
  void legacyPendingResponsesAreRelayedAndEvaluatedAfterTheUpgrade() {
    var collection = database.getCollection(MongoSurveyResponses.COLLECTION);
    collection.insertMany(List.of(
        legacy("acme", "r1", "PENDING", "PENDING"),
        legacy("acme", "r2", "DELIVERED", "DONE"),
        legacy("acme", "r3", "DELIVERED", "PENDING"),
        legacy("acme", "r4", "PENDING", null),      // stored before alerting existed
        legacy("globex", "g1", "PENDING", "FAILED")));
    // globex was never registered (responses older than the tenant registry)
    database.getCollection(MongoSurveyResponses.TENANTS).insertOne(new Document("_id", "acme"));

    var responses = open();

    assertThat(ids(responses.due(MetricsRelay.NAME, "acme", LATER, 100))).containsExactly("r1", "r4");
    assertThat(ids(responses.due(AlertEvaluation.NAME, "acme", LATER, 100))).containsExactly("r1", "r3");
    assertThat(ids(responses.due(MetricsRelay.NAME, "globex", LATER, 100))).containsExactly("g1");
    assertThat(responses.due(AlertEvaluation.NAME, "globex", LATER, 100)).isEmpty();
    assertThat(responses.tenantsPending(MetricsRelay.NAME)).containsExactlyInAnyOrder("acme", "globex");
    assertThat(responses.lag(MetricsRelay.NAME).pending()).isEqualTo(3);
    assertThat(responses.lag(AlertEvaluation.NAME).pending()).isEqualTo(2);

    var r2 = responses.find("acme", "r2").orElseThrow().outbox().subscribers();
    assertThat(r2.get(MetricsRelay.NAME).state()).isEqualTo(OutboxState.DELIVERED);
    assertThat(r2.get(MetricsRelay.NAME).doneAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(r2.get(AlertEvaluation.NAME).state()).isEqualTo(OutboxState.DELIVERED);
    var r1 = responses.find("acme", "r1").orElseThrow().outbox().subscribers().get(MetricsRelay.NAME);
    assertThat(r1.attempts()).isEqualTo(2);
    assertThat(r1.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(responses.find("globex", "g1").orElseThrow().outbox().subscribers().get(AlertEvaluation.NAME).state())
        .isEqualTo(OutboxState.FAILED);
    assertThat(collection.countDocuments(Filters.exists("alerting"))).isZero();
    assertThat(collection.countDocuments(Filters.exists("outbox.state"))).isZero();

    // delivered once migrated: the counters follow
    responses.delivered(MetricsRelay.NAME, "acme", List.of("r1", "r4"), LATER);
    assertThat(responses.lag(MetricsRelay.NAME).pending()).isEqualTo(1);
  }

  @Test
  void aSecondStartChangesNothing() {
    var collection = database.getCollection(MongoSurveyResponses.COLLECTION);
    collection.insertMany(List.of(legacy("acme", "r1", "PENDING", "PENDING"), legacy("acme", "r2", "DELIVERED", "DONE")));
    open();
    var after = collection.find().into(new ArrayList<>());

    assertThat(new LegacyOutboxMigration(database).run(LATER)).isZero();
    var reopened = open();

    assertThat(collection.find().into(new ArrayList<>())).isEqualTo(after);
    assertThat(reopened.lag(MetricsRelay.NAME).pending()).isEqualTo(1);
    assertThat(database.getCollection(LegacyOutboxMigration.MIGRATIONS).countDocuments()).isEqualTo(1);
  }

  @Test
  void migratesTenantsInBatches() {
    var collection = database.getCollection(MongoSurveyResponses.COLLECTION);
    var docs = new ArrayList<Document>();
    for (int i = 0; i < LegacyOutboxMigration.BATCH * 2 + 7; i++) {
      docs.add(legacy("big", String.format("r%05d", i), i % 2 == 0 ? "PENDING" : "DELIVERED", "DONE"));
    }
    collection.insertMany(docs);

    assertThat(new LegacyOutboxMigration(database).run(T0)).isEqualTo(docs.size());
    var responses = open();

    assertThat(responses.lag(MetricsRelay.NAME).pending()).isEqualTo(LegacyOutboxMigration.BATCH + 4);
    assertThat(LegacyOutboxMigration.METRICS).isEqualTo(MetricsRelay.NAME);
    assertThat(LegacyOutboxMigration.ALERTS).isEqualTo(AlertEvaluation.NAME);
  }
}
