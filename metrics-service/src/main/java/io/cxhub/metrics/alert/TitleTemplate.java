package io.cxhub.metrics.alert;

import io.cxhub.kit.error.Violations;
import io.cxhub.metrics.score.Comparison;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The title of a fired alert: the rule's template, or a default stating the figures, with
 * {@code {placeholder}} replaced by the observation's values. Values a rule does not have
 * (a p-value for a threshold rule) render as {@code -}.
 */
final class TitleTemplate {

  static final List<String> PLACEHOLDERS = List.of("rule_name", "metric", "value", "threshold", "n", "window_days",
      "window_start", "window_end", "interval_low", "interval_high", "previous_value", "difference", "p_value");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");
  private static final String NONE = "-";

  private TitleTemplate() {}

  static void check(String template, String field, Violations v) {
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        v.add(field, "unknown placeholder {" + m.group(1) + "}; known: " + String.join(", ", PLACEHOLDERS));
        return;
      }
    }
  }

  /** The default template of a rule's condition. */
  static String defaultTemplate(MetricAlertRule rule) {
    if (rule.condition() instanceof AlertCondition.Threshold t) {
      String side = t.direction() == AlertCondition.Direction.BELOW ? "below" : "above";
      String confidently = t.confident() ? "confidently " : "";
      return "{rule_name}: {metric} {value} " + confidently + side
          + " {threshold} over the last {window_days} days (n={n})";
    }
    return "{rule_name}: {metric} fell from {previous_value} to {value} over the last {window_days} days"
        + " (p={p_value}, n={n})";
  }

  /** The title, at most {@link MetricAlertRuleValidation#MAX_TEXT} characters. */
  static String render(MetricAlertRule rule, Observation o) {
    String template = rule.titleTemplate() == null ? defaultTemplate(rule) : rule.titleTemplate();
    var values = values(rule, o);
    Matcher m = PLACEHOLDER.matcher(template);
    var out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(out);
    String title = out.toString().strip();
    int max = MetricAlertRuleValidation.MAX_TEXT;
    return title.length() <= max ? title : title.substring(0, max - 1) + "…";
  }

  private static Map<String, String> values(MetricAlertRule rule, Observation o) {
    var values = new LinkedHashMap<String, String>();
    values.put("rule_name", rule.name());
    values.put("metric", rule.kind().name() + (rule.measure() == Comparison.Measure.MEAN ? " mean" : ""));
    values.put("value", oneDecimal(o.value()));
    values.put("threshold", rule.condition() instanceof AlertCondition.Threshold t ? plain(t.threshold()) : NONE);
    values.put("n", Long.toString(o.n()));
    values.put("window_days", Integer.toString(rule.windowDays()));
    values.put("window_start", String.valueOf(o.window().start()));
    values.put("window_end", String.valueOf(o.window().end()));
    values.put("interval_low", o.interval() == null ? NONE : oneDecimal(o.interval().low()));
    values.put("interval_high", o.interval() == null ? NONE : oneDecimal(o.interval().high()));
    var p = o.previous();
    values.put("previous_value", p == null ? NONE : oneDecimal(p.value()));
    values.put("difference", p == null ? NONE : oneDecimal(p.difference()));
    values.put("p_value", p == null ? NONE : pValue(p.pValue()));
    return values;
  }

  static String oneDecimal(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static String pValue(double p) {
    return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }
}
