package io.cxhub.persona.discovery;

import java.util.Map;

/** Port to what customers experienced (metrics-service). */
public interface Experiences {

  /**
   * The experience of every customer of the tenant who answered, by customer id.
   *
   * @throws io.cxhub.kit.error.DependencyUnavailableException when it cannot be read now
   */
  Map<String, Experience> of(String tenantId);
}
