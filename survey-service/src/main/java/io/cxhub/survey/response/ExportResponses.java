package io.cxhub.survey.response;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.survey.survey.Question;
import io.cxhub.survey.survey.Survey;
import io.cxhub.survey.survey.Surveys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Exports a survey's responses oldest first, in batches of a few hundred read by keyset
 * (each batch starts strictly after the last one's (submit time, response id) through the
 * survey's index), so a batch costs the same at the end as at the start, memory stays flat
 * and time grows linearly with the rows. {@link #open} hands out the batches one at a time,
 * for a transport that pulls as its client reads; the CSV form (RFC 4180) has one column
 * per question of any version of the survey (a question dropped in a later version keeps
 * its column).
 */
public final class ExportResponses {

  static final int BATCH = 500;
  static final List<String> FIXED = List.of(
      "response_id", "submit_time", "survey_version", "channel", "distribution_id", "customer_id", "order_id", "locale");
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  private final SurveyResponses responses;
  private final Surveys surveys;

  public ExportResponses(SurveyResponses responses, Surveys surveys) {
    this.responses = responses;
    this.surveys = surveys;
  }

  /** Starts an export; fails at once if the survey id is missing or unknown. */
  public Export open(String tenantId, String surveyId) {
    if (surveyId == null || surveyId.isEmpty()) {
      throw InvalidInputException.of("survey_id", "is required");
    }
    Survey survey = surveys.find(tenantId, surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
    return new Export(tenantId, surveyId, questionIds(tenantId, survey));
  }

  /** @param chunks receives the CSV text piece by piece (the header first, then one piece per batch) */
  public void export(String tenantId, String surveyId, Consumer<String> chunks) {
    Export export = open(tenantId, surveyId);
    chunks.accept(export.csvHeader());
    for (var batch = export.next(); !batch.isEmpty(); batch = export.next()) {
      chunks.accept(export.csv(batch));
    }
  }

  /** One export in progress: its batches in order, and their CSV form. Not thread-safe. */
  public final class Export {

    private final String tenantId;
    private final String surveyId;
    private final List<String> questionIds;
    private SurveyResponses.Cursor after;
    private boolean done;

    private Export(String tenantId, String surveyId, List<String> questionIds) {
      this.tenantId = tenantId;
      this.surveyId = surveyId;
      this.questionIds = List.copyOf(questionIds);
    }

    /** The next batch of responses, oldest first; empty once every response was handed out. */
    public List<SurveyResponse> next() {
      if (done) {
        return List.of();
      }
      List<SurveyResponse> batch = responses.listOldestFirst(tenantId, surveyId, after, BATCH);
      if (batch.size() < BATCH) {
        done = true;
      }
      if (!batch.isEmpty()) {
        SurveyResponse last = batch.get(batch.size() - 1);
        after = new SurveyResponses.Cursor(last.submitTime(), last.responseId());
      }
      return batch;
    }

    /** The CSV header line. */
    public String csvHeader() {
      var header = new ArrayList<>(FIXED);
      header.addAll(questionIds);
      return print(List.of(header));
    }

    /** The CSV rows of a batch. */
    public String csv(List<SurveyResponse> batch) {
      return print(batch.stream().map(r -> row(r, questionIds)).toList());
    }
  }

  private List<String> questionIds(String tenantId, Survey current) {
    var ids = new LinkedHashSet<String>();
    for (int v = 1; v < current.version(); v++) {
      surveys.findVersion(tenantId, current.id(), v)
          .ifPresent(old -> old.questions().forEach(q -> ids.add(q.id())));
    }
    var ordered = new ArrayList<String>();
    current.questions().stream().map(Question::id).forEach(ordered::add);
    ids.stream().filter(id -> !ordered.contains(id)).forEach(ordered::add);
    return ordered;
  }

  private static List<String> row(SurveyResponse r, List<String> questionIds) {
    Map<String, AnswerValue> byQuestion = r.answers().stream()
        .collect(Collectors.toMap(ResponseAnswer::questionId, ResponseAnswer::value, (a, b) -> a));
    var row = new ArrayList<String>(FIXED.size() + questionIds.size());
    row.add(r.responseId());
    row.add(r.submitTime().toString());
    row.add(Integer.toString(r.surveyVersion()));
    row.add(r.channel().name());
    row.add(r.distributionId());
    row.add(r.context().customerId());
    row.add(r.context().orderId());
    row.add(r.context().locale());
    for (String id : questionIds) {
      AnswerValue value = byQuestion.get(id);
      row.add(cell(value));
    }
    return row;
  }

  private static String cell(AnswerValue value) {
    if (value instanceof AnswerValue.Score s) {
      return Integer.toString(s.value());
    }
    if (value instanceof AnswerValue.Text t) {
      return t.value();
    }
    if (value instanceof AnswerValue.Choices c) {
      return String.join(";", c.choiceIds());
    }
    return "";
  }

  private static String print(List<? extends List<String>> rows) {
    var out = new StringBuilder();
    try (var printer = new CSVPrinter(out, FORMAT)) {
      for (var row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
