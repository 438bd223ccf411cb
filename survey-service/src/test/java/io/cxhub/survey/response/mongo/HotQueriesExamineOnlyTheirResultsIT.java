package io.cxhub.survey.response.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.cxhub.embedded.EmbeddedMongo;
import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.trace.TraceParents;
import io.cxhub.survey.outbox.OutboxSubscriber;
import io.cxhub.survey.outbox.OutboxSubscription;
import io.cxhub.survey.response.AnswerValue;
import io.cxhub.survey.response.ExportResponses;
import io.cxhub.survey.response.Outbox;
import io.cxhub.survey.response.OutboxState;
import io.cxhub.survey.response.ResponseAnswer;
import io.cxhub.survey.response.ResponseQuery;
import io.cxhub.survey.response.SurveyResponse;
import io.cxhub.survey.response.SurveyResponses.Cursor;
import io.cxhub.survey.response.SurveyResponses.StoredFilter;
import io.cxhub.survey.survey.InMemorySurveys;
import io.cxhub.survey.survey.QuestionKind;
import io.cxhub.survey.survey.Survey;
import io.cxhub.survey.survey.SurveyState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot queries of the responses store read a number of documents that grows with their
 * result, not with the collection: the embedded server counts what each one examined
 * ({@code cxScanStats}), and a full scan or a count near the collection's size fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotQueriesExamineOnlyTheirResultsIT {

  private static final int RESPONSES = 6_000;
  /** The last 28 responses are pending: 21 of them are t1's (one in four is t2's). */
  private static final int PENDING = 21;
  private static final String SUBSCRIBER = "metrics";
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  static Path dataDir;

  private EmbeddedMongo mongo;
  private MongoClient client;
  private MongoDatabase database;
  private MongoSurveyResponses responses;

  @BeforeAll
  void load() {
    mongo = EmbeddedMongo.startOnFreePort(dataDir);
    client = MongoClients.create(mongo.connectionString("cx_survey"));
    database = client.getDatabase("cx_survey");
    List<Document> batch = new ArrayList<>();
    for (int i = 0; i < RESPONSES; i++) {
      String tenant = i % 4 == 3 ? "t2" : "t1";
      Instant at = START.plus(Duration.ofMinutes(87L * i)); // a year over the whole set
      boolean pending = i >= RESPONSES - 28;
      Outbox outbox = pending ? Outbox.pending(at, List.of(SUBSCRIBER))
          : new Outbox(Map.of(SUBSCRIBER, new Outbox.Delivery(OutboxState.DELIVERED, 1, at, at, null)));
      var response = SurveyResponse.builder().tenantId(tenant).responseId("r" + String.format("%06d", i))
          .surveyId("s" + (i % 3)).surveyVersion(1).channel(Channel.LINK)
          .answers(List.of(new ResponseAnswer("q1", QuestionKind.NPS, 0, 10, new AnswerValue.Score(i % 11))))
          // every tenth response shares its submit time with the previous one (ties)
          .submitTime(i % 10 == 9 ? START.plus(Duration.ofMinutes(87L * (i - 1))) : at)
          .outbox(outbox).build();
      batch.add(MongoSurveyResponses.toDocument(response));
      if (batch.size() == 1_000) {
        database.getCollection(MongoSurveyResponses.COLLECTION).insertMany(batch);
        batch.clear();
      }
    }
    // stored before the filter fields existed: the adapter fills them when it opens
    Document legacy = MongoSurveyResponses.toDocument(SurveyResponse.builder().tenantId("t3").responseId("legacy")
        .surveyId("s0").surveyVersion(1).channel(Channel.LINK)
        .answers(List.of(new ResponseAnswer("q1", QuestionKind.NPS, 0, 10, new AnswerValue.Score(3)),
            new ResponseAnswer("q2", QuestionKind.FREE_TEXT, 0, 0, new AnswerValue.Text("trop lent"))))
        .submitTime(START).outbox(Outbox.NONE).build());
    legacy.remove(MongoSurveyResponses.NPS_CATEGORY);
    legacy.remove(MongoSurveyResponses.HAS_COMMENT);
    database.getCollection(MongoSurveyResponses.COLLECTION).insertOne(legacy);
    // loaded behind the adapter's back: register the tenants as its inserts do; opened after
    // the load, it recounts the pending counters from the due index
    database.getCollection(MongoSurveyResponses.TENANTS)
        .insertMany(List.of(new Document("_id", "t1"), new Document("_id", "t2")));
    responses = new MongoSurveyResponses(database, List.of(new OutboxSubscription(new Named(), null, false)),
        TraceParents.NOOP);
    responses.insert(SurveyResponse.builder().tenantId("t1").responseId("registered").surveyId("s0")
        .surveyVersion(1).channel(Channel.LINK).answers(List.of()).submitTime(START)
        .outbox(Outbox.NONE).build());
  }

  @AfterAll
  void stop() {
    client.close();
    mongo.close();
  }

  @Test
  void listNewestFirstReadsAboutOnePage() {
    var first = examined(() -> responses.listNewestFirst("t1", StoredFilter.surveys(null), null, 50));
    assertThat(first.result()).hasSize(50);
    assertThat(first.docs()).as(first.plan()).isLessThanOrEqualTo(2 * 50 + 10);
    SurveyResponse last = first.result().get(first.result().size() - 1);
    var deep = examined(() -> responses.listNewestFirst("t1", StoredFilter.surveys(Set.of("s1")),
        new Cursor(START.plus(Duration.ofDays(40)), "r000000"), 50));
    assertThat(deep.result()).hasSize(50);
    assertThat(deep.docs()).as(deep.plan()).isLessThanOrEqualTo(2 * 50 + 10);
    assertThat(last).isNotNull();
  }

  @Test
  void filteredListPagesReadTheirOwnRowsHoweverRareTheFilter() {
    var passive = new StoredFilter(Set.of("s1"), null, null, null, io.cxhub.kit.domain.NpsCategory.PASSIVE, null);
    var first = examined(() -> responses.listNewestFirst("t1", passive, null, 51));
    assertThat(first.result()).hasSize(51).allMatch(r -> r.npsCategory() == io.cxhub.kit.domain.NpsCategory.PASSIVE);
    assertThat(first.docs()).as(first.plan()).isLessThanOrEqualTo(51 + 10);
    SurveyResponse last = first.result().get(50);
    var next = examined(() -> responses.listNewestFirst("t1", passive,
        new Cursor(last.submitTime(), last.responseId()), 51));
    assertThat(next.result()).hasSize(51).allMatch(r -> r.npsCategory() == io.cxhub.kit.domain.NpsCategory.PASSIVE)
        .allMatch(r -> r.submitTime().isBefore(last.submitTime())
            || (r.submitTime().equals(last.submitTime()) && r.responseId().compareTo(last.responseId()) < 0));
    assertThat(next.docs()).as(next.plan()).isLessThanOrEqualTo(51 + 10);
    // no response has a comment: the page is empty at once, whether a survey is chosen or not
    for (var surveys : java.util.Arrays.asList(null, Set.of("s1"))) {
      var none = examined(() -> responses.listNewestFirst("t1",
          new StoredFilter(surveys, null, null, null, null, Boolean.TRUE), null, 51));
      assertThat(none.result()).isEmpty();
      assertThat(none.docs()).as(none.plan()).isZero();
    }
    var detractors = examined(() -> responses.listNewestFirst("t1",
        new StoredFilter(null, null, null, null, io.cxhub.kit.domain.NpsCategory.DETRACTOR, Boolean.FALSE), null, 51));
    assertThat(detractors.result()).hasSize(51);
    assertThat(detractors.docs()).as(detractors.plan()).isLessThanOrEqualTo(51 + 10);
  }

  @Test
  void responsesStoredBeforeTheFilterFieldsAreFoundByTheFilters() {
    var found = responses.listNewestFirst("t3",
        new StoredFilter(null, null, null, null, io.cxhub.kit.domain.NpsCategory.DETRACTOR, Boolean.TRUE), null, 10);
    assertThat(found).extracting(SurveyResponse::responseId).containsExactly("legacy");
  }

  @Test
  void exportPagesReadAboutOnePageEachAndKeepTheOrder() {
    Cursor after = null;
    int rows = 0;
    List<SurveyResponse> previous = null;
    for (int page = 0; page < 5; page++) {
      Cursor position = after;
      var batch = examined(() -> responses.listOldestFirst("t1", "s2", position, 200));
      assertThat(batch.docs()).as("page %d: %s", page, batch.plan()).isLessThanOrEqualTo(200 + 10);
      if (previous != null && !batch.result().isEmpty()) {
        assertThat(batch.result().get(0).submitTime())
            .isAfterOrEqualTo(previous.get(previous.size() - 1).submitTime());
      }
      rows += batch.result().size();
      SurveyResponse last = batch.result().get(batch.result().size() - 1);
      after = new Cursor(last.submitTime(), last.responseId());
      previous = batch.result();
    }
    assertThat(rows).isEqualTo(1_000);
  }

  @Test
  void aWholeExportExaminesAboutTheRowsItWrites() {
    var surveys = new InMemorySurveys();
    surveys.insert(new Survey("s2", "t1", "export", "", List.of(), SurveyState.ACTIVE, 1, START, START));
    var export = new ExportResponses(responses, surveys);
    var csv = examined(() -> {
      var out = new StringBuilder();
      export.export("t1", "s2", out::append);
      return out.toString();
    });
    // s2 is every third response, t1 three in four of them
    long rows = java.util.stream.IntStream.range(0, RESPONSES).filter(i -> i % 3 == 2 && i % 4 != 3).count();
    assertThat(csv.result().split("\r\n")).hasSize((int) rows + 1);
    int batches = (int) (rows / 500) + 1;
    assertThat(csv.docs()).as(csv.plan()).isBetween(rows, rows + 10L * batches);
  }

  @Test
  void outboxSubscriberReadsOnlyWhatIsPending() {
    var due = examined(() -> responses.due(SUBSCRIBER, "t1", START.plus(Duration.ofDays(400)), 100));
    assertThat(due.result()).hasSize(PENDING);
    assertThat(due.docs()).as(due.plan()).isLessThanOrEqualTo(PENDING);
    var nothing = examined(() -> responses.due(SUBSCRIBER, "t3", START.plus(Duration.ofDays(400)), 100));
    assertThat(nothing.result()).isEmpty();
    assertThat(nothing.docs()).as(nothing.plan()).isZero();
    var lag = examined(() -> responses.lag(SUBSCRIBER));
    assertThat(lag.result().pending()).isEqualTo(PENDING + 7); // t1's 21 and t2's 7
    assertThat(lag.docs()).as(lag.plan()).isLessThanOrEqualTo(2 * PENDING);
  }

  @Test
  void idempotentLookupReadsOneDocument() {
    var found = examined(() -> responses.find("t1", "r000004"));
    assertThat(found.result()).isPresent();
    assertThat(found.docs()).as(found.plan()).isLessThanOrEqualTo(1);
  }

  /** Only its name matters here: the store writes and indexes the subscriber's markers. */
  private static final class Named implements OutboxSubscriber {
    @Override
    public String name() {
      return SUBSCRIBER;
    }

    @Override
    public Set<String> handle(String tenantId, List<SurveyResponse> batch) {
      return Set.of();
    }
  }

  private record Cost<T>(T result, long docs, String plan) {
  }

  private <T> Cost<T> examined(Supplier<T> query) {
    Document before = stats();
    T result = query.get();
    Document after = stats();
    assertThat(after.getLong("fullScans")).as("full scans of responses (last plan: %s)", after.getString("lastPlan"))
        .isEqualTo(before.getLong("fullScans"));
    return new Cost<>(result, after.getLong("docsExamined") - before.getLong("docsExamined"),
        after.getString("lastPlan"));
  }

  private Document stats() {
    Document collections = database.runCommand(new Document("cxScanStats", 1)).get("collections", Document.class);
    return collections.get(MongoSurveyResponses.COLLECTION, Document.class);
  }
}
