package io.cxhub.metrics.config;

import com.mongodb.client.MongoDatabase;
import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.WorkerLifecycle;
import io.cxhub.metrics.ingest.Segments;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.text.TextAnalytics;
import io.cxhub.metrics.text.TextAnalyzer;
import io.cxhub.metrics.text.feed.AnalyseComments;
import io.cxhub.metrics.text.feed.CommentQueue;
import io.cxhub.metrics.text.feed.Reanalysis;
import io.cxhub.metrics.text.feed.TextAnalyses;
import io.cxhub.metrics.text.feed.TextCubes;
import io.cxhub.metrics.text.feed.TextInsights;
import io.cxhub.metrics.text.feed.mongo.MongoCommentQueue;
import io.cxhub.metrics.text.feed.mongo.MongoTextAnalyses;
import io.cxhub.metrics.text.feed.mongo.MongoTextCubes;
import io.cxhub.metrics.text.mongo.MongoTaxonomies;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the text analytics: one shared analyser (lexicons and language models load once),
 * the comment queue and the worker that drains it, the stored analyses, the text cubes and
 * their reads, the re-analysis after a taxonomy change.
 */
@Configuration(proxyBeanMethods = false)
class TextAnalyticsConfiguration {

  @Bean
  TextAnalyzer textAnalyzer() {
    return new TextAnalyzer();
  }

  @Bean
  TextAnalytics textAnalytics(TextAnalyzer analyzer, MongoDatabase database, Clock clock) {
    return new TextAnalytics(analyzer, new MongoTaxonomies(database), clock);
  }

  @Bean
  CommentQueue commentQueue(MongoDatabase database) {
    return new MongoCommentQueue(database);
  }

  @Bean
  TextAnalyses textAnalyses(MongoDatabase database) {
    return new MongoTextAnalyses(database);
  }

  @Bean
  TextCubes textCubes(MongoDatabase database, TenantZones zones) {
    return new MongoTextCubes(database, zones);
  }

  @Bean
  Reanalysis reanalysis(TextAnalyses analyses, TextCubes cubes, TextAnalytics analytics, Clock clock) {
    return new Reanalysis(analyses, cubes, analytics, clock);
  }

  @Bean
  TextInsights textInsights(TextCubes cubes, TextAnalyses analyses) {
    return new TextInsights(cubes, analyses);
  }

  @Bean
  AnalyseComments analyseComments(CommentQueue queue, TextAnalytics analytics, TextAnalyses analyses, TextCubes cubes,
      Segments segments, Reanalysis reanalysis) {
    return new AnalyseComments(queue, analytics, analyses, cubes, segments, reanalysis::isRunning);
  }

  @Bean
  WorkerLifecycle commentAnalysisLifecycle(AnalyseComments analyse,
      @Value("${cx.metrics.text.enabled:true}") boolean enabled,
      @Value("${cx.metrics.text.interval:1s}") Duration interval) {
    return new WorkerLifecycle(new PeriodicWorker("text-analysis", interval, analyse), enabled);
  }
}
