package io.cxhub.survey.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.paging.PageRequest;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports public reviews from CSV or JSON. All rows are checked before anything is stored
 * (an import is all or nothing on validity); storing is idempotent per (source, external
 * id), so a partly failed or repeated import can simply be sent again.
 */
public final class ImportReviews {

  public enum Format { CSV, JSON }

  public static final int MAX_ROWS = 5_000;
  public static final int MAX_TEXT = 5_000;
  static final List<String> COLUMNS = List.of("source", "external_id", "rating", "text", "date");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Reviews reviews;
  private final Clock clock;

  public ImportReviews(Reviews reviews, Clock clock) {
    this.reviews = reviews;
    this.clock = clock;
  }

  /** How many were stored and how many were already there. */
  public record Result(int imported, int duplicates) {}

  /** @param format null when unspecified */
  public Result importReviews(String tenantId, Format format, String content) {
    if (format == null) {
      throw InvalidInputException.of("format", "is required");
    }
    if (content == null || content.isBlank()) {
      throw InvalidInputException.of("content", "is required");
    }
    List<Map<String, String>> rows = format == Format.CSV ? csv(content) : json(content);
    if (rows.size() > MAX_ROWS) {
      throw InvalidInputException.of("content", "must hold at most " + MAX_ROWS + " reviews");
    }
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var violations = new Violations();
    var parsed = new ArrayList<Review>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i);
      String path = "content[" + i + "]";
      String source = row.getOrDefault("source", "");
      String externalId = row.getOrDefault("external_id", "");
      violations.requireText(path + ".source", source, 64);
      violations.requireText(path + ".external_id", externalId, 256);
      violations.maxLength(path + ".text", row.get("text"), MAX_TEXT);
      Integer rating = null;
      try {
        rating = Integer.valueOf(row.getOrDefault("rating", "").strip());
      } catch (NumberFormatException e) {
        // reported below
      }
      violations.check(rating != null && rating >= 1 && rating <= 5, path + ".rating", "must be an integer from 1 to 5");
      Instant date = date(row.getOrDefault("date", ""));
      violations.check(date != null, path + ".date", "must be an ISO-8601 date or instant");
      if (violations.isEmpty()) {
        parsed.add(new Review(tenantId, Ids.derived(tenantId, source.strip(), externalId.strip()), source.strip(),
            externalId.strip(), rating, row.getOrDefault("text", ""), date.truncatedTo(ChronoUnit.MILLIS), now));
      }
    }
    violations.throwIfAny();
    int imported = 0;
    for (Review review : parsed) {
      if (reviews.insertIfAbsent(review)) {
        imported++;
      }
    }
    return new Result(imported, parsed.size() - imported);
  }

  public Page list(String tenantId, int pageSize, String pageToken) {
    var page = PageRequest.of(pageSize, pageToken);
    Reviews.Cursor after = null;
    if (!page.isFirst()) {
      String key = page.after();
      int colon = key.indexOf(':');
      try {
        after = new Reviews.Cursor(Instant.ofEpochMilli(Long.parseLong(key.substring(0, colon))), key.substring(colon + 1));
      } catch (RuntimeException e) {
        throw InvalidInputException.of("page_token", "is not a token issued by this API");
      }
    }
    List<Review> found = reviews.listNewestFirst(tenantId, after, page.size() + 1);
    if (found.size() <= page.size()) {
      return new Page(found, "");
    }
    List<Review> items = found.subList(0, page.size());
    Review last = items.get(items.size() - 1);
    return new Page(items, PageRequest.tokenAfter(last.reviewTime().toEpochMilli() + ":" + last.id()));
  }

  /** One page of reviews. */
  public record Page(List<Review> reviews, String nextPageToken) {

    public Page {
      reviews = List.copyOf(reviews);
    }
  }

  private static Instant date(String text) {
    String t = text.strip();
    try {
      return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(t);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<Map<String, String>> csv(String content) {
    try {
      var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
          .get().parse(new StringReader(content));
      if (!records.getHeaderNames().containsAll(COLUMNS)) {
        throw InvalidInputException.of("content", "CSV header must be " + String.join(",", COLUMNS));
      }
      var rows = new ArrayList<Map<String, String>>();
      for (CSVRecord record : records) {
        rows.add(record.toMap());
      }
      return rows;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw InvalidInputException.of("content", "is not valid CSV: " + e.getMessage());
    }
  }

  private static List<Map<String, String>> json(String content) {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (IOException e) {
      throw InvalidInputException.of("content", "is not valid JSON");
    }
    if (root == null || !root.isArray()) {
      throw InvalidInputException.of("content", "must be a JSON array of reviews");
    }
    var rows = new ArrayList<Map<String, String>>();
    for (JsonNode node : root) {
      var row = new java.util.HashMap<String, String>();
      for (String column : COLUMNS) {
        JsonNode value = node.get(column);
        if (value != null && !value.isNull()) {
          row.put(column, value.asText());
        }
      }
      rows.add(row);
    }
    return rows;
  }
}
