package io.cxhub.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the reads of one collection cost: queries, full collection scans, documents and index
 * keys examined, and the last plan chosen. The counters are server-side and cumulative (read
 * them with the {@code cxScanStats} command of the database); a
 * thread's current command can also be traced on its own (the {@code explain} command).
 */
final class ScanStats {

  /** The trace of the command running on this thread, when it is being explained. */
  static final class Trace {
    long docsExamined;
    long keysExamined;
    boolean fullScan;
    String plan = "EOF";
  }

  private static final ThreadLocal<Trace> TRACE = new ThreadLocal<>();

  private final AtomicLong queries = new AtomicLong();
  private final AtomicLong fullScans = new AtomicLong();
  private final AtomicLong docsExamined = new AtomicLong();
  private final AtomicLong keysExamined = new AtomicLong();
  private volatile String lastPlan = "";

  static Trace startTrace() {
    Trace trace = new Trace();
    TRACE.set(trace);
    return trace;
  }

  static void endTrace() {
    TRACE.remove();
  }

  void query() {
    queries.incrementAndGet();
  }

  void plan(String plan) {
    lastPlan = plan;
    Trace trace = TRACE.get();
    if (trace != null) {
      trace.plan = plan;
    }
  }

  void fullScan(long documents) {
    fullScans.incrementAndGet();
    docsExamined.addAndGet(documents);
    Trace trace = TRACE.get();
    if (trace != null) {
      trace.fullScan = true;
      trace.docsExamined += documents;
    }
  }

  void documentExamined() {
    docsExamined.incrementAndGet();
    Trace trace = TRACE.get();
    if (trace != null) {
      trace.docsExamined++;
    }
  }

  void keyExamined() {
    keysExamined.incrementAndGet();
    Trace trace = TRACE.get();
    if (trace != null) {
      trace.keysExamined++;
    }
  }

  long fullScans() {
    return fullScans.get();
  }

  long docsExamined() {
    return docsExamined.get();
  }

  Document toDocument() {
    return new Document("queries", queries.get())
        .append("fullScans", fullScans.get())
        .append("docsExamined", docsExamined.get())
        .append("keysExamined", keysExamined.get())
        .append("lastPlan", lastPlan);
  }
}
