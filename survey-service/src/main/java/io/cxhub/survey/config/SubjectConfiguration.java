package io.cxhub.survey.config;

import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.kit.subject.SubjectParts;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * survey-service's part of data-subject requests (docs/data-subject-requests.md): every
 * collection adapter that holds personal data (responses, invitations, cases, webhook
 * deliveries) is a {@link SubjectHolding}; the kit serves them as SubjectDataService.
 */
@Configuration(proxyBeanMethods = false)
class SubjectConfiguration {

  @Bean
  SubjectParts subjectParts(List<SubjectHolding> holdings) {
    return new SubjectParts("survey", holdings);
  }
}
