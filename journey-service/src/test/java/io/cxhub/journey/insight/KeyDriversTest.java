package io.cxhub.journey.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cxhub.journey.insight.Feedback.ResponseSample;
import io.cxhub.journey.insight.KeyDrivers.Quadrant;
import io.cxhub.kit.error.PreconditionFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyDriversTest {

  static ResponseSample sample(int n, long seed) {
    var random = new Random(seed);
    var rows = new ArrayList<Map<String, Integer>>();
    for (int i = 0; i < n; i++) {
      int delivery = 1 + random.nextInt(5);
      int price = 1 + random.nextInt(5);
      int site = 1 + random.nextInt(5);
      // the overall score follows delivery strongly, price weakly, the site not at all
      double overall = 2.0 * delivery + 0.5 * price + random.nextGaussian() * 0.8 - 2.5;
      rows.add(Map.of("nps", (int) Math.max(0, Math.min(10, Math.round(overall))),
          "delivery", delivery, "price", price, "site", site));
    }
    var kinds = new LinkedHashMap<String, String>();
    kinds.put("nps", "NPS");
    kinds.put("delivery", "RATING");
    kinds.put("price", "RATING");
    kinds.put("site", "RATING");
    return new ResponseSample(kinds, Map.of("delivery", new int[] {1, 5}, "price", new int[] {1, 5},
        "site", new int[] {1, 5}), rows);
  }

  @Test
  void relativeWeightsRankTheAspectsAndSumToRSquared() {
    var analysis = KeyDrivers.analyse(sample(1000, 7), "");

    assertThat(analysis.overallQuestionId()).isEqualTo("nps");
    assertThat(analysis.n()).isEqualTo(1000);
    assertThat(analysis.drivers()).extracting(KeyDrivers.Driver::questionId).containsExactly("delivery", "price", "site");
    double rawSum = analysis.drivers().stream().mapToDouble(KeyDrivers.Driver::rawWeight).sum();
    assertThat(rawSum).isCloseTo(analysis.rSquared(), within(1e-9));
    assertThat(analysis.drivers().stream().mapToDouble(KeyDrivers.Driver::importance).sum()).isCloseTo(100, within(1e-6));
    assertThat(analysis.drivers().get(0).importance()).isGreaterThan(80);
    assertThat(analysis.drivers().get(2).importance()).isLessThan(2);
    assertThat(analysis.rSquared()).isGreaterThan(0.8);
  }

  @Test
  void uncorrelatedAspectsWeighTheirSquaredCorrelations() {
    // with orthogonal predictors, relative weights equal the squared correlations
    var analysis = KeyDrivers.analyse(sample(4000, 11), "");

    for (var d : analysis.drivers()) {
      assertThat(d.rawWeight()).isCloseTo(d.correlation() * d.correlation(), within(0.01));
    }
  }

  @Test
  void quadrantsSplitAtTheMeanImportanceAndPerformance() {
    var analysis = KeyDrivers.analyse(sample(500, 3), "nps");

    assertThat(analysis.drivers().get(0).quadrant()).isIn(Quadrant.STRENGTH, Quadrant.PRIORITY);
    assertThat(analysis.drivers().get(2).quadrant()).isIn(Quadrant.MAINTAIN, Quadrant.SECONDARY);
  }

  @Test
  void tooFewResponsesAreRefusedWithTheCount() {
    assertThatThrownBy(() -> KeyDrivers.analyse(sample(10, 1), ""))
        .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("the sample has 10 complete responses");
    assertThat(List.of()).isEmpty();
  }
}
