package io.cxhub.metrics.config;

import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.kit.subject.SubjectParts;
import io.cxhub.metrics.customerfeed.CustomerFeedOutbox;
import io.cxhub.metrics.event.BusinessEvent;
import io.cxhub.metrics.event.CustomerCubes;
import io.cxhub.metrics.ingest.RecordedResponse;
import io.cxhub.metrics.rollup.Cubes;
import io.cxhub.metrics.rollup.ExactlyOnceAggregator;
import io.cxhub.metrics.text.feed.CommentQueue;
import io.cxhub.metrics.text.feed.TextAnalyses;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * metrics-service's part of data-subject requests (docs/data-subject-requests.md): the
 * recorded-response and event ledgers, the comment queue and text analyses, the customer
 * events on their way to persona-service and the per-customer cubes. Counts stay; the
 * customer id and the text go. The kit serves them as SubjectDataService.
 */
@Configuration(proxyBeanMethods = false)
class SubjectConfiguration {

  @Bean
  SubjectParts subjectParts(ExactlyOnceAggregator<RecordedResponse> responseAggregator,
      ExactlyOnceAggregator<BusinessEvent> eventAggregator, TextAnalyses textAnalyses, CommentQueue commentQueue,
      CustomerFeedOutbox customerFeedOutbox, Cubes cubes) {
    // the Mongo adapters of these ports are the holdings (one adapter per collection)
    return new SubjectParts("metrics", List.of(
        (SubjectHolding) responseAggregator.ledger(), (SubjectHolding) eventAggregator.ledger(),
        (SubjectHolding) textAnalyses, (SubjectHolding) commentQueue, (SubjectHolding) customerFeedOutbox,
        new CustomerCubes(cubes)));
  }
}
