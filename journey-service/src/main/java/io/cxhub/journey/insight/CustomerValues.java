package io.cxhub.journey.insight;

import java.util.Map;
import java.util.Set;

/**
 * What customers are worth (persona-service's RFM/CLV valuation, docs/customers.md).
 * Implementations bound the read with a deadline.
 */
public interface CustomerValues {

  /**
   * The value of those of the customers that persona-service knows and has valued; unknown
   * or not yet valued customers are left out.
   *
   * @throws Indicators.IndicatorsUnavailableException when persona-service cannot answer now
   */
  Map<String, Value> values(String tenantId, Set<String> customerIds);

  /**
   * A customer's lifetime-value estimate (spent so far plus expected spend over three
   * years) in the currency of its amounts.
   */
  record Value(double clv, String currency) {}
}
