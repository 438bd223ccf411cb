package io.cxhub.journey.insight.export;

import io.cxhub.journey.journey.BlueprintElement;
import io.cxhub.journey.journey.BlueprintLane;
import io.cxhub.journey.journey.IndicatorKind;
import io.cxhub.journey.insight.Estimate;
import io.cxhub.journey.insight.KpiStat;
import io.cxhub.journey.insight.LiveJourneyView;
import io.cxhub.journey.insight.LiveJourneyView.StageNumbers;
import io.cxhub.journey.insight.ScoreKind;
import io.cxhub.journey.insight.ScoreStat;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * Slide-ready pictures of a live journey: the journey map (stages, touchpoints, live
 * scores, the emotion curve measured beside the expected one) and the service blueprint
 * (lanes, the lines of interaction, visibility and internal interaction, elements with
 * owner, fail and wait points, bound indicators and the flow between them). The SVG is
 * written from a template (text escaped for XML); the PNG is the same SVG rasterized by
 * Apache Batik, so both always show the same picture.
 */
public final class JourneyImages {

  static final int COLUMN = 260;
  static final int MARGIN = 30;
  private static final String FONT = "font-family=\"DejaVu Sans, Arial, sans-serif\"";

  private JourneyImages() {}

  /** The journey map as SVG. */
  public static String mapSvg(LiveJourneyView view) {
    var stages = view.stages();
    int maxTouchpoints = stages.stream().mapToInt(s -> s.touchpoints().size()).max().orElse(0);
    int width = MARGIN * 2 + COLUMN * Math.max(1, stages.size());
    int touchTop = 150;
    int curveTop = touchTop + 26 * maxTouchpoints + 40;
    int curveHeight = 200;
    int height = curveTop + curveHeight + 60;
    var svg = header(width, height, view, "Journey map");
    for (int i = 0; i < stages.size(); i++) {
      var s = stages.get(i);
      int x = MARGIN + COLUMN * i;
      svg.append(rect(x + 4, 60, COLUMN - 8, 80, "#e8eef7", "#4a6fa5"));
      svg.append(text(x + 12, 80, 14, "bold", s.position() + ". " + s.stage().name()));
      svg.append(text(x + 12, 100, 12, "normal", score("NPS", s.numbers().score(ScoreKind.NPS))));
      svg.append(text(x + 12, 116, 12, "normal", score("CSAT", s.numbers().score(ScoreKind.CSAT))));
      svg.append(text(x + 12, 132, 11, "normal", "volume " + s.numbers().volume()));
      for (int j = 0; j < s.touchpoints().size(); j++) {
        var t = s.touchpoints().get(j);
        var nps = t.numbers().score(ScoreKind.NPS);
        svg.append(text(x + 12, touchTop + 18 + 26 * j, 11, "normal", "• " + t.touchpoint().name()
            + (nps == null ? "" : String.format(Locale.ROOT, "  NPS %+.0f (n=%d)", nps.estimate().value(), nps.estimate().n()))));
      }
    }
    // the emotion curve: 0-100 satisfaction, measured (solid, with intervals) and expected (dashed)
    svg.append(text(MARGIN, curveTop - 10, 13, "bold", "Emotion curve (satisfaction 0-100): measured ● with 95% interval, expected ◆ dashed"));
    svg.append(rect(MARGIN, curveTop, width - 2 * MARGIN, curveHeight, "#fafafa", "#cccccc"));
    for (int level = 0; level <= 100; level += 25) {
      int y = curveTop + curveHeight - curveHeight * level / 100;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e0e0e0\"/>%n",
          MARGIN, y, width - MARGIN, y));
      svg.append(text(MARGIN - 24, y + 4, 10, "normal", Integer.toString(level)));
    }
    var measured = new StringBuilder();
    var expected = new StringBuilder();
    for (int i = 0; i < stages.size(); i++) {
      var s = stages.get(i);
      int cx = MARGIN + COLUMN * i + COLUMN / 2;
      var m = s.satisfaction();
      if (!m.isEmpty()) {
        measured.append(cx).append(',').append(y(curveTop, curveHeight, m.value())).append(' ');
        svg.append(String.format(Locale.ROOT, "<line class=\"interval\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#4a6fa5\"/>%n",
            cx, y(curveTop, curveHeight, m.low()), cx, y(curveTop, curveHeight, m.high())));
        svg.append(String.format(Locale.ROOT, "<circle class=\"measured\" data-stage=\"%s\" data-value=\"%.1f\" cx=\"%d\" cy=\"%.1f\" r=\"5\" fill=\"#4a6fa5\"/>%n",
            escape(s.stage().id()), m.value(), cx, y(curveTop, curveHeight, m.value())));
      }
      svg.append(text(cx - 40, curveTop + curveHeight + 18, 11, "normal", s.stage().name()));
      double e = s.stage().hypothesis().expectedEmotion().normalized();
      if (!Double.isNaN(e)) {
        expected.append(cx).append(',').append(y(curveTop, curveHeight, e)).append(' ');
        svg.append(String.format(Locale.ROOT, "<rect class=\"expected\" data-stage=\"%s\" data-value=\"%.1f\" x=\"%d\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"#d08c2a\" transform=\"rotate(45 %d %.1f)\"/>%n",
            escape(s.stage().id()), e, cx - 4, y(curveTop, curveHeight, e) - 4, cx, y(curveTop, curveHeight, e)));
      }
    }
    if (measured.length() > 0) {
      svg.append("<polyline fill=\"none\" stroke=\"#4a6fa5\" stroke-width=\"2\" points=\"").append(measured.toString().trim()).append("\"/>\n");
    }
    if (expected.length() > 0) {
      svg.append("<polyline fill=\"none\" stroke=\"#d08c2a\" stroke-width=\"2\" stroke-dasharray=\"6,4\" points=\"")
          .append(expected.toString().trim()).append("\"/>\n");
    }
    return svg.append("</svg>\n").toString();
  }

  /** The service blueprint as SVG. */
  public static String blueprintSvg(LiveJourneyView view) {
    var stages = view.stages();
    var lanes = List.of(BlueprintLane.PHYSICAL_EVIDENCE, BlueprintLane.CUSTOMER_ACTION, BlueprintLane.FRONTSTAGE,
        BlueprintLane.BACKSTAGE, BlueprintLane.SUPPORT_PROCESS);
    int label = 140;
    int laneHeight = 120;
    int top = 90;
    int width = MARGIN * 2 + label + COLUMN * Math.max(1, stages.size());
    int height = top + laneHeight * lanes.size() + 40;
    var svg = header(width, height, view, "Service blueprint");
    for (int i = 0; i < stages.size(); i++) {
      svg.append(text(MARGIN + label + COLUMN * i + 8, top - 10, 13, "bold",
          stages.get(i).position() + ". " + stages.get(i).stage().name()));
    }
    for (int l = 0; l < lanes.size(); l++) {
      int y = top + laneHeight * l;
      svg.append(rect(MARGIN, y, width - 2 * MARGIN, laneHeight, l % 2 == 0 ? "#ffffff" : "#f5f7fa", "#dddddd"));
      svg.append(text(MARGIN + 6, y + 20, 12, "bold", lanes.get(l).label()));
    }
    String[] lines = {"line of interaction", "line of visibility", "line of internal interaction"};
    for (int k = 0; k < lines.length; k++) {
      int y = top + laneHeight * (k + 2);
      svg.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b03a2e\" stroke-dasharray=\"8,4\"/>%n",
          lines[k].replace(' ', '-'), MARGIN, y, width - MARGIN, y));
      svg.append(text(width - MARGIN - 190, y - 4, 10, "italic", lines[k]));
    }
    Map<String, int[]> centres = new HashMap<>();
    Map<String, Integer> slots = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      StageNumbers s = stages.get(i);
      for (var e : s.stage().blueprint()) {
        int l = lanes.indexOf(e.lane());
        if (l < 0) {
          continue;
        }
        int slot = slots.merge(i + ":" + l, 1, Integer::sum) - 1;
        int x = MARGIN + label + COLUMN * i + 8;
        int y = top + laneHeight * l + 28 + slot * 46;
        String stroke = e.failPoint() ? "#c0392b" : "#4a6fa5";
        svg.append(String.format(Locale.ROOT, "<g class=\"element\" data-element=\"%s\">%n", escape(e.id())));
        svg.append(rect(x, y, COLUMN - 16, 42, "#ffffff", stroke));
        svg.append(text(x + 6, y + 15, 11, "bold", e.name() + (e.failPoint() ? "  ⚠ fail point" : "")
            + (e.waitPoint() ? "  ⧗ wait point" : "")));
        String owner = e.ownerTeam().isEmpty() ? "" : "owner " + e.ownerTeam();
        svg.append(text(x + 6, y + 30, 10, "normal", owner));
        var kpi = kpiOf(s, e);
        if (kpi != null) {
          svg.append(text(x + 6, y + 40, 10, "normal", kpi));
        }
        svg.append("</g>\n");
        centres.put(e.id(), new int[] {x, y, COLUMN - 16, 42});
      }
    }
    for (var s : stages) {
      for (var e : s.stage().blueprint()) {
        for (var before : e.afterElementIds()) {
          var from = centres.get(before);
          var to = centres.get(e.id());
          if (from != null && to != null) {
            // edge to edge: right side to left side across stages, bottom to top within one
            boolean sameColumn = from[0] == to[0];
            int x1 = sameColumn ? from[0] + from[2] / 2 : from[0] + from[2];
            int y1 = sameColumn ? (to[1] > from[1] ? from[1] + from[3] : from[1]) : from[1] + from[3] / 2;
            int x2 = sameColumn ? to[0] + to[2] / 2 : to[0];
            int y2 = sameColumn ? (to[1] > from[1] ? to[1] : to[1] + to[3]) : to[1] + to[3] / 2;
            svg.append(String.format(Locale.ROOT, "<line class=\"flow\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888888\" marker-end=\"url(#arrow)\"/>%n",
                x1, y1, x2, y2));
          }
        }
      }
    }
    return svg.append("</svg>\n").toString();
  }

  /** Rasterizes an SVG to PNG with Batik. */
  public static byte[] png(String svg) {
    var out = new ByteArrayOutputStream();
    try {
      var transcoder = new PNGTranscoder();
      transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
    } catch (TranscoderException e) {
      throw new IllegalStateException("PNG rendering failed: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static String kpiOf(StageNumbers s, BlueprintElement e) {
    var all = new java.util.ArrayList<KpiStat>(s.numbers().kpis());
    s.touchpoints().forEach(t -> all.addAll(t.numbers().kpis()));
    for (var k : all) {
      if (k.elementId().equals(e.id())) {
        var est = k.estimate();
        if (est.isEmpty()) {
          return k.binding().kind().label() + ": no data";
        }
        if (k.binding().kind() == IndicatorKind.AHT || k.binding().kind() == IndicatorKind.FRT) {
          return String.format(Locale.ROOT, "%s median %s (n=%d)", k.binding().kind().label(), duration(k.medianSeconds()), est.n());
        }
        return String.format(Locale.ROOT, "%s %.1f%s (n=%d)", k.binding().kind().label(), est.value(),
            k.binding().kind() == IndicatorKind.NPS ? "" : "%", est.n());
      }
    }
    return null;
  }

  private static StringBuilder header(int width, int height, LiveJourneyView view, String what) {
    var svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n", width, height, width, height));
    svg.append("<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\" orient=\"auto\">"
        + "<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#888888\"/></marker></defs>\n");
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
    svg.append("<title>").append(escape(what + " — " + view.journey().name())).append("</title>\n");
    svg.append(text(MARGIN, 28, 18, "bold", what + " — " + view.journey().name()));
    String subtitle = view.slice().period() + (view.available() ? "" : "  (live numbers unavailable: metrics-service did not answer)");
    svg.append(text(MARGIN, 46, 12, "normal", subtitle + "   (* low sample; ▲▼ significant change vs previous period)"));
    return svg;
  }

  private static String score(String label, ScoreStat s) {
    if (s == null) {
      return label + " —";
    }
    Estimate e = s.estimate();
    String unit = label.equals("NPS") ? "" : "%";
    String change = s.change() == null ? "" : String.format(Locale.ROOT, " %s%+.0f",
        s.change().significant() ? (s.change().value() >= 0 ? "▲" : "▼") : "Δ", s.change().value());
    return String.format(Locale.ROOT, "%s %+.0f%s [%.0f, %.0f] n=%d%s%s", label, e.value(), unit, e.low(), e.high(),
        e.n(), e.lowSample() ? "*" : "", change);
  }

  private static double y(int top, int height, double value) {
    return top + height - height * Math.max(0, Math.min(100, value)) / 100.0;
  }

  private static String rect(int x, int y, int w, int h, String fill, String stroke) {
    return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\"/>%n",
        x, y, w, h, fill, stroke);
  }

  private static String text(int x, double y, int size, String weight, String content) {
    String style = weight.equals("italic") ? "font-style=\"italic\"" : "font-weight=\"" + weight + "\"";
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"%d\" %s %s fill=\"#222222\">%s</text>%n",
        x, y, size, style, FONT, escape(content));
  }

  /** A duration in the unit a reader expects: seconds, minutes or hours. */
  public static String duration(double seconds) {
    if (seconds < 120) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 7200) {
      return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }

  /** Escapes text for XML content and attribute values. */
  static String escape(String text) {
    var out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  static byte[] utf8(String svg) {
    return svg.getBytes(StandardCharsets.UTF_8);
  }
}
