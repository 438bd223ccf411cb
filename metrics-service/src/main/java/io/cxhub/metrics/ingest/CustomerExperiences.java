package io.cxhub.metrics.ingest;

import io.cxhub.metrics.rollup.Ledger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * What each customer of a tenant experienced, from their recorded responses: the last NPS
 * answer, and the mean effort (CES) and satisfaction (CSAT) on a 0–1 scale (1: easiest,
 * most satisfied). Read by persona-service to discover personas from experience as well as
 * behaviour. One pass over the tenant's responses; anonymous responses are left out.
 */
public final class CustomerExperiences {

  /**
   * @param lastNps the customer's latest NPS answer (0–10); -1 without one
   * @param effort mean CES, rescaled to 0–1 (1: easiest); -1 without CES answers
   * @param satisfaction mean CSAT, rescaled to 0–1; -1 without CSAT answers
   * @param responses responses of the customer
   */
  public record Experience(String customerId, int lastNps, double effort, double satisfaction, int responses) {}

  private final Ledger<RecordedResponse> responses;

  public CustomerExperiences(Ledger<RecordedResponse> responses) {
    this.responses = Objects.requireNonNull(responses);
  }

  public List<Experience> of(String tenantId) {
    var byCustomer = new HashMap<String, Sums>();
    responses.forEachEntry(tenantId, entry -> {
      var r = entry.item();
      if (r.customerId() == null || r.customerId().isEmpty()) {
        return;
      }
      var sums = byCustomer.computeIfAbsent(r.customerId(), id -> new Sums());
      sums.responses++;
      for (var a : r.answers()) {
        switch (a.kind()) {
          case "NPS" -> {
            if (sums.lastNpsTime == null || !r.submitTime().isBefore(sums.lastNpsTime)) {
              sums.lastNps = a.score();
              sums.lastNpsTime = r.submitTime();
            }
          }
          case "CES" -> {
            if (a.scaleMax() > a.scaleMin()) {
              sums.effort += (a.score() - a.scaleMin()) / (double) (a.scaleMax() - a.scaleMin());
              sums.efforts++;
            }
          }
          case "CSAT" -> {
            if (a.scaleMax() > a.scaleMin()) {
              sums.satisfaction += (a.score() - a.scaleMin()) / (double) (a.scaleMax() - a.scaleMin());
              sums.satisfactions++;
            }
          }
          default -> { }
        }
      }
    });
    var result = new ArrayList<Experience>(byCustomer.size());
    byCustomer.forEach((id, s) -> result.add(new Experience(id, s.lastNps,
        s.efforts == 0 ? -1 : s.effort / s.efforts, s.satisfactions == 0 ? -1 : s.satisfaction / s.satisfactions,
        s.responses)));
    return result;
  }

  private static final class Sums {
    int responses;
    int lastNps = -1;
    Instant lastNpsTime;
    double effort;
    int efforts;
    double satisfaction;
    int satisfactions;
  }
}
