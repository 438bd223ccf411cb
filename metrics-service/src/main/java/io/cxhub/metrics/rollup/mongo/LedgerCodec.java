package io.cxhub.metrics.rollup.mongo;

import io.cxhub.metrics.rollup.LedgerItem;
import org.bson.Document;

/**
 * How the items of one source are stored: the {@code item} field of their ledger document,
 * next to the ledger's own fields ({@code _id}, {@code tenantId}, {@code itemId},
 * {@code applicationId}, {@code receivedAt}, {@code appliedAt}).
 */
public interface LedgerCodec<T extends LedgerItem> {

  /** The item's fields. */
  Document encode(T item);

  /** The item back from the ledger document. */
  T decode(Document stored);
}
