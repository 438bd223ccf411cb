package io.cxhub.survey.invitation;

import java.util.Collection;
import java.util.Map;

/** Port to the customer profiles of persona-service, where recipients named by id alone are found. */
public interface CustomerDirectory {

  /**
   * The e-mail addresses of those of {@code customerIds} that the tenant's profiles know and
   * that have one; unknown customers and customers without an address are left out.
   *
   * @throws io.cxhub.kit.error.DependencyUnavailableException when persona-service cannot
   *     answer now; nothing is stored then
   */
  Map<String, String> emails(String tenantId, Collection<String> customerIds);
}
