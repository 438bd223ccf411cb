package io.cxhub.persona.segment;

import java.util.List;

/**
 * Who is in a segment: a tree of conditions over a customer's attributes (see
 * {@link SegmentAttributes} for the names). Built from the contract as sent, then checked by
 * {@link SegmentRuleCheck} (which names the path of every problem) and compiled by
 * {@link SegmentRuleCompiler}. A record may hold invalid parts until it is checked.
 */
public sealed interface SegmentRule {

  /** Every rule holds. */
  record All(List<SegmentRule> rules) implements SegmentRule {
    public All {
      rules = rules == null ? List.of() : List.copyOf(rules);
    }
  }

  /** At least one rule holds. */
  record Any(List<SegmentRule> rules) implements SegmentRule {
    public Any {
      rules = rules == null ? List.of() : List.copyOf(rules);
    }
  }

  /** The rule does not hold; {@code rule} null when it was not given. */
  record Not(SegmentRule rule) implements SegmentRule {}

  /** An attribute compared with a value; {@code operator} and {@code value} null when not given. */
  record Compare(String attribute, Operator operator, Value value) implements SegmentRule {}

  /** A text attribute equal to one of the values, or a list attribute holding one of them. */
  record In(String attribute, List<String> values) implements SegmentRule {
    public In {
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  /** A number attribute in [min, max); a null bound is open. */
  record Range(String attribute, Double min, Double max) implements SegmentRule {}

  /** A condition given with none of its cases (refused by the check). */
  record Empty() implements SegmentRule {}

  enum Operator { EQ, NE, LT, LE, GT, GE }

  /** A value of a comparison. */
  sealed interface Value {
    record Number(double value) implements Value {}
    record Text(String value) implements Value {}
    record Flag(boolean value) implements Value {}
  }
}
