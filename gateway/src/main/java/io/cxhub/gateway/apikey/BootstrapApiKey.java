package io.cxhub.gateway.apikey;

import java.util.Optional;

/**
 * How this start of the gateway provided the bootstrap admin key of tenant
 * {@code default}. A bean: the one-jar launcher reads it to print its summary.
 *
 * @param generatedSecret the secret, only on the start that generated it (the first one
 *     without {@code CX_BOOTSTRAP_API_KEY}); empty on every other start
 * @param fromEnvironment whether the key was given by {@code cx.gateway.bootstrap-api-key}
 */
public record BootstrapApiKey(Optional<String> generatedSecret, boolean fromEnvironment) {

  @Override
  public String toString() {
    return "BootstrapApiKey[generatedSecret=" + (generatedSecret.isPresent() ? "<shown once>" : "<none>")
        + ", fromEnvironment=" + fromEnvironment + "]";
  }
}
