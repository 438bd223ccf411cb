package io.cxhub.survey.followup;

/** One step of a follow-up playbook. */
public record PlaybookStep(String key, String text) {}
