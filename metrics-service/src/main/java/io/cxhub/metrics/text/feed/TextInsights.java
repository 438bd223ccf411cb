package io.cxhub.metrics.text.feed;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.Violations;
import io.cxhub.metrics.text.Sentiment;
import io.cxhub.metrics.text.Span;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** The reads of the voice of the customer: themes, keywords and verbatims of a tenant. */
public final class TextInsights {

  public static final int MAX_DAYS = 366;
  public static final int MAX_PAGE = 100;

  private final TextCubes cubes;
  private final TextAnalyses analyses;

  public TextInsights(TextCubes cubes, TextAnalyses analyses) {
    this.cubes = cubes;
    this.analyses = analyses;
  }

  /** Period and slices of a theme or keyword read; empty slices mean any. */
  public record PeriodFilter(String from, String to, String surveyId, String stageId, String touchpointId,
      String channel, String segmentId, String personaId) {

    Predicate<TextCubes.CellKey> cells() {
      return k -> matches(surveyId, k.surveyId()) && matches(stageId, k.stageId())
          && matches(touchpointId, k.touchpointId()) && matches(channel, k.channel())
          && matches(segmentId, k.segmentId()) && matches(personaId, k.personaId());
    }

    private static boolean matches(String wanted, String actual) {
      return wanted == null || wanted.isEmpty() || wanted.equals(actual);
    }
  }

  public ThemeReport.Report themes(String tenantId, PeriodFilter filter) {
    var days = days(filter.from(), filter.to(), "filter.");
    return ThemeReport.of(cubes.themes(tenantId, days), filter.cells());
  }

  public record Keywords(long comments, long previousComments, List<KeywordReport.Term> terms) {}

  public Keywords keywords(String tenantId, PeriodFilter filter, int limit, boolean emergingOnly) {
    var days = days(filter.from(), filter.to(), "filter.");
    if (limit < 0 || limit > 200) {
      throw InvalidInputException.of("limit", "must be between 0 and 200");
    }
    int n = days.size();
    var previous = new ArrayList<LocalDate>();
    for (int i = n; i >= 1; i--) {
      previous.add(days.get(0).minusDays(i));
    }
    long comments = commentCount(tenantId, days);
    long before = commentCount(tenantId, previous);
    var terms = KeywordReport.of(cubes.keywords(tenantId, days), comments,
        cubes.keywords(tenantId, previous), before, limit == 0 ? 20 : limit, emergingOnly);
    return new Keywords(comments, before, terms);
  }

  private long commentCount(String tenantId, List<LocalDate> days) {
    var all = cubes.themes(tenantId, days).getOrDefault(TextCubes.ALL, java.util.Map.of());
    return ThemeReport.sum(all, k -> true).comments();
  }

  /** A verbatim with the spans to highlight. */
  public record Verbatim(AnalysedComment comment, List<Span> highlights) {}

  public record Page(List<Verbatim> verbatims, String nextToken) {}

  public record VerbatimFilter(String from, String to, String themeId, Sentiment sentiment, String keyword, String surveyId) {}

  public Page verbatims(String tenantId, VerbatimFilter f, int pageSize, String pageToken) {
    var v = new Violations();
    Instant from = null;
    Instant to = null;
    try {
      from = f.from() == null || f.from().isEmpty() ? null : LocalDate.parse(f.from()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      v.add("from", "must be a date YYYY-MM-DD");
    }
    try {
      to = f.to() == null || f.to().isEmpty() ? null : LocalDate.parse(f.to()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      v.add("to", "must be a date YYYY-MM-DD");
    }
    v.check(pageSize >= 0 && pageSize <= MAX_PAGE, "page_size", "must be between 0 and " + MAX_PAGE);
    v.maxLength("keyword", f.keyword(), 100);
    v.maxLength("theme_id", f.themeId(), 40);
    v.throwIfAny();
    String keyword = f.keyword() == null ? "" : f.keyword().strip().toLowerCase(Locale.ROOT);
    int size = pageSize == 0 ? 20 : pageSize;
    String binding = Integer.toHexString(Objects.hash(f.from(), f.to(), f.themeId(), f.sentiment(), keyword, f.surveyId()));
    Optional<TextAnalyses.After> after = decode(pageToken, binding);
    var found = analyses.find(tenantId, new TextAnalyses.Filter(from, to, f.themeId(), f.sentiment(), keyword, f.surveyId()),
        after, size + 1);
    boolean more = found.size() > size;
    var page = more ? found.subList(0, size) : found;
    var out = new ArrayList<Verbatim>();
    for (AnalysedComment c : page) {
      out.add(new Verbatim(c, highlights(c, f.themeId(), keyword)));
    }
    String next = "";
    if (more) {
      var last = page.get(page.size() - 1).comment();
      next = encode(last.submitTime(), last.id(), binding);
    }
    return new Page(out, next);
  }

  static List<Span> highlights(AnalysedComment c, String themeId, String keyword) {
    var spans = new ArrayList<Span>();
    for (var m : c.analysis().themes()) {
      if (themeId == null || themeId.isEmpty() || themeId.equals(m.themeId())) {
        spans.addAll(m.evidence());
      }
    }
    if (!keyword.isEmpty()) {
      String text = c.comment().text().toLowerCase(Locale.ROOT);
      String display = c.analysis().keywords().stream()
          .filter(k -> k.key().equals(keyword) || k.display().equals(keyword))
          .map(io.cxhub.metrics.text.Keyword::display).findFirst().orElse(keyword);
      for (int i = text.indexOf(display); i >= 0; i = text.indexOf(display, i + display.length())) {
        spans.add(new Span(i, i + display.length()));
      }
    } else if (themeId == null || themeId.isEmpty()) {
      spans.addAll(c.analysis().sentimentSpans());
    }
    spans.sort(java.util.Comparator.comparingInt(Span::start));
    return spans;
  }

  private static String encode(Instant t, String id, String binding) {
    String raw = binding + "\n" + t.toEpochMilli() + "\n" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<TextAnalyses.After> decode(String token, String binding) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    try {
      String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 3);
      if (p.length != 3 || !p[0].equals(binding)) {
        throw InvalidInputException.of("page_token", "does not belong to these filters");
      }
      return Optional.of(new TextAnalyses.After(Instant.ofEpochMilli(Long.parseLong(p[1])), p[2]));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("page_token", "is not a token of this list");
    }
  }

  static List<LocalDate> days(String from, String to, String prefix) {
    var v = new Violations();
    LocalDate a = null;
    LocalDate b = null;
    try {
      a = LocalDate.parse(from == null ? "" : from);
    } catch (DateTimeParseException e) {
      v.add(prefix + "from", "must be a date YYYY-MM-DD");
    }
    try {
      b = LocalDate.parse(to == null ? "" : to);
    } catch (DateTimeParseException e) {
      v.add(prefix + "to", "must be a date YYYY-MM-DD");
    }
    if (a != null && b != null) {
      v.check(!b.isBefore(a), prefix + "to", "must not be before from");
      v.check(ChronoUnit.DAYS.between(a, b) < MAX_DAYS, prefix + "to", "the period is at most " + MAX_DAYS + " days");
    }
    v.throwIfAny();
    var days = new ArrayList<LocalDate>();
    for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }
}
