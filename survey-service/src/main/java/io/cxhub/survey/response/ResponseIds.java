package io.cxhub.survey.response;

import io.cxhub.kit.id.Ids;

/**
 * Response identifiers. With an idempotency key the id is derived from (survey id, key), so
 * a retried submission maps to the same id and the store's unique {@code _id} rejects the
 * second copy; without one it is random. Both forms are 26 lowercase base32 characters.
 */
public final class ResponseIds {

  private ResponseIds() {}

  public static String random() {
    return Ids.random();
  }

  /** 128 bits of SHA-256 over the survey id and the key, separated so that no pair collides. */
  public static String fromIdempotencyKey(String surveyId, String key) {
    return Ids.derived(surveyId, key);
  }
}
