package io.cxhub.survey.response;

/** Told after a response is stored, so that its propagation can start at once. */
@FunctionalInterface
public interface ResponseAccepted {

  /** Must return immediately: it runs on the respondent's request. */
  void accepted(String tenantId);
}
