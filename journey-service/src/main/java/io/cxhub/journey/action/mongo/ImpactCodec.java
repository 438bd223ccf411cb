package io.cxhub.journey.action.mongo;

import io.cxhub.journey.action.Impact;
import io.cxhub.journey.action.Impact.Verdict;
import io.cxhub.journey.action.Impact.Window;
import io.cxhub.journey.insight.DayRange;
import io.cxhub.journey.insight.Difference;
import io.cxhub.journey.insight.Estimate;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;

/** Writes and reads a measured {@link Impact} as an embedded document of its action. */
final class ImpactCodec {

  private ImpactCodec() {}

  static Document toDocument(Impact i) {
    return new Document("measureTime", Date.from(i.measureTime()))
        .append("before", window(i.before()))
        .append("after", window(i.after()))
        .append("difference", difference(i.difference()))
        .append("comparisonBefore", i.comparisonBefore() == null ? null : window(i.comparisonBefore()))
        .append("comparisonAfter", i.comparisonAfter() == null ? null : window(i.comparisonAfter()))
        .append("did", i.did() == null ? null : difference(i.did()))
        .append("verdict", i.verdict().name())
        .append("requiredN", i.requiredNPerWindow())
        .append("targetReached", i.targetReached())
        .append("method", i.method());
  }

  static Impact toImpact(Document d) {
    return new Impact(d.getDate("measureTime").toInstant(), window(d.get("before", Document.class)),
        window(d.get("after", Document.class)), difference(d.get("difference", Document.class)),
        window(d.get("comparisonBefore", Document.class)), window(d.get("comparisonAfter", Document.class)),
        difference(d.get("did", Document.class)), Verdict.valueOf(d.getString("verdict")),
        d.get("requiredN", Number.class).longValue(), d.getBoolean("targetReached", false), d.getString("method"));
  }

  private static Document window(Window w) {
    var e = w.estimate();
    return new Document("start", w.days().start().toString()).append("end", w.days().end().toString())
        .append("n", e.n()).append("value", e.value()).append("low", e.low()).append("high", e.high())
        .append("variance", e.variance()).append("lowSample", e.lowSample());
  }

  private static Window window(Document d) {
    if (d == null) {
      return null;
    }
    return new Window(new DayRange(LocalDate.parse(d.getString("start")), LocalDate.parse(d.getString("end"))),
        new Estimate(d.get("n", Number.class).longValue(), d.getDouble("value"), d.getDouble("low"), d.getDouble("high"),
            d.getDouble("variance"), d.getBoolean("lowSample", false)));
  }

  private static Document difference(Difference x) {
    return new Document("value", x.value()).append("low", x.low()).append("high", x.high())
        .append("variance", x.variance()).append("pValue", x.pValue());
  }

  private static Difference difference(Document d) {
    return d == null ? null : new Difference(d.getDouble("value"), d.getDouble("low"), d.getDouble("high"),
        d.getDouble("variance"), d.getDouble("pValue"));
  }
}
