package io.cxhub.gateway.apikey;

/** What an API key may do besides acting for its tenant. */
public enum Role {
  /** Reads and writes its tenant's data. */
  MEMBER,
  /** Also manages tenants and API keys. */
  ADMIN
}
