package io.cxhub.gateway.admin;

import io.cxhub.gateway.apikey.ApiKey;

/**
 * A key just issued, with the only copy of its secret CX Hub will ever hold.
 *
 * @param secret the full secret, to hand to the caller once
 */
public record IssuedApiKey(ApiKey key, String secret) {

  @Override
  public String toString() {
    return "IssuedApiKey[" + key + ", secret=<hidden>]";
  }
}
