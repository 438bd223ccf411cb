package io.cxhub.journey.action;

import io.cxhub.journey.insight.DayRange;
import io.cxhub.journey.insight.Difference;
import io.cxhub.journey.insight.Estimate;
import java.time.Instant;

/**
 * The measured impact of an action: the target before and after (windows of the same
 * length, a settling period left out), the difference, and the difference-in-differences
 * against the comparison group when there is one (then the verdict is on it).
 */
public record Impact(
    Instant measureTime,
    Window before,
    Window after,
    Difference difference,
    Window comparisonBefore,
    Window comparisonAfter,
    Difference did,
    Verdict verdict,
    long requiredNPerWindow,
    boolean targetReached,
    String method) {

  /** How a measurement came out. */
  public enum Verdict { IMPROVED, WORSENED, INCONCLUSIVE }

  /** One group over one window. */
  public record Window(DayRange days, Estimate estimate) {}
}
