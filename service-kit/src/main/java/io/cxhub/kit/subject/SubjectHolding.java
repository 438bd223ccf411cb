package io.cxhub.kit.subject;

import java.util.List;
import java.util.Set;

/**
 * Personal data of data subjects held in one collection of a service (a port the
 * collection's own adapter implements: it alone reads and writes its documents). Every call
 * is tenant-scoped and safe to repeat.
 */
public interface SubjectHolding {

  /** The member of the export section that lists this holding's items, e.g. {@code responses}. */
  String kind();

  /**
   * Whether this holding links responses to the subject ({@link #responseIds}); such holdings
   * are erased after the others, so that a retry after a partial erasure still finds the
   * responses the others hang on.
   */
  default boolean anchor() {
    return false;
  }

  /** Ids of the responses this holding links to the customer. */
  default Set<String> responseIds(String tenantId, String customerId) {
    return Set.of();
  }

  /** The subject's items, each a JSON object. */
  List<String> export(String tenantId, Subject subject);

  /**
   * Removes the subject's personal data: free text and personal fields blanked, the customer
   * id replaced by {@code token}; scores, states and counts kept.
   *
   * @return the items changed (0 when nothing was held or it was erased before)
   */
  long erase(String tenantId, Subject subject, String token);

  /** A data subject: the customer id and the responses linked to it. */
  record Subject(String customerId, Set<String> responseIds) {

    public Subject {
      responseIds = Set.copyOf(responseIds);
    }

    /** Whether a text (a stored payload) names the subject or one of its responses. */
    public boolean namedIn(String text) {
      if (text == null) {
        return false;
      }
      if (text.contains("\"" + customerId + "\"")) {
        return true;
      }
      return responseIds.stream().anyMatch(id -> text.contains("\"" + id + "\""));
    }
  }
}
