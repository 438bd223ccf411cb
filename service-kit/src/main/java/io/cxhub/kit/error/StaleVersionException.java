package io.cxhub.kit.error;

/**
 * An optimistic-concurrency check failed: the caller changed a resource from a version
 * (etag) that is no longer the current one. The message names the current etag, so the
 * caller can read the resource again and re-apply its change. Maps to ABORTED (HTTP 409).
 */
public class StaleVersionException extends RuntimeException {

  private final String currentEtag;

  public StaleVersionException(String resource, String id, String sentEtag, String currentEtag) {
    super(resource + " '" + id + "' has changed: etag '" + sentEtag + "' is stale, the current etag is '"
        + currentEtag + "'; read it again and re-apply the change");
    this.currentEtag = currentEtag;
  }

  /**
   * Refuses a change sent from {@code sentEtag} when the resource is at {@code currentEtag};
   * an empty or null {@code sentEtag} asks for no check.
   */
  public static void check(String resource, String id, String sentEtag, String currentEtag) {
    if (sentEtag != null && !sentEtag.isEmpty() && !sentEtag.equals(currentEtag)) {
      throw new StaleVersionException(resource, id, sentEtag, currentEtag);
    }
  }

  public String currentEtag() {
    return currentEtag;
  }
}
