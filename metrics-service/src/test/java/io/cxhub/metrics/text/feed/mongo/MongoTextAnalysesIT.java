package io.cxhub.metrics.text.feed.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.metrics.text.Language;
import io.cxhub.metrics.text.Sentiment;
import io.cxhub.metrics.text.TextAnalysis;
import io.cxhub.metrics.text.feed.AnalysedComment;
import io.cxhub.metrics.text.feed.Comment;
import io.cxhub.metrics.text.feed.TextAnalyses;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verbatim searches by every slice the scores have (channel, stage, touchpoint, segment,
 * persona, value tier), so that a drill-down from any score shows exactly its comments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoTextAnalysesIT {

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private MongoClient client;
  private MongoTextAnalyses analyses;

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    client = MongoClients.create(mongo.connectionString("cx_metrics"));
    analyses = new MongoTextAnalyses(client.getDatabase("cx_metrics"));
    Instant t = Instant.parse("2026-10-05T10:00:00Z");
    store("acme", "r1", "WEB", "delivery", "relay", "big", "p-loyal", "champions", t);
    store("acme", "r2", "EMAIL", "delivery", "", "big", "p-new", "loyal", t.plusSeconds(60));
    store("acme", "r3", "WEB", "after_sales", "", "small", "p-loyal", "unassigned", t.plusSeconds(120));
    store("acme", "r4", "QR", "", "", "", "", "", t.plusSeconds(180));
    // another tenant with the same slices is never seen
    store("other", "r1", "WEB", "delivery", "relay", "big", "p-loyal", "champions", t);
  }

  @AfterAll
  void stop() {
    client.close();
    mongo.close();
  }

  private void store(String tenant, String response, String channel, String stage, String touchpoint, String segment,
      String persona, String tier, Instant at) {
    var comment = new Comment(tenant, response, "q", "s1", channel, stage, touchpoint, "c-" + response, at,
        "Livraison en retard", 3, -1);
    var analysis = new TextAnalysis(Language.FR, Sentiment.NEGATIVE, -0.6, List.of(), List.of(), List.of());
    assertThat(analyses.insertIfAbsent(new AnalysedComment(comment, analysis, segment, persona, tier, 1))).isTrue();
  }

  private List<String> find(String channel, String stage, String touchpoint, String segment, String persona, String tier) {
    return analyses.find("acme", new TextAnalyses.Filter(null, null, "", null, "", "", stage, touchpoint, channel,
            segment, persona, tier), Optional.empty(), 50).stream()
        .map(a -> a.comment().responseId()).toList();
  }

  @Test
  void eachSliceSelectsItsComments() {
    assertThat(find("", "", "", "", "", "")).containsExactly("r4", "r3", "r2", "r1");
    assertThat(find("WEB", "", "", "", "", "")).containsExactly("r3", "r1");
    assertThat(find("", "delivery", "", "", "", "")).containsExactly("r2", "r1");
    assertThat(find("", "", "relay", "", "", "")).containsExactly("r1");
    assertThat(find("", "", "", "big", "", "")).containsExactly("r2", "r1");
    assertThat(find("", "", "", "", "p-loyal", "")).containsExactly("r3", "r1");
    assertThat(find("", "", "", "", "", "champions")).containsExactly("r1");
    assertThat(find("", "", "", "", "", "unassigned")).containsExactly("r3");
    assertThat(find("WEB", "", "", "big", "p-loyal", "champions")).containsExactly("r1");
    assertThat(find("EMAIL", "", "", "small", "", "")).isEmpty();
  }

  @Test
  void theValueTierIsKeptWithTheAnalysis() {
    assertThat(analyses.ofResponse("acme", "r2")).singleElement()
        .satisfies(a -> {
          assertThat(a.valueTier()).isEqualTo("loyal");
          assertThat(a.segmentId()).isEqualTo("big");
          assertThat(a.personaId()).isEqualTo("p-new");
        });
  }
}
