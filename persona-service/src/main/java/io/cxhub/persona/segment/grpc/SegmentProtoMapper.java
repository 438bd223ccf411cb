package io.cxhub.persona.segment.grpc;

import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.persona.segment.Segment;
import io.cxhub.persona.segment.SegmentOperation;
import io.cxhub.persona.segment.SegmentRule;
import io.cxhub.proto.persona.v1.SegmentComparison;
import io.cxhub.proto.persona.v1.SegmentMembership;
import io.cxhub.proto.persona.v1.SegmentOperationState;
import io.cxhub.proto.persona.v1.SegmentOperator;
import io.cxhub.proto.persona.v1.SegmentRange;
import io.cxhub.proto.persona.v1.SegmentRuleGroup;
import io.cxhub.proto.persona.v1.SegmentValue;
import io.cxhub.proto.persona.v1.UpsertSegmentRequest;

/** Maps segments between the contract and the domain. */
final class SegmentProtoMapper {

  private SegmentProtoMapper() {}

  static Segment.Definition toDefinition(UpsertSegmentRequest r) {
    return new Segment.Definition(r.getSegmentId(), r.getDisplayName(), r.getDescription(), r.getPriority(),
        r.hasRule() ? toRule(r.getRule()) : null);
  }

  static SegmentRule toRule(io.cxhub.proto.persona.v1.SegmentRule r) {
    return switch (r.getConditionCase()) {
      case ALL -> new SegmentRule.All(r.getAll().getRulesList().stream().map(SegmentProtoMapper::toRule).toList());
      case ANY -> new SegmentRule.Any(r.getAny().getRulesList().stream().map(SegmentProtoMapper::toRule).toList());
      case NOT -> new SegmentRule.Not(toRule(r.getNot()));
      case COMPARE -> {
        var c = r.getCompare();
        yield new SegmentRule.Compare(c.getAttribute(), operator(c.getOperator()), c.hasValue() ? value(c.getValue()) : null);
      }
      case IN -> new SegmentRule.In(r.getIn().getAttribute(), r.getIn().getValuesList());
      case RANGE -> {
        var g = r.getRange();
        yield new SegmentRule.Range(g.getAttribute(), g.hasMin() ? g.getMin() : null, g.hasMax() ? g.getMax() : null);
      }
      case CONDITION_NOT_SET -> new SegmentRule.Empty();
    };
  }

  private static SegmentRule.Operator operator(SegmentOperator op) {
    return switch (op) {
      case SEGMENT_OPERATOR_EQ -> SegmentRule.Operator.EQ;
      case SEGMENT_OPERATOR_NE -> SegmentRule.Operator.NE;
      case SEGMENT_OPERATOR_LT -> SegmentRule.Operator.LT;
      case SEGMENT_OPERATOR_LE -> SegmentRule.Operator.LE;
      case SEGMENT_OPERATOR_GT -> SegmentRule.Operator.GT;
      case SEGMENT_OPERATOR_GE -> SegmentRule.Operator.GE;
      default -> null;
    };
  }

  private static SegmentRule.Value value(SegmentValue v) {
    return switch (v.getKindCase()) {
      case NUMBER -> new SegmentRule.Value.Number(v.getNumber());
      case TEXT -> new SegmentRule.Value.Text(v.getText());
      case FLAG -> new SegmentRule.Value.Flag(v.getFlag());
      case KIND_NOT_SET -> null;
    };
  }

  static io.cxhub.proto.persona.v1.Segment toProto(Segment s) {
    var d = s.definition();
    return io.cxhub.proto.persona.v1.Segment.newBuilder()
        .setSegmentId(d.segmentId())
        .setDisplayName(d.displayName().isEmpty() ? d.segmentId() : d.displayName())
        .setDescription(d.description())
        .setPriority(d.priority())
        .setRule(toProto(d.rule()))
        .setSize(s.size())
        .setOperationId(s.operationId() == null ? "" : s.operationId())
        .setCreateTime(ProtoTimestamps.toProto(s.createTime()))
        .setUpdateTime(ProtoTimestamps.toProto(s.updateTime()))
        .build();
  }

  static io.cxhub.proto.persona.v1.SegmentRule toProto(SegmentRule rule) {
    var b = io.cxhub.proto.persona.v1.SegmentRule.newBuilder();
    if (rule instanceof SegmentRule.All all) {
      b.setAll(SegmentRuleGroup.newBuilder().addAllRules(all.rules().stream().map(SegmentProtoMapper::toProto).toList()));
    } else if (rule instanceof SegmentRule.Any any) {
      b.setAny(SegmentRuleGroup.newBuilder().addAllRules(any.rules().stream().map(SegmentProtoMapper::toProto).toList()));
    } else if (rule instanceof SegmentRule.Not not) {
      b.setNot(toProto(not.rule()));
    } else if (rule instanceof SegmentRule.Compare c) {
      var value = SegmentValue.newBuilder();
      if (c.value() instanceof SegmentRule.Value.Number n) {
        value.setNumber(n.value());
      } else if (c.value() instanceof SegmentRule.Value.Text t) {
        value.setText(t.value());
      } else if (c.value() instanceof SegmentRule.Value.Flag f) {
        value.setFlag(f.value());
      }
      b.setCompare(SegmentComparison.newBuilder().setAttribute(c.attribute())
          .setOperator(SegmentOperator.valueOf("SEGMENT_OPERATOR_" + c.operator().name())).setValue(value));
    } else if (rule instanceof SegmentRule.In in) {
      b.setIn(SegmentMembership.newBuilder().setAttribute(in.attribute()).addAllValues(in.values()));
    } else if (rule instanceof SegmentRule.Range r) {
      var range = SegmentRange.newBuilder().setAttribute(r.attribute());
      if (r.min() != null) {
        range.setMin(r.min());
      }
      if (r.max() != null) {
        range.setMax(r.max());
      }
      b.setRange(range);
    }
    return b.build();
  }

  static io.cxhub.proto.persona.v1.SegmentOperation toProto(SegmentOperation op) {
    var b = io.cxhub.proto.persona.v1.SegmentOperation.newBuilder()
        .setOperationId(op.operationId())
        .setSegmentId(op.segmentId())
        .setState(SegmentOperationState.valueOf("SEGMENT_OPERATION_STATE_" + op.state().name()))
        .setTotal(op.total())
        .setDone(op.done())
        .setChanged(op.changed())
        .setStartTime(ProtoTimestamps.toProto(op.startTime()))
        .setError(op.error() == null ? "" : op.error());
    if (op.endTime() != null) {
      b.setEndTime(ProtoTimestamps.toProto(op.endTime()));
    }
    return b.build();
  }
}
