package io.cxhub.survey.followup;

import io.cxhub.kit.domain.NpsCategory;

/** Filters of a case listing; null (or false) means "any". */
public record CaseFilter(
    CaseStatus status, NpsCategory category, String assignee, String team, boolean breachedOnly, String surveyId) {}
