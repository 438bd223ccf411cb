package io.cxhub.metrics.grpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.metrics.event.Amount;
import io.cxhub.metrics.event.BusinessEvent;
import io.cxhub.metrics.event.EventType;
import io.cxhub.metrics.event.RecordEvents;
import io.cxhub.proto.metrics.v1.Event;
import io.cxhub.proto.metrics.v1.ImportEventsResponse;
import io.cxhub.proto.metrics.v1.LineError;
import io.cxhub.proto.metrics.v1.RecordEventsResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** cx.metrics.v1 event messages, and NDJSON lines of them, to and from the domain. */
final class EventProtoMapper {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();
  /** Event fields by proto name and by JSON name. */
  private static final Map<String, FieldDescriptor> FIELDS = new HashMap<>();

  static {
    for (FieldDescriptor field : Event.getDescriptor().getFields()) {
      FIELDS.put(field.getName(), field);
      FIELDS.put(field.getJsonName(), field);
    }
  }

  private EventProtoMapper() {}

  /**
   * The domain event; problems only the adapter can see (an amount that does not fit) are
   * added to {@code violations} under {@code prefix}.
   */
  static BusinessEvent toDomain(Event e, String prefix, Violations violations) {
    Amount amount = e.hasAmount()
        ? Amount.of(e.getAmount().getCurrencyCode(), e.getAmount().getUnits(), e.getAmount().getNanos(),
            prefix + "amount", violations)
        : null;
    return BusinessEvent.builder(e.getEventId(), type(e), e.hasOccurTime() ? ProtoTimestamps.toInstant(e.getOccurTime()) : null)
        .channel(e.getChannel() == io.cxhub.proto.common.v1.Channel.UNRECOGNIZED
            ? io.cxhub.kit.domain.Channel.UNSPECIFIED : ProtoChannels.toDomain(e.getChannel()))
        .team(e.getTeam())
        .stageId(e.getStageId())
        .touchpointId(e.getTouchpointId())
        .caseId(e.getCaseId())
        .openedTime(e.hasOpenedTime() ? ProtoTimestamps.toInstant(e.getOpenedTime()) : null)
        .contactCount(e.getContactCount())
        .handlingSeconds(e.hasHandlingSeconds() ? e.getHandlingSeconds() : null)
        .customerId(e.getCustomerId())
        .funnelId(e.getFunnelId())
        .step(e.getStep())
        .stepOrder(e.getStepOrder())
        .amount(amount)
        .build();
  }

  private static EventType type(Event e) {
    return switch (e.getType()) {
      case EVENT_TYPE_CONTACT_OPENED -> EventType.CONTACT_OPENED;
      case EVENT_TYPE_FIRST_RESPONSE -> EventType.FIRST_RESPONSE;
      case EVENT_TYPE_CASE_RESOLVED -> EventType.CASE_RESOLVED;
      case EVENT_TYPE_VISIT -> EventType.VISIT;
      case EVENT_TYPE_FUNNEL_STEP_VIEWED -> EventType.FUNNEL_STEP_VIEWED;
      case EVENT_TYPE_FUNNEL_STEP_COMPLETED -> EventType.FUNNEL_STEP_COMPLETED;
      case EVENT_TYPE_ORDER_PLACED -> EventType.ORDER_PLACED;
      default -> null;
    };
  }

  /**
   * Reads NDJSON: one {@link Event} in proto3 JSON per line, blank lines skipped, each line
   * read on its own so that a bad line names its own fields (by proto name, like the rules;
   * {@link #toProto(RecordEvents.ImportOutcome)} gives JSON names) and spoils nothing else. Lines are numbered from 1, blank ones included.
   */
  static List<RecordEvents.ImportLine> readNdjson(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    var lines = new ArrayList<RecordEvents.ImportLine>();
    String[] raw = text.split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i].strip();
      if (!line.isEmpty()) {
        lines.add(readLine(i + 1, line));
      }
    }
    return lines;
  }

  private static RecordEvents.ImportLine readLine(int number, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return unreadable(number, "is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      return unreadable(number, "must be a JSON object (one event per line)");
    }
    var builder = Event.newBuilder();
    var problems = new ArrayList<FieldViolation>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      FieldDescriptor field = FIELDS.get(entry.getKey());
      if (field == null) {
        problems.add(new FieldViolation(entry.getKey(), "is not a field of an event"));
        continue;
      }
      // one field at a time: a parse error then names its field
      var single = JSON.createObjectNode().set(field.getName(), entry.getValue());
      try {
        PARSER.merge(single.toString(), builder);
      } catch (InvalidProtocolBufferException | RuntimeException e) {
        problems.add(new FieldViolation(field.getName(), "cannot be read: " + e.getMessage()));
      }
    }
    var violations = new Violations();
    BusinessEvent event = toDomain(builder.build(), "", violations);
    problems.addAll(violations.asList());
    return new RecordEvents.ImportLine(number, event, problems);
  }

  private static RecordEvents.ImportLine unreadable(int number, String problem) {
    return new RecordEvents.ImportLine(number, null, List.of(new FieldViolation("", problem)));
  }

  /** {@code amount.currency_code} → {@code amount.currencyCode}: proto3 JSON names. */
  static String jsonPath(String protoPath) {
    var out = new StringBuilder(protoPath.length());
    boolean upper = false;
    for (char c : protoPath.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  static RecordEventsResponse toProto(RecordEvents.BatchOutcome outcome) {
    return RecordEventsResponse.newBuilder()
        .setReceived(outcome.received())
        .setRecorded(outcome.recorded())
        .setDuplicates(outcome.duplicates())
        .build();
  }

  static ImportEventsResponse toProto(RecordEvents.ImportOutcome outcome) {
    var response = ImportEventsResponse.newBuilder()
        .setLines(outcome.lines())
        .setRecorded(outcome.recorded())
        .setDuplicates(outcome.duplicates())
        .setRejected(outcome.rejected());
    outcome.errors().forEach(e -> response.addErrors(LineError.newBuilder()
        .setLine(e.line()).setField(jsonPath(e.field())).setDescription(e.description())));
    return response.build();
  }
}
