package io.cxhub.survey.relay;

import io.cxhub.kit.error.DependencyUnavailableException;

/**
 * metrics-service did not answer a batch within the deadline: it is slow (loaded, or the batch
 * is large), not refusing. The relay sends smaller batches after it.
 */
public class DeliveryTimedOutException extends DependencyUnavailableException {

  public DeliveryTimedOutException(String message, Throwable cause) {
    super(message, cause);
  }
}
