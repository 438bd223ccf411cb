package io.cxhub.metrics.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.metrics.nps.NpsCategory;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BucketKeyTest {

  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

  @Test
  void idIsDeterministicAndStartsWithTheTenant() {
    var key = BucketKey.of("acme", "s1", "q1", DAY, "LINK");
    assertThat(key.id()).isEqualTo(BucketKey.of("acme", "s1", "q1", DAY, "LINK").id()).startsWith("acme:");
  }

  @Test
  void everyPartChangesTheId() {
    var base = new BucketKey("acme", "s1", "q1", DAY, "LINK", "", "", "");
    assertThat(base.id())
        .isNotEqualTo(new BucketKey("globex", "s1", "q1", DAY, "LINK", "", "", "").id())
        .isNotEqualTo(new BucketKey("acme", "s2", "q1", DAY, "LINK", "", "", "").id())
        .isNotEqualTo(new BucketKey("acme", "s1", "q2", DAY, "LINK", "", "", "").id())
        .isNotEqualTo(new BucketKey("acme", "s1", "q1", DAY.plusDays(1), "LINK", "", "", "").id())
        .isNotEqualTo(new BucketKey("acme", "s1", "q1", DAY, "QR", "", "", "").id())
        .isNotEqualTo(new BucketKey("acme", "s1", "q1", DAY, "LINK", "st", "", "").id())
        .isNotEqualTo(new BucketKey("acme", "s1", "q1", DAY, "LINK", "", "tp", "").id())
        .isNotEqualTo(new BucketKey("acme", "s1", "q1", DAY, "LINK", "", "", "sg").id());
  }

  @Test
  void shiftingTextBetweenPartsChangesTheId() {
    assertThat(new BucketKey("acme", "s1", "q1", DAY, "LINK", "ab", "", "").id())
        .isNotEqualTo(new BucketKey("acme", "s1", "q1", DAY, "LINK", "a", "b", "").id());
  }

  @Test
  void missingSlicesAreEmpty() {
    var key = new BucketKey("acme", "s1", "q1", DAY, "LINK", null, null, null);
    assertThat(key).isEqualTo(BucketKey.of("acme", "s1", "q1", DAY, "LINK"));
    assertThat(key.dayText()).isEqualTo("2025-03-14");
  }

  @Test
  void npsIncrementsCarryTheirCategory() {
    var key = BucketKey.of("acme", "s1", "q1", DAY, "LINK");
    var promoter = BucketIncrement.of(key, "NPS", "r1", 9);
    assertThat(promoter.npsCategory()).isEqualTo(NpsCategory.PROMOTER);
    assertThat(promoter.promoters() + promoter.passives() + promoter.detractors()).isEqualTo(1);
    assertThat(promoter.sumSquares()).isEqualTo(81);
    assertThat(BucketIncrement.of(key, "CSAT", "r1", 4).npsCategory()).isNull();
  }
}
