package io.cxhub.gateway.apikey;

/** Told when a key is revoked, so that nothing keeps accepting it from a cache. */
@FunctionalInterface
public interface KeyRevocationListener {

  /** @param hash the revoked key's secret hash */
  void revoked(String hash);
}
