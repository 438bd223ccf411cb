package io.cxhub.persona.segment;

import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.segment.SegmentAttributes.Attribute;
import io.cxhub.persona.segment.SegmentRule.All;
import io.cxhub.persona.segment.SegmentRule.Any;
import io.cxhub.persona.segment.SegmentRule.Compare;
import io.cxhub.persona.segment.SegmentRule.In;
import io.cxhub.persona.segment.SegmentRule.Not;
import io.cxhub.persona.segment.SegmentRule.Operator;
import io.cxhub.persona.segment.SegmentRule.Range;
import io.cxhub.persona.segment.SegmentRule.Value;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns a checked rule into a predicate over customers, evaluated as of {@code now} (for
 * recency and age): attribute lookups are resolved once, membership values become a hash set.
 */
public final class SegmentRuleCompiler {

  private SegmentRuleCompiler() {}

  /** @throws IllegalArgumentException for a rule that {@link SegmentRuleCheck} would refuse */
  public static Predicate<Customer> compile(SegmentRule rule, Instant now) {
    if (rule instanceof All all) {
      List<Predicate<Customer>> parts = all.rules().stream().map(r -> compile(r, now)).toList();
      return c -> {
        for (var p : parts) {
          if (!p.test(c)) {
            return false;
          }
        }
        return true;
      };
    }
    if (rule instanceof Any any) {
      List<Predicate<Customer>> parts = any.rules().stream().map(r -> compile(r, now)).toList();
      return c -> {
        for (var p : parts) {
          if (p.test(c)) {
            return true;
          }
        }
        return false;
      };
    }
    if (rule instanceof Not not) {
      return compile(not.rule(), now).negate();
    }
    if (rule instanceof Compare compare) {
      return compare(attribute(compare.attribute()), compare.operator(), compare.value(), now);
    }
    if (rule instanceof In in) {
      var a = attribute(in.attribute());
      var values = new HashSet<>(in.values());
      if (a.kind() == SegmentAttributes.Kind.TEXT) {
        return c -> values.contains(a.text(c, now));
      }
      if (a.kind() == SegmentAttributes.Kind.LIST) {
        return c -> {
          for (String v : a.list(c, now)) {
            if (values.contains(v)) {
              return true;
            }
          }
          return false;
        };
      }
      throw new IllegalArgumentException("in over " + a.kind());
    }
    if (rule instanceof Range range) {
      var a = attribute(range.attribute());
      double min = range.min() == null ? Double.NEGATIVE_INFINITY : range.min();
      double max = range.max() == null ? Double.POSITIVE_INFINITY : range.max();
      // NaN (unknown) fails both comparisons
      return c -> {
        double x = a.number(c, now);
        return x >= min && x < max;
      };
    }
    throw new IllegalArgumentException("not a checked rule: " + rule);
  }

  private static Predicate<Customer> compare(Attribute a, Operator op, Value value, Instant now) {
    return switch (a.kind()) {
      case NUMBER -> {
        double v = ((Value.Number) value).value();
        yield switch (op) {
          case EQ -> c -> a.number(c, now) == v;
          // unknown (NaN) is not "different"
          case NE -> c -> {
            double x = a.number(c, now);
            return !Double.isNaN(x) && x != v;
          };
          case LT -> c -> a.number(c, now) < v;
          case LE -> c -> a.number(c, now) <= v;
          case GT -> c -> a.number(c, now) > v;
          case GE -> c -> a.number(c, now) >= v;
        };
      }
      case TEXT -> {
        String v = ((Value.Text) value).value();
        yield op == Operator.EQ ? c -> v.equals(a.text(c, now)) : c -> !v.equals(a.text(c, now));
      }
      case LIST -> {
        String v = ((Value.Text) value).value();
        yield op == Operator.EQ ? c -> a.list(c, now).contains(v) : c -> !a.list(c, now).contains(v);
      }
      case FLAG -> {
        boolean v = ((Value.Flag) value).value();
        yield op == Operator.EQ ? c -> a.flag(c, now) == v : c -> a.flag(c, now) != v;
      }
    };
  }

  private static Attribute attribute(String name) {
    return SegmentAttributes.find(name).orElseThrow(() -> new IllegalArgumentException("unknown attribute " + name));
  }
}
