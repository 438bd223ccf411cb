package io.cxhub.journey.config;

import io.cxhub.kit.subject.SubjectParts;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * journey-service's part of data-subject requests (docs/data-subject-requests.md). It holds
 * no customer id (journeys, friction episodes and improvement actions are about stages and
 * touchpoints; customer values are read from persona-service when needed, never stored), so
 * its part confirms with nothing held. A collection that starts holding customer ids adds
 * its adapter here as a {@link io.cxhub.kit.subject.SubjectHolding}.
 */
@Configuration(proxyBeanMethods = false)
class SubjectConfiguration {

  @Bean
  SubjectParts subjectParts() {
    return new SubjectParts("journey", List.of());
  }
}
