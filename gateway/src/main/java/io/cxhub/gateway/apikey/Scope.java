package io.cxhub.gateway.apikey;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an API key may be used for, whatever its role (the contract's
 * {@code cx.common.v1.Scope}). An RPC names the one scope it needs.
 */
public enum Scope {
  /** Reads data and settings. */
  READ,
  /** Sends feedback and data in (responses from partner systems, events, reviews, customers). */
  INGEST,
  /** Changes configuration and works data. */
  WRITE;

  /** Every scope: what the bootstrap key and keys migrated from the former roles carry. */
  public static Set<Scope> all() {
    return EnumSet.allOf(Scope.class);
  }
}
