package io.cxhub.survey.survey;

/** Lifecycle of a survey; only ACTIVE surveys accept responses. */
public enum SurveyState {
  DRAFT,
  ACTIVE,
  CLOSED
}
