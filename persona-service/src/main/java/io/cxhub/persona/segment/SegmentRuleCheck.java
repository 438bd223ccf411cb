package io.cxhub.persona.segment;

import io.cxhub.kit.error.Violations;
import io.cxhub.persona.segment.SegmentAttributes.Kind;
import io.cxhub.persona.segment.SegmentRule.All;
import io.cxhub.persona.segment.SegmentRule.Any;
import io.cxhub.persona.segment.SegmentRule.Compare;
import io.cxhub.persona.segment.SegmentRule.In;
import io.cxhub.persona.segment.SegmentRule.Not;
import io.cxhub.persona.segment.SegmentRule.Operator;
import io.cxhub.persona.segment.SegmentRule.Range;
import io.cxhub.persona.segment.SegmentRule.Value;
import java.util.List;

/**
 * What makes a rule acceptable. Every problem is reported under the path of its part in the
 * request, in the contract's names: {@code rule.all.rules[2].compare.value}.
 */
final class SegmentRuleCheck {

  static final int MAX_DEPTH = 8;
  static final int MAX_CONDITIONS = 200;
  static final int MAX_GROUP = 50;
  static final int MAX_VALUES = 500;
  static final int VALUE_MAX = 200;

  private final Violations violations;
  private int conditions;

  private SegmentRuleCheck(Violations violations) {
    this.violations = violations;
  }

  /** Checks the rule found at {@code path} (null: not given). */
  static void check(Violations violations, String path, SegmentRule rule) {
    var check = new SegmentRuleCheck(violations);
    if (rule == null) {
      violations.add(path, "is required");
      return;
    }
    check.visit(path, rule, 1);
    violations.check(check.conditions <= MAX_CONDITIONS, path, "must hold at most " + MAX_CONDITIONS + " conditions");
  }

  private void visit(String path, SegmentRule rule, int depth) {
    conditions++;
    if (depth > MAX_DEPTH) {
      violations.add(path, "is nested deeper than " + MAX_DEPTH + " levels");
      return;
    }
    if (rule instanceof All all) {
      group(path + ".all", all.rules(), depth);
    } else if (rule instanceof Any any) {
      group(path + ".any", any.rules(), depth);
    } else if (rule instanceof Not not) {
      if (not.rule() == null) {
        violations.add(path + ".not", "is required");
      } else {
        visit(path + ".not", not.rule(), depth + 1);
      }
    } else if (rule instanceof Compare compare) {
      compare(path + ".compare", compare);
    } else if (rule instanceof In in) {
      in(path + ".in", in);
    } else if (rule instanceof Range range) {
      range(path + ".range", range);
    } else {
      violations.add(path, "must hold one of all, any, not, compare, in, range");
    }
  }

  private void group(String path, List<SegmentRule> rules, int depth) {
    violations.check(!rules.isEmpty() && rules.size() <= MAX_GROUP, path + ".rules",
        "must hold 1 to " + MAX_GROUP + " rules");
    for (int i = 0; i < rules.size() && i < MAX_GROUP; i++) {
      visit(path + ".rules[" + i + "]", rules.get(i), depth + 1);
    }
  }

  private void compare(String path, Compare compare) {
    var attribute = attribute(path, compare.attribute());
    if (compare.operator() == null) {
      violations.add(path + ".operator", "is required: EQ, NE, LT, LE, GT or GE");
    }
    Value value = compare.value();
    if (value == null) {
      violations.add(path + ".value", "is required: one of number, text, flag");
    }
    if (attribute == null || compare.operator() == null || value == null) {
      return;
    }
    boolean ordering = compare.operator() != Operator.EQ && compare.operator() != Operator.NE;
    switch (attribute.kind()) {
      case NUMBER -> violations.check(value instanceof Value.Number n && Double.isFinite(n.value()), path + ".value",
          "must be a finite number (attribute '" + attribute.name() + "' is a number)");
      case TEXT, LIST -> {
        violations.check(!ordering, path + ".operator",
            "must be EQ or NE (attribute '" + attribute.name() + "' is a " + kind(attribute.kind()) + ")");
        if (value instanceof Value.Text text) {
          violations.requireText(path + ".value.text", text.value(), VALUE_MAX);
        } else {
          violations.add(path + ".value", "must be a text (attribute '" + attribute.name() + "' is a "
              + kind(attribute.kind()) + ")");
        }
      }
      case FLAG -> {
        violations.check(!ordering, path + ".operator",
            "must be EQ or NE (attribute '" + attribute.name() + "' is a flag)");
        violations.check(value instanceof Value.Flag, path + ".value",
            "must be a flag (attribute '" + attribute.name() + "' is a flag)");
      }
    }
  }

  private void in(String path, In in) {
    var attribute = attribute(path, in.attribute());
    if (attribute != null) {
      violations.check(attribute.kind() == Kind.TEXT || attribute.kind() == Kind.LIST, path + ".attribute",
          "must be a text or list attribute ('" + attribute.name() + "' is a " + kind(attribute.kind()) + ")");
    }
    violations.check(!in.values().isEmpty() && in.values().size() <= MAX_VALUES, path + ".values",
        "must hold 1 to " + MAX_VALUES + " values");
    for (int i = 0; i < in.values().size() && i < MAX_VALUES; i++) {
      violations.requireText(path + ".values[" + i + "]", in.values().get(i), VALUE_MAX);
    }
  }

  private void range(String path, Range range) {
    var attribute = attribute(path, range.attribute());
    if (attribute != null) {
      violations.check(attribute.kind() == Kind.NUMBER, path + ".attribute",
          "must be a number attribute ('" + attribute.name() + "' is a " + kind(attribute.kind()) + ")");
    }
    violations.check(range.min() != null || range.max() != null, path, "must have a min, a max or both");
    violations.check(range.min() == null || Double.isFinite(range.min()), path + ".min", "must be a finite number");
    violations.check(range.max() == null || Double.isFinite(range.max()), path + ".max", "must be a finite number");
    violations.check(range.min() == null || range.max() == null || range.min() <= range.max(), path + ".max",
        "must not be below min");
  }

  private SegmentAttributes.Attribute attribute(String path, String name) {
    if (name == null || name.isBlank()) {
      violations.add(path + ".attribute", "is required");
      return null;
    }
    var found = SegmentAttributes.find(name);
    if (found.isEmpty()) {
      violations.add(path + ".attribute", "'" + name + "' is not an attribute; one of " + SegmentAttributes.names());
      return null;
    }
    return found.get();
  }

  private static String kind(Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
