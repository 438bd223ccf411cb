package io.cxhub.kit.subject;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.id.Ids;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's part of data-subject requests (docs/data-subject-requests.md): the erasure or
 * export over every {@link SubjectHolding} of the service. Erasure replaces the customer id
 * by one anonymous token per call and keeps scores and counts, so aggregates stay. Holdings
 * that link responses to the subject ({@link SubjectHolding#anchor() anchors}) are erased
 * last. Idempotent.
 */
public final class SubjectParts {

  private static final Logger log = LoggerFactory.getLogger(SubjectParts.class);

  private final String service;
  private final List<SubjectHolding> holdings;

  /** @param service the service's short name, for logs */
  public SubjectParts(String service, List<SubjectHolding> holdings) {
    this.service = Objects.requireNonNull(service);
    // anchors last: they are how a retry finds the responses the other holdings hang on
    this.holdings = holdings.stream().sorted((a, b) -> Boolean.compare(a.anchor(), b.anchor())).toList();
  }

  /** The subject with the responses linked to it by any holding. */
  public SubjectHolding.Subject resolve(String tenantId, String customerId) {
    Objects.requireNonNull(tenantId);
    if (customerId == null || customerId.isBlank()) {
      throw InvalidInputException.of("customer_id", "is required");
    }
    var responses = new HashSet<String>();
    holdings.forEach(h -> responses.addAll(h.responseIds(tenantId, customerId)));
    return new SubjectHolding.Subject(customerId, responses);
  }

  /** Erases the subject from every holding; returns the items changed. */
  public long erase(String tenantId, String customerId, String requestId) {
    var subject = resolve(tenantId, customerId);
    String token = "erased-" + Ids.random();
    long total = 0;
    for (var holding : holdings) {
      long changed = holding.erase(tenantId, subject, token);
      total += changed;
      log.info("data subject erased service={} tenant={} request={} holding={} items={}", service, tenantId,
          requestId, holding.kind(), changed);
    }
    return total;
  }

  /** The subject's items: a JSON object with one array per holding. */
  public Export export(String tenantId, String customerId) {
    var subject = resolve(tenantId, customerId);
    var json = new StringBuilder("{");
    long items = 0;
    for (var holding : holdings) {
      var found = holding.export(tenantId, subject);
      items += found.size();
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(holding.kind()).append("\":[").append(String.join(",", found)).append(']');
    }
    return new Export(json.append('}').toString(), items);
  }

  /** An export section and how many items it holds. */
  public record Export(String json, long items) {}
}
