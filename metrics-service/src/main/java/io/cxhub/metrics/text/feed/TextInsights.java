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

  /** A place of a journey: the comments written for one of its stages or touchpoints. */
  public record Place(String id, List<String> stageIds, List<String> touchpointIds) {

    Predicate<TextCubes.CellKey> cells() {
      var stages = java.util.Set.copyOf(stageIds);
      var touchpoints = java.util.Set.copyOf(touchpointIds);
      return k -> stages.contains(k.stageId()) || touchpoints.contains(k.touchpointId());
    }
  }

  /** A theme at a place: its stats within the place, its negative share and sample negative comments. */
  public record PlaceTheme(ThemeReport.ThemeStat stat, double negativeShare, List<Verbatim> samples) {}

  /** The top themes of a place. */
  public record PlaceThemes(String id, long comments, List<PlaceTheme> themes) {}

  public static final int MAX_PLACES = 100;
  static final int SAMPLE_LOOKUP = 20;

  /**
   * The top themes of each place over the days, by negative mentions then volume, from one
   * read of the text cubes; {@code samples} recent comments per theme whose mention of it is
   * negative (UTC days for those), with the theme's evidence as highlights.
   */
  public List<PlaceThemes> placeThemes(String tenantId, String from, String to, List<Place> places, int top, int samples) {
    var v = new Violations();
    v.check(!places.isEmpty(), "places", "give at least one place");
    v.check(places.size() <= MAX_PLACES, "places", "at most " + MAX_PLACES + " places");
    v.check(top >= 0 && top <= 10, "top", "must be between 0 and 10");
    v.check(samples >= 0 && samples <= 3, "samples", "must be between 0 and 3");
    for (int i = 0; i < places.size() && i < MAX_PLACES; i++) {
      var p = places.get(i);
      String field = "places[" + i + "].";
      v.check(p.id() != null && !p.id().isBlank(), field + "id", "is required");
      v.maxLength(field + "id", p.id(), 200);
      v.check(!p.stageIds().isEmpty() || !p.touchpointIds().isEmpty(), field + "stage_ids",
          "give at least one stage or touchpoint");
      v.check(p.stageIds().size() <= 50, field + "stage_ids", "at most 50");
      v.check(p.touchpointIds().size() <= 100, field + "touchpoint_ids", "at most 100");
    }
    v.throwIfAny();
    var days = days(from, to, "");
    int wanted = top == 0 ? 3 : top;
    var cubeCells = cubes.themes(tenantId, days);
    Instant start = days.get(0).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = days.get(days.size() - 1).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    var out = new ArrayList<PlaceThemes>();
    for (var place : places) {
      var report = ThemeReport.of(cubeCells, place.cells());
      var ranked = new ArrayList<>(report.themes());
      ranked.sort(java.util.Comparator.comparingLong((ThemeReport.ThemeStat t) -> -t.sentiments().get(Sentiment.NEGATIVE))
          .thenComparingLong(t -> -t.volume()).thenComparing(ThemeReport.ThemeStat::themeId));
      var themes = new ArrayList<PlaceTheme>();
      for (var t : ranked.subList(0, Math.min(wanted, ranked.size()))) {
        long negative = t.sentiments().get(Sentiment.NEGATIVE);
        var found = new ArrayList<Verbatim>();
        if (samples > 0 && negative > 0) {
          for (var c : analyses.mentioning(tenantId, t.themeId(), place.stageIds(), place.touchpointIds(), start, end,
              SAMPLE_LOOKUP)) {
            boolean negativeMention = c.analysis().themes().stream()
                .anyMatch(m -> m.themeId().equals(t.themeId()) && m.sentiment() == Sentiment.NEGATIVE);
            if (negativeMention && found.size() < samples) {
              found.add(new Verbatim(c, highlights(c, t.themeId(), "")));
            }
          }
        }
        themes.add(new PlaceTheme(t, report.comments() == 0 ? 0 : (double) negative / report.comments(), found));
      }
      out.add(new PlaceThemes(place.id(), report.comments(), themes));
    }
    return out;
  }

  /** The analysed comments of a response, each with its themes' evidence and sentiment words highlighted. */
  public List<Verbatim> ofResponse(String tenantId, String responseId) {
    var v = new Violations();
    v.check(responseId != null && !responseId.isBlank(), "response_id", "is required");
    v.maxLength("response_id", responseId, 200);
    v.throwIfAny();
    return analyses.ofResponse(tenantId, responseId).stream().map(c -> new Verbatim(c, highlights(c, "", ""))).toList();
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

  /** Filters of a verbatim search; empty strings and nulls mean "any". */
  public record VerbatimFilter(String from, String to, String themeId, Sentiment sentiment, String keyword,
      String surveyId, String stageId, String touchpointId, String channel, String segmentId, String personaId,
      String valueTier) {}

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
    v.maxLength("survey_id", f.surveyId(), 100);
    v.maxLength("stage_id", f.stageId(), 100);
    v.maxLength("touchpoint_id", f.touchpointId(), 100);
    v.maxLength("channel", f.channel(), 40);
    v.maxLength("segment_id", f.segmentId(), 100);
    v.maxLength("persona_id", f.personaId(), 100);
    v.maxLength("value_tier", f.valueTier(), 40);
    v.throwIfAny();
    String keyword = f.keyword() == null ? "" : f.keyword().strip().toLowerCase(Locale.ROOT);
    int size = pageSize == 0 ? 20 : pageSize;
    String binding = Integer.toHexString(Objects.hash(f.from(), f.to(), f.themeId(), f.sentiment(), keyword, f.surveyId(),
        f.stageId(), f.touchpointId(), f.channel(), f.segmentId(), f.personaId(), f.valueTier()));
    Optional<TextAnalyses.After> after = decode(pageToken, binding);
    var found = analyses.find(tenantId, new TextAnalyses.Filter(from, to, f.themeId(), f.sentiment(), keyword, f.surveyId(),
            f.stageId(), f.touchpointId(), f.channel(), f.segmentId(), f.personaId(), f.valueTier()),
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
