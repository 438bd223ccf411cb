package io.cxhub.persona.segment.mongo;

import io.cxhub.persona.segment.SegmentRule;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * A rule as a BSON tree, one key per node: {@code {all: [...]}}, {@code {any: [...]}},
 * {@code {not: {...}}}, {@code {compare: {attribute, operator, number|text|flag}}},
 * {@code {in: {attribute, values}}}, {@code {range: {attribute, min?, max?}}}.
 */
final class SegmentRuleCodec {

  private SegmentRuleCodec() {}

  static Document encode(SegmentRule rule) {
    if (rule instanceof SegmentRule.All all) {
      return new Document("all", all.rules().stream().map(SegmentRuleCodec::encode).toList());
    }
    if (rule instanceof SegmentRule.Any any) {
      return new Document("any", any.rules().stream().map(SegmentRuleCodec::encode).toList());
    }
    if (rule instanceof SegmentRule.Not not) {
      return new Document("not", encode(not.rule()));
    }
    if (rule instanceof SegmentRule.Compare c) {
      var d = new Document("attribute", c.attribute()).append("operator", c.operator().name());
      if (c.value() instanceof SegmentRule.Value.Number n) {
        d.append("number", n.value());
      } else if (c.value() instanceof SegmentRule.Value.Text t) {
        d.append("text", t.value());
      } else if (c.value() instanceof SegmentRule.Value.Flag f) {
        d.append("flag", f.value());
      }
      return new Document("compare", d);
    }
    if (rule instanceof SegmentRule.In in) {
      return new Document("in", new Document("attribute", in.attribute()).append("values", in.values()));
    }
    if (rule instanceof SegmentRule.Range r) {
      var d = new Document("attribute", r.attribute());
      if (r.min() != null) {
        d.append("min", r.min());
      }
      if (r.max() != null) {
        d.append("max", r.max());
      }
      return new Document("range", d);
    }
    return new Document();
  }

  static SegmentRule decode(Document d) {
    if (d.containsKey("all")) {
      return new SegmentRule.All(children(d, "all"));
    }
    if (d.containsKey("any")) {
      return new SegmentRule.Any(children(d, "any"));
    }
    if (d.containsKey("not")) {
      return new SegmentRule.Not(decode(d.get("not", Document.class)));
    }
    if (d.containsKey("compare")) {
      var c = d.get("compare", Document.class);
      SegmentRule.Value value = null;
      if (c.containsKey("number")) {
        value = new SegmentRule.Value.Number(((Number) c.get("number")).doubleValue());
      } else if (c.containsKey("text")) {
        value = new SegmentRule.Value.Text(c.getString("text"));
      } else if (c.containsKey("flag")) {
        value = new SegmentRule.Value.Flag(c.getBoolean("flag"));
      }
      return new SegmentRule.Compare(c.getString("attribute"), SegmentRule.Operator.valueOf(c.getString("operator")),
          value);
    }
    if (d.containsKey("in")) {
      var in = d.get("in", Document.class);
      return new SegmentRule.In(in.getString("attribute"), in.getList("values", String.class, List.of()));
    }
    if (d.containsKey("range")) {
      var r = d.get("range", Document.class);
      return new SegmentRule.Range(r.getString("attribute"), number(r, "min"), number(r, "max"));
    }
    return new SegmentRule.Empty();
  }

  private static List<SegmentRule> children(Document d, String key) {
    var result = new ArrayList<SegmentRule>();
    for (var child : d.getList(key, Document.class, List.of())) {
      result.add(decode(child));
    }
    return result;
  }

  private static Double number(Document d, String key) {
    var n = d.get(key, Number.class);
    return n == null ? null : n.doubleValue();
  }
}
