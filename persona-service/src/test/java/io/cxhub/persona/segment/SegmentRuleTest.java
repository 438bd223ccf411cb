package io.cxhub.persona.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.Violations;
import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.CustomerActivity;
import io.cxhub.persona.customer.CustomerProfile;
import io.cxhub.persona.customer.CustomerValue;
import io.cxhub.persona.customer.ValueTier;
import io.cxhub.persona.segment.SegmentRule.All;
import io.cxhub.persona.segment.SegmentRule.Any;
import io.cxhub.persona.segment.SegmentRule.Compare;
import io.cxhub.persona.segment.SegmentRule.In;
import io.cxhub.persona.segment.SegmentRule.Not;
import io.cxhub.persona.segment.SegmentRule.Operator;
import io.cxhub.persona.segment.SegmentRule.Range;
import io.cxhub.persona.segment.SegmentRule.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentRuleTest {

  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  static Customer customer(String id, String country, int orders, double spent, int daysSinceLastOrder,
      List<String> interests, Map<String, Long> contacts, ValueTier tier) {
    var profile = CustomerProfile.builder()
        .demographics(new CustomerProfile.Demographics(1990, "", "", country, "", ""))
        .psychographics(new CustomerProfile.Psychographics(List.of(), interests, List.of()))
        .transactional(new CustomerProfile.Transactional(orders, spent, spent > 0 ? "EUR" : "",
            null, orders > 0 ? NOW.minus(Duration.ofDays(daysSinceLastOrder)) : null))
        .consent(new CustomerProfile.Consent(true, false, false, true))
        .build();
    var activity = new CustomerActivity(0, 0, null, null, contacts, Map.of(), Map.of());
    var value = tier == null ? null : new CustomerValue(daysSinceLastOrder, orders, spent, 3, 3, 3, tier, spent * 2, NOW);
    return new Customer(id, profile, activity, value, NOW, NOW);
  }

  static Compare compare(String attribute, Operator op, Value value) {
    return new Compare(attribute, op, value);
  }

  static Value number(double v) {
    return new Value.Number(v);
  }

  static List<String> check(SegmentRule rule) {
    var v = new Violations();
    SegmentRuleCheck.check(v, "rule", rule);
    return v.asList().stream().map(FieldViolation::field).toList();
  }

  final Customer bigFrench = customer("a", "FR", 12, 1500, 5, List.of("cycling"), Map.of("SUPPORT", 4L), ValueTier.CHAMPIONS);
  final Customer smallGerman = customer("b", "DE", 1, 20, 300, List.of("golf"), Map.of(), ValueTier.LOST);
  final Customer neverOrdered = customer("c", "FR", 0, 0, 0, List.of(), Map.of("EMAIL", 1L), null);

  @Test
  void andOrNotComparisonsMembershipAndRangesEvaluate() {
    var rule = new All(List.of(
        new In("country", List.of("FR", "BE")),
        new Any(List.of(compare("spent", Operator.GE, number(1000)), new In("interests", List.of("golf", "cycling")))),
        new Not(compare("value_tier", Operator.EQ, new Value.Text("lost"))),
        new Range("recency_days", null, 30.0)));
    assertThat(check(rule)).isEmpty();
    var p = SegmentRuleCompiler.compile(rule, NOW);

    assertThat(p.test(bigFrench)).isTrue();
    assertThat(p.test(smallGerman)).isFalse();
    // no order: recency is unknown, so the range does not hold
    assertThat(p.test(neverOrdered)).isFalse();
  }

  @Test
  void unknownNumbersMatchNeitherAComparisonNorItsNegation() {
    var lt = SegmentRuleCompiler.compile(compare("recency_days", Operator.LT, number(100)), NOW);
    var ne = SegmentRuleCompiler.compile(compare("recency_days", Operator.NE, number(100)), NOW);
    assertThat(lt.test(neverOrdered)).isFalse();
    assertThat(ne.test(neverOrdered)).isFalse();
    assertThat(ne.test(smallGerman)).isTrue();
  }

  @Test
  void contactsPerChannelFlagsListsAndAgeAreAttributes() {
    assertThat(SegmentRuleCompiler.compile(compare("contacts.SUPPORT", Operator.GE, number(3)), NOW).test(bigFrench)).isTrue();
    assertThat(SegmentRuleCompiler.compile(compare("contacts.SUPPORT", Operator.GE, number(3)), NOW).test(neverOrdered)).isFalse();
    assertThat(SegmentRuleCompiler.compile(compare("consent.profiling", Operator.EQ, new Value.Flag(true)), NOW).test(bigFrench)).isTrue();
    assertThat(SegmentRuleCompiler.compile(compare("interests", Operator.NE, new Value.Text("golf")), NOW).test(smallGerman)).isFalse();
    assertThat(SegmentRuleCompiler.compile(new Range("age", 30.0, 40.0), NOW).test(bigFrench)).isTrue();
    assertThat(SegmentRuleCompiler.compile(compare("preferred_channel", Operator.EQ, new Value.Text("SUPPORT")), NOW)
        .test(bigFrench)).isTrue();
  }

  @Test
  void everyMalformedPartIsNamedByItsPath() {
    var rule = new All(List.of(
        compare("spent", Operator.GT, new Value.Text("a lot")),
        new Any(List.of()),
        compare("shoe_size", Operator.EQ, number(42)),
        compare("country", Operator.LT, new Value.Text("FR")),
        new Range("country", 1.0, null),
        new Range("orders", 5.0, 2.0),
        new In("orders", List.of("")),
        new Not(null),
        new SegmentRule.Empty()));

    assertThat(check(rule)).containsExactlyInAnyOrder(
        "rule.all.rules[0].compare.value",
        "rule.all.rules[1].any.rules",
        "rule.all.rules[2].compare.attribute",
        "rule.all.rules[3].compare.operator",
        "rule.all.rules[4].range.attribute",
        "rule.all.rules[5].range.max",
        "rule.all.rules[6].in.attribute",
        "rule.all.rules[6].in.values[0]",
        "rule.all.rules[7].not",
        "rule.all.rules[8]");
    assertThat(check(null)).containsExactly("rule");
  }

  @Test
  void tooDeepARuleIsRefused() {
    SegmentRule rule = compare("orders", Operator.GT, number(1));
    for (int i = 0; i < 9; i++) {
      rule = new Not(rule);
    }
    assertThat(check(rule)).isNotEmpty().allMatch(f -> f.startsWith("rule.not.not"));
  }
}
