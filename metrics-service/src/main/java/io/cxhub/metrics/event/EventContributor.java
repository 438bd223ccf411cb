package io.cxhub.metrics.event;

import static io.cxhub.metrics.event.EventCubes.*;

import io.cxhub.kit.domain.Channel;
import io.cxhub.metrics.rollup.Cell;
import io.cxhub.metrics.rollup.CellIncrement;
import io.cxhub.metrics.rollup.Contributor;
import io.cxhub.metrics.rollup.CubeId;
import io.cxhub.metrics.rollup.Period;
import io.cxhub.metrics.rollup.Tally;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an event adds to the cubes (layout in {@link EventCubes}): the same tally to the cell
 * of its day cube and of its month cube. Pure: depends on the event (with the customer
 * profile stored in it) and the zone only.
 */
public final class EventContributor implements Contributor<BusinessEvent> {

  @Override
  public List<CellIncrement> contributions(String tenantId, ZoneId zone, BusinessEvent e) {
    LocalDate day = LocalDate.ofInstant(e.occurTime(), zone);
    var tally = Tally.builder();
    String family;
    Map<String, String> dims = common(e);
    switch (e.type()) {
      case CONTACT_OPENED -> {
        family = SUPPORT;
        tally.add(CONTACTS, 1);
      }
      case FIRST_RESPONSE -> {
        family = SUPPORT;
        long seconds = Math.max(0, Duration.between(e.openedTime(), e.occurTime()).getSeconds());
        tally.add(FRT_N, 1).add(FRT_SUM, seconds).addToHistogram(FRT, DurationBins.bin(seconds), 1);
      }
      case CASE_RESOLVED -> {
        family = SUPPORT;
        tally.add(RESOLVED, 1).add(CONTACTS_OF_RESOLVED, e.contactCount());
        if (e.contactCount() == 1) {
          tally.add(RESOLVED_FIRST_CONTACT, 1);
        }
        if (e.handlingSeconds() != null) {
          long seconds = e.handlingSeconds();
          tally.add(AHT_N, 1).add(AHT_SUM, seconds).addToHistogram(AHT, DurationBins.bin(seconds), 1);
        }
      }
      case VISIT -> {
        family = COMMERCE;
        tally.add(VISITS, 1);
      }
      case FUNNEL_STEP_VIEWED, FUNNEL_STEP_COMPLETED -> {
        family = FUNNEL;
        dims.put(DIM_FUNNEL, e.funnelId());
        dims.put(DIM_STEP, e.step());
        dims.put(DIM_STEP_ORDER, Integer.toString(e.stepOrder()));
        tally.add(e.type() == EventType.FUNNEL_STEP_VIEWED ? VIEWED : COMPLETED, 1);
      }
      case ORDER_PLACED -> {
        dims.put(DIM_CURRENCY, e.amount().currency());
        var order = Tally.builder().add(ORDERS, 1).add(REVENUE_MICROS, e.amount().micros()).build();
        var customer = Tally.builder().add(ORDERS, 1)
            .addToHistogram(ORDER_DAYS, Math.toIntExact(day.toEpochDay()), 1).build();
        var increments = new ArrayList<CellIncrement>(4);
        increments.addAll(both(tenantId, COMMERCE, day, Cell.of(dims), order));
        increments.addAll(both(tenantId, customerFamily(e.customerId()), day,
            Cell.of(Map.of(DIM_CUSTOMER, e.customerId())), customer));
        return increments;
      }
      default -> throw new IllegalArgumentException("unknown event type " + e.type());
    }
    return both(tenantId, family, day, Cell.of(dims), tally.build());
  }

  private static Map<String, String> common(BusinessEvent e) {
    var dims = new TreeMap<String, String>();
    dims.put(DIM_CHANNEL, e.channel() == Channel.UNSPECIFIED ? "" : e.channel().name());
    dims.put(DIM_TEAM, e.team());
    dims.put(DIM_STAGE, e.stageId());
    dims.put(DIM_TOUCHPOINT, e.touchpointId());
    dims.put(DIM_SEGMENT, e.profile().segment());
    dims.put(DIM_PERSONA, e.profile().persona());
    dims.put(DIM_VALUE_TIER, e.profile().valueTier());
    return dims;
  }

  private static List<CellIncrement> both(String tenantId, String family, LocalDate day, Cell cell, Tally tally) {
    return List.of(
        new CellIncrement(new CubeId(tenantId, family, Period.day(day)), cell, tally),
        new CellIncrement(new CubeId(tenantId, family, Period.month(day)), cell, tally));
  }
}
