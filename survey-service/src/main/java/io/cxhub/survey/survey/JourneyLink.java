package io.cxhub.survey.survey;

/**
 * The journey, stage and touchpoint a survey measures; each part is empty when not set.
 * A stage or touchpoint never comes without its journey (checked by {@link SurveyValidator}).
 */
public record JourneyLink(String journeyId, String stageId, String touchpointId) {

  public static final JourneyLink NONE = new JourneyLink("", "", "");

  public JourneyLink {
    journeyId = journeyId == null ? "" : journeyId;
    stageId = stageId == null ? "" : stageId;
    touchpointId = touchpointId == null ? "" : touchpointId;
  }

  public boolean isEmpty() {
    return journeyId.isEmpty() && stageId.isEmpty() && touchpointId.isEmpty();
  }
}
