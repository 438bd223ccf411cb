package io.cxhub.metrics.kpi;

import io.cxhub.metrics.event.EventCubes;

/** A dimension KPIs can be grouped by; all but PERIOD are dimensions of the event cells. */
public enum KpiDimension {
  PERIOD(null),
  CHANNEL(EventCubes.DIM_CHANNEL),
  TEAM(EventCubes.DIM_TEAM),
  STAGE(EventCubes.DIM_STAGE),
  TOUCHPOINT(EventCubes.DIM_TOUCHPOINT),
  /** The customer's segment when the event was recorded (empty without a customer). */
  SEGMENT(EventCubes.DIM_SEGMENT),
  /** The customer's persona when the event was recorded (empty without a customer). */
  PERSONA(EventCubes.DIM_PERSONA),
  /** The customer's value tier when the event was recorded (empty without a customer). */
  VALUE_TIER(EventCubes.DIM_VALUE_TIER);

  private final String cellDimension;

  KpiDimension(String cellDimension) {
    this.cellDimension = cellDimension;
  }

  /** The cell dimension it reads; null for PERIOD, which comes from the cube. */
  String cellDimension() {
    return cellDimension;
  }
}
