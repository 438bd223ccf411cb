package io.cxhub.persona.value;

import io.cxhub.kit.error.NotFoundException;
import io.cxhub.persona.customer.Customers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values a tenant's customers (RFM quintiles, tiers, CLV: {@link RfmValuation}) and keeps
 * the result on each customer and in the tenant's report. Run on request, and by the
 * {@link #refreshDue() refresh} for every tenant whose customers changed.
 */
public final class CustomerValuations {

  private static final Logger log = LoggerFactory.getLogger(CustomerValuations.class);

  private final Customers customers;
  private final ValueReports reports;
  private final Clock clock;
  private final java.util.function.Consumer<String> valued;

  public CustomerValuations(Customers customers, ValueReports reports, Clock clock) {
    this(customers, reports, clock, tenantId -> { });
  }

  /** @param valued told (with the tenant id) once new values are stored: segments on value re-evaluate */
  public CustomerValuations(Customers customers, ValueReports reports, Clock clock,
      java.util.function.Consumer<String> valued) {
    this.customers = Objects.requireNonNull(customers);
    this.reports = Objects.requireNonNull(reports);
    this.clock = Objects.requireNonNull(clock);
    this.valued = Objects.requireNonNull(valued);
  }

  /** Values every customer of the tenant now. */
  public ValueReport compute(String tenantId) {
    long changesSeen = reports.changes(tenantId);
    var histories = new ArrayList<RfmValuation.History>();
    customers.forEach(tenantId, c -> histories.add(
        new RfmValuation.History(c.customerId(), c.orders(), c.spent(), c.firstOrder(), c.lastOrder())));
    var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    var result = RfmValuation.compute(histories, now);
    customers.setValues(tenantId, result.values());
    int scored = (int) result.values().values().stream().filter(v -> v.r() > 0).count();
    var report = new ValueReport(histories.size(), scored, result.tiers(), now);
    reports.save(tenantId, report, changesSeen);
    valued.accept(tenantId);
    log.info("customer value computed tenant={} customers={} scored={}", tenantId, histories.size(), scored);
    return report;
  }

  /** @throws NotFoundException if the tenant's value was never computed */
  public ValueReport last(String tenantId) {
    return reports.find(tenantId).orElseThrow(() -> new NotFoundException("customer value report", tenantId));
  }

  /** Recomputes the tenants whose customers changed since their last report. */
  public void refreshDue() {
    for (String tenantId : reports.due(50)) {
      compute(tenantId);
    }
  }
}
