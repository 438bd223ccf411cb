package io.cxhub.kit.trace;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * W3C trace context across asynchronous hand-overs (an outbox, a queue): what a request
 * stores with the work it leaves behind ({@link #current()}), and how the worker that takes
 * it up later continues the same trace ({@link #startChild}). Calls over HTTP and gRPC need
 * none of this: their observations carry the {@code traceparent} header themselves.
 */
public final class TraceParents {

  /** The W3C header (and the field name this project stores it under). */
  public static final String HEADER = "traceparent";

  /** version-traceid-parentid-flags, lowercase hex; all-zero ids are invalid. */
  private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

  /** Tracing switched off: nothing stored, nothing continued. */
  public static final TraceParents NOOP = new TraceParents(Tracer.NOOP, Propagator.NOOP);

  private final Tracer tracer;
  private final Propagator propagator;

  public TraceParents(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** The {@code traceparent} of the current span; empty when there is none. */
  public String current() {
    Span span = tracer.currentSpan();
    if (span == null || span.isNoop()) {
      return "";
    }
    TraceContext context = span.context();
    var carrier = new HashMap<String, String>();
    propagator.inject(context, carrier, Map::put);
    String value = carrier.getOrDefault(HEADER, "");
    return isValid(value) ? value : "";
  }

  /**
   * Starts a span named {@code name}, child of {@code traceParent} when it is a valid W3C
   * {@code traceparent}, the root of a new trace otherwise. The caller puts it in scope
   * ({@link Tracer#withSpan}) and ends it.
   */
  public Span startChild(String traceParent, String name) {
    if (!isValid(traceParent)) {
      return tracer.nextSpan().name(name).start();
    }
    return propagator.extract(Map.of(HEADER, traceParent), Map::get).name(name).start();
  }

  /** Puts {@code span} in scope (its ids in the logs' MDC) until the returned scope closes. */
  public Tracer.SpanInScope inScope(Span span) {
    return tracer.withSpan(span);
  }

  public static boolean isValid(String traceParent) {
    return traceParent != null && VALID.matcher(traceParent).matches();
  }
}
