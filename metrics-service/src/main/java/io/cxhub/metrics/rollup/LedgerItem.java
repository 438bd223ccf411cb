package io.cxhub.metrics.rollup;

/** Something recorded once and counted once: a survey response, or a business event. */
public interface LedgerItem {

  /** The producer's id of the item, unique per tenant within its source. */
  String itemId();
}
