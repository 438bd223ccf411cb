package io.cxhub.persona.customer;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a customer CSV (RFC 4180 through commons-csv): a header naming the columns, one
 * customer per line. Each line becomes an {@link CustomerDirectory.Upsert} or line errors
 * naming its column; checking the values is {@link CustomerRules}' job.
 */
final class CustomerCsv {

  static final String EXTERNAL_PREFIX = "ext:";
  static final Set<String> COLUMNS = Set.of("customer_id", "email", "display_name", "segment", "persona_id",
      "birth_year", "gender", "income_band", "country", "city", "occupation", "values", "interests", "aspirations",
      "order_count", "total_spent", "currency", "first_order_time", "last_order_time", "web_sessions", "devices",
      "preferred_channel", "consent_email", "consent_sms", "consent_phone", "consent_profiling");

  private CustomerCsv() {}

  record Line(int number, CustomerDirectory.Upsert upsert) {}

  record Parsed(int lineCount, List<Line> lines, List<CustomerDirectory.LineError> errors) {}

  /** @throws InvalidInputException naming {@code body} when the file as a whole is unusable */
  static Parsed parse(String csv, int maxLines) {
    if (csv == null || csv.isBlank()) {
      throw InvalidInputException.of("body", "must be a CSV document with a header line");
    }
    var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(false).setTrim(true).setIgnoreSurroundingSpaces(true).get();
    var lines = new ArrayList<Line>();
    var errors = new ArrayList<CustomerDirectory.LineError>();
    int count = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv), format)) {
      var header = parser.getHeaderNames();
      checkHeader(header);
      var iterator = parser.iterator();
      int number = 1;
      while (true) {
        CSVRecord record;
        try {
          if (!iterator.hasNext()) {
            break;
          }
          record = iterator.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          errors.add(new CustomerDirectory.LineError(number + 1, "", "is not valid CSV from here on: " + e.getMessage()));
          break;
        }
        number = (int) record.getRecordNumber() + 1;
        if (record.stream().allMatch(String::isEmpty)) {
          continue;
        }
        if (++count > maxLines) {
          throw InvalidInputException.of("body", "must have at most " + maxLines + " customer lines");
        }
        var line = new LineReader(record, number, errors);
        var upsert = line.read();
        if (line.ok) {
          lines.add(new Line(number, upsert));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      // commons-csv refuses a header with duplicate or empty names this way
      throw InvalidInputException.of("body", "has an unusable header: " + e.getMessage());
    }
    return new Parsed(count, lines, errors);
  }

  private static void checkHeader(List<String> header) {
    if (!header.contains("customer_id")) {
      throw InvalidInputException.of("body", "the header must name a customer_id column");
    }
    for (String name : header) {
      boolean external = name.startsWith(EXTERNAL_PREFIX) && name.length() > EXTERNAL_PREFIX.length();
      if (!external && !COLUMNS.contains(name)) {
        throw InvalidInputException.of("body", "the header names an unknown column '" + name
            + "'; known: " + String.join(", ", new java.util.TreeSet<>(COLUMNS)) + ", ext:<system>");
      }
    }
  }

  /** The column of a field path reported by {@link CustomerRules}: {@code demographics.birth_year} → {@code birth_year}. */
  static String column(String field) {
    if (field.startsWith("external_ids[")) {
      return EXTERNAL_PREFIX + field.substring("external_ids[".length(), field.length() - 1);
    }
    String last = field.substring(field.lastIndexOf('.') + 1);
    int bracket = last.indexOf('[');
    return bracket < 0 ? last : last.substring(0, bracket);
  }

  private static final class LineReader {
    private final CSVRecord record;
    private final int number;
    private final List<CustomerDirectory.LineError> errors;
    boolean ok = true;

    LineReader(CSVRecord record, int number, List<CustomerDirectory.LineError> errors) {
      this.record = record;
      this.number = number;
      this.errors = errors;
    }

    CustomerDirectory.Upsert read() {
      if (!record.isConsistent()) {
        fail("", "has " + record.size() + " values, the header names " + record.getParser().getHeaderNames().size());
      }
      var externalIds = new LinkedHashMap<String, String>();
      for (Map.Entry<String, String> e : record.toMap().entrySet()) {
        if (e.getKey().startsWith(EXTERNAL_PREFIX) && e.getValue() != null && !e.getValue().isEmpty()) {
          externalIds.put(e.getKey().substring(EXTERNAL_PREFIX.length()), e.getValue());
        }
      }
      var profile = CustomerProfile.builder()
          .segment(text("segment"))
          .personaId(text("persona_id"))
          .email(text("email"))
          .displayName(text("display_name"))
          .demographics(new CustomerProfile.Demographics(integer("birth_year"), text("gender"), text("income_band"),
              text("country"), text("city"), text("occupation")))
          .psychographics(new CustomerProfile.Psychographics(list("values"), list("interests"), list("aspirations")))
          .transactional(new CustomerProfile.Transactional(integer("order_count"), decimal("total_spent"),
              text("currency"), time("first_order_time"), time("last_order_time")))
          .behavioral(new CustomerProfile.Behavioral(integer("web_sessions"), list("devices"), channel("preferred_channel")))
          .consent(new CustomerProfile.Consent(bool("consent_email"), bool("consent_sms"), bool("consent_phone"),
              bool("consent_profiling")))
          .externalIds(externalIds)
          .build();
      return new CustomerDirectory.Upsert(text("customer_id"), profile);
    }

    private String text(String column) {
      return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    private List<String> list(String column) {
      String value = text(column);
      return value.isEmpty() ? List.of()
          : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private int integer(String column) {
      return parsed(column, Integer::parseInt, 0, "must be a whole number");
    }

    private double decimal(String column) {
      return parsed(column, Double::parseDouble, 0.0, "must be a number such as 12.50");
    }

    private Instant time(String column) {
      return parsed(column, v -> OffsetDateTime.parse(v).toInstant(), null,
          "must be an RFC 3339 time such as 2026-03-01T10:00:00Z");
    }

    private boolean bool(String column) {
      return parsed(column, v -> switch (v.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "1" -> true;
        case "false", "no", "0" -> false;
        default -> throw new IllegalArgumentException(v);
      }, false, "must be true or false");
    }

    private Channel channel(String column) {
      return parsed(column, v -> {
        var channel = Channel.valueOf(v.toUpperCase(Locale.ROOT).replaceFirst("^CHANNEL_", ""));
        if (channel == Channel.UNSPECIFIED) {
          throw new IllegalArgumentException(v);
        }
        return channel;
      }, Channel.UNSPECIFIED, "must be a channel name such as EMAIL or SUPPORT");
    }

    private <T> T parsed(String column, Function<String, T> parser, T empty, String expected) {
      String value = text(column);
      if (value.isEmpty()) {
        return empty;
      }
      try {
        return parser.apply(value);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        fail(column, expected);
        return empty;
      }
    }

    private void fail(String column, String description) {
      ok = false;
      errors.add(new CustomerDirectory.LineError(number, column, description));
    }
  }
}
