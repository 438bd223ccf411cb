package io.cxhub.survey.alert;

/** Whether a survey exists in a tenant: a rule may only name a survey its tenant owns. */
@FunctionalInterface
public interface KnownSurveys {

  boolean exists(String tenantId, String surveyId);
}
