package io.cxhub.metrics;

import io.cxhub.metrics.ingest.AnswerKind;
import io.cxhub.metrics.ingest.Profile;
import io.cxhub.metrics.ingest.RecordedResponse;
import io.cxhub.metrics.ingest.ResponseContributor;
import io.cxhub.metrics.ingest.ScoredAnswer;
import io.cxhub.metrics.rollup.ExactlyOnceAggregator;
import io.cxhub.metrics.rollup.InMemoryApplications;
import io.cxhub.metrics.rollup.InMemoryCubes;
import io.cxhub.metrics.rollup.InMemoryLedger;
import io.cxhub.metrics.rollup.IngestSettings;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.score.CubeScoreBuckets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Score cubes in memory, filled through the real contributor and exactly-once aggregator. */
public final class InMemoryScores {

  public static final IngestSettings SETTINGS =
      new IngestSettings(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1), 1000);

  public final InMemoryCubes cubes = new InMemoryCubes();
  public final InMemoryLedger<RecordedResponse> ledger = new InMemoryLedger<>();
  public final InMemoryApplications applications = new InMemoryApplications();
  public final ExactlyOnceAggregator<RecordedResponse> aggregator;
  public final CubeScoreBuckets buckets = new CubeScoreBuckets(cubes);
  private int ids;

  public InMemoryScores() {
    this(Clock.systemUTC(), TenantZones.UTC);
  }

  public InMemoryScores(Clock clock, TenantZones zones) {
    aggregator = new ExactlyOnceAggregator<>("responses", ledger, applications, cubes, new ResponseContributor(),
        zones, clock, SETTINGS);
  }

  /** Records one anonymous NPS answer to question {@code q} of {@code survey} by e-mail. */
  public void npsAt(String tenant, String survey, Instant at, int score) {
    aggregator.record(tenant, List.of(new RecordedResponse("r" + ids++, survey, 1, "EMAIL", at,
        List.of(new ScoredAnswer("q", AnswerKind.NPS, score, 0, 10)))));
  }

  /** Records one NPS answer to question {@code q} of {@code survey}, at noon UTC of {@code day}. */
  public void nps(String tenant, String survey, String day, String channel, String stage, String segment, int score) {
    Instant at = LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
    var profile = segment.isEmpty() ? Profile.NONE : new Profile(segment, "", "");
    aggregator.record(tenant, List.of(new RecordedResponse("r" + ids++, survey, 1, channel, at,
        List.of(new ScoredAnswer("q", AnswerKind.NPS, score, 0, 10)), segment.isEmpty() ? "" : "c-" + segment, stage, "",
        profile)));
  }
}
