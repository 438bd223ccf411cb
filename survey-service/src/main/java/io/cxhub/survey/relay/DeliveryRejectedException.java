package io.cxhub.survey.relay;

/** metrics-service answered, but refused the batch; not a transient failure. */
public class DeliveryRejectedException extends RuntimeException {

  public DeliveryRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
