package io.cxhub.metrics.event;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The layout of the event cubes: which families, dimensions, counters and histograms the
 * {@link EventContributor} writes and the KPI reads sum. Every event counts in the day cube
 * and in the month cube of its local day (tenant's time zone).
 *
 * <p>The support, commerce and funnel cells also carry the customer's {@value #DIM_SEGMENT},
 * {@value #DIM_PERSONA} and {@value #DIM_VALUE_TIER} as resolved when the event was recorded
 * (absent, like any empty dimension, for events without a customer; {@code unassigned} when
 * they could not be resolved), the same slices as the score cells.
 *
 * <ul>
 *   <li>{@value #SUPPORT}: cells by channel × team × stage × touchpoint; counters
 *       {@value #CONTACTS}, {@value #RESOLVED}, {@value #RESOLVED_FIRST_CONTACT},
 *       {@value #CONTACTS_OF_RESOLVED}, {@value #AHT_N}/{@value #AHT_SUM} and
 *       {@value #FRT_N}/{@value #FRT_SUM} (seconds); histograms {@value #AHT} and {@value #FRT}
 *       ({@link DurationBins}).
 *   <li>{@value #COMMERCE}: cells by channel × team × stage × touchpoint (× currency for
 *       orders); counters {@value #VISITS}, {@value #ORDERS}, {@value #REVENUE_MICROS}.
 *   <li>{@value #FUNNEL}: cells by channel × team × stage × touchpoint × funnel × step ×
 *       step order; counters {@value #VIEWED}, {@value #COMPLETED}.
 *   <li>{@value #CUSTOMERS}{@code <shard>}: one cell per customer who ordered in the period;
 *       counter {@value #ORDERS} and histogram {@value #ORDER_DAYS} (epoch day → orders).
 *       Customers are spread over {@value #CUSTOMER_SHARDS} cubes per period by a hash of
 *       their id, so that a month's cube stays far below MongoDB's 16 MB document limit
 *       (about 100k ordering customers per shard and month).
 * </ul>
 */
public final class EventCubes {

  public static final String SUPPORT = "support";
  public static final String COMMERCE = "commerce";
  public static final String FUNNEL = "funnel";
  public static final String CUSTOMERS = "customers:";
  public static final int CUSTOMER_SHARDS = 4;

  public static final String DIM_CHANNEL = "channel";
  public static final String DIM_TEAM = "team";
  public static final String DIM_STAGE = "stage";
  public static final String DIM_TOUCHPOINT = "touchpoint";
  public static final String DIM_CURRENCY = "currency";
  public static final String DIM_FUNNEL = "funnel";
  public static final String DIM_STEP = "step";
  public static final String DIM_STEP_ORDER = "stepOrder";
  public static final String DIM_CUSTOMER = "customer";
  public static final String DIM_SEGMENT = "segment";
  public static final String DIM_PERSONA = "persona";
  public static final String DIM_VALUE_TIER = "valueTier";

  public static final String CONTACTS = "contacts";
  public static final String RESOLVED = "resolved";
  public static final String RESOLVED_FIRST_CONTACT = "resolvedFirstContact";
  public static final String CONTACTS_OF_RESOLVED = "contactsOfResolved";
  public static final String AHT_N = "ahtN";
  public static final String AHT_SUM = "ahtSum";
  public static final String AHT = "aht";
  public static final String FRT_N = "frtN";
  public static final String FRT_SUM = "frtSum";
  public static final String FRT = "frt";
  public static final String VISITS = "visits";
  public static final String ORDERS = "orders";
  public static final String REVENUE_MICROS = "revenueMicros";
  public static final String VIEWED = "viewed";
  public static final String COMPLETED = "completed";
  public static final String ORDER_DAYS = "days";

  private EventCubes() {}

  /** The family of the customer cube a customer's orders go to. */
  public static String customerFamily(String customerId) {
    return CUSTOMERS + shard(customerId);
  }

  /** Every customer family, for reads. */
  public static java.util.List<String> customerFamilies() {
    var families = new java.util.ArrayList<String>(CUSTOMER_SHARDS);
    for (int i = 0; i < CUSTOMER_SHARDS; i++) {
      families.add(CUSTOMERS + i);
    }
    return families;
  }

  /** CRC-32 of the UTF-8 id: stable across JVMs and versions, unlike String.hashCode's contract. */
  static int shard(String customerId) {
    var crc = new CRC32();
    crc.update(customerId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % CUSTOMER_SHARDS);
  }
}
