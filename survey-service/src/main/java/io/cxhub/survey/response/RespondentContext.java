package io.cxhub.survey.response;

import java.util.Map;

/** Who answered and about what, as the respondent's client sent it; every part optional (empty). */
public record RespondentContext(String customerId, String orderId, String locale, Map<String, String> metadata) {

  public static final RespondentContext NONE = new RespondentContext("", "", "", Map.of());

  public RespondentContext {
    customerId = customerId == null ? "" : customerId;
    orderId = orderId == null ? "" : orderId;
    locale = locale == null ? "" : locale;
    metadata = Map.copyOf(metadata);
  }
}
