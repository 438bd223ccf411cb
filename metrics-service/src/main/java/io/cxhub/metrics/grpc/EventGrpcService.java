package io.cxhub.metrics.grpc;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.metrics.event.BusinessEvent;
import io.cxhub.metrics.event.EventValidation;
import io.cxhub.metrics.event.RecordEvents;
import io.cxhub.proto.metrics.v1.EventServiceGrpc;
import io.cxhub.proto.metrics.v1.ImportEventsRequest;
import io.cxhub.proto.metrics.v1.ImportEventsResponse;
import io.cxhub.proto.metrics.v1.RecordEventsRequest;
import io.cxhub.proto.metrics.v1.RecordEventsResponse;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The cx.metrics.v1.EventService endpoint (tenant-scoped): maps messages, calls RecordEvents. */
@Service
class EventGrpcService extends EventServiceGrpc.EventServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(EventGrpcService.class);

  /** Media types of an NDJSON import (parameters such as charset are ignored; UTF-8 is read). */
  static final Set<String> NDJSON_TYPES = Set.of("application/x-ndjson", "application/jsonl", "application/ndjson");
  /** Largest import body read; the gateway already refuses bodies over 1 MiB. */
  static final int MAX_IMPORT_BYTES = 4 * 1024 * 1024;

  private final RecordEvents recordEvents;

  EventGrpcService(RecordEvents recordEvents) {
    this.recordEvents = recordEvents;
  }

  @Override
  public void recordEvents(RecordEventsRequest request, StreamObserver<RecordEventsResponse> response) {
    String tenantId = TenantContext.require();
    var violations = new Violations();
    var events = new ArrayList<BusinessEvent>(request.getEventsCount());
    if (request.getEventsCount() > EventValidation.MAX_EVENTS) {
      throw InvalidInputException.of("events",
          "must hold at most " + EventValidation.MAX_EVENTS + " events, not " + request.getEventsCount());
    }
    for (int i = 0; i < request.getEventsCount(); i++) {
      events.add(EventProtoMapper.toDomain(request.getEvents(i), "events[" + i + "].", violations));
    }
    response.onNext(EventProtoMapper.toProto(recordEvents.record(tenantId, events, violations)));
    response.onCompleted();
  }

  @Override
  public void importEvents(ImportEventsRequest request, StreamObserver<ImportEventsResponse> response) {
    String tenantId = TenantContext.require();
    var body = request.getBody();
    String type = body.getContentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!NDJSON_TYPES.contains(type)) {
      throw InvalidInputException.of("body.content_type",
          "must be application/x-ndjson (one JSON event per line), not '" + body.getContentType() + "'");
    }
    if (body.getData().size() > MAX_IMPORT_BYTES) {
      throw InvalidInputException.of("body.data", "must be at most " + MAX_IMPORT_BYTES + " bytes");
    }
    var lines = EventProtoMapper.readNdjson(body.getData().toByteArray());
    var outcome = recordEvents.importLines(tenantId, lines);
    log.info("events imported tenant={} lines={} recorded={} duplicates={} rejected={}", tenantId, outcome.lines(),
        outcome.recorded(), outcome.duplicates(), outcome.rejected());
    response.onNext(EventProtoMapper.toProto(outcome));
    response.onCompleted();
  }
}
