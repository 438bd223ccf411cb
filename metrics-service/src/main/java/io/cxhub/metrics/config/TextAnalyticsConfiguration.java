package io.cxhub.metrics.config;

import com.mongodb.client.MongoDatabase;
import io.cxhub.metrics.text.TextAnalytics;
import io.cxhub.metrics.text.TextAnalyzer;
import io.cxhub.metrics.text.mongo.MongoTaxonomies;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the text analytics: one shared analyser (lexicons and language models load once). */
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
}
