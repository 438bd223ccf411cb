package io.cxhub.metrics.event;

import io.cxhub.kit.error.Violations;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A sum of money, exact: whole millionths of the currency unit (an order amount has at most
 * six decimals), so that sums of amounts never round.
 *
 * @param currency ISO 4217 code, e.g. {@code EUR}
 * @param micros the amount in millionths of a unit
 */
public record Amount(String currency, long micros) {

  public static final long MICROS_PER_UNIT = 1_000_000L;
  /** Largest accepted amount, in units: sums of a month stay far from overflowing. */
  public static final long MAX_UNITS = 1_000_000_000L;
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  /**
   * The amount of a {@code google.type.Money}-like triple, or null after reporting what is
   * wrong under {@code field}: the currency must be 3 capital letters, the amount not
   * negative, at most {@link #MAX_UNITS} and with at most 6 decimals.
   */
  public static Amount of(String currency, long units, int nanos, String field, Violations violations) {
    int before = violations.asList().size();
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      violations.add(field + ".currency_code", "must be a 3-letter ISO 4217 code such as EUR");
    }
    if (units < 0 || nanos < 0) {
      violations.add(field, "must not be negative");
    } else if (nanos > 999_999_999) {
      violations.add(field + ".nanos", "must be at most 999999999");
    } else if (nanos % 1000 != 0) {
      violations.add(field + ".nanos", "must be a multiple of 1000: amounts have at most 6 decimals");
    } else if (units > MAX_UNITS) {
      violations.add(field + ".units", "must be at most " + MAX_UNITS);
    }
    if (violations.asList().size() > before) {
      return null;
    }
    return new Amount(currency, units * MICROS_PER_UNIT + nanos / 1000);
  }

  /** Whole units of {@code micros}. */
  public static long unitsOf(long micros) {
    return micros / MICROS_PER_UNIT;
  }

  /** Nanos of {@code micros} beyond the whole units. */
  public static int nanosOf(long micros) {
    return (int) (micros % MICROS_PER_UNIT) * 1000;
  }

  /** The amount as a decimal number of units. */
  public BigDecimal units() {
    return BigDecimal.valueOf(micros, 6).stripTrailingZeros();
  }
}
