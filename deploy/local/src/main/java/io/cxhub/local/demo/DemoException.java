package io.cxhub.local.demo;

/** The demo could not be loaded: the call that failed and the gateway's answer. */
public final class DemoException extends RuntimeException {
  public DemoException(String message) {
    super(message);
  }
}
