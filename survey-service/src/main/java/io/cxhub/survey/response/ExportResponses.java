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
 * Exports a survey's responses as RFC 4180 CSV, oldest first, in chunks of a few hundred
 * rows, so memory stays flat whatever the number of responses. One column per question of
 * any version of the survey (a question dropped in a later version keeps its column).
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

  /** @param chunks receives the CSV text piece by piece (the header first) */
  public void export(String tenantId, String surveyId, Consumer<String> chunks) {
    if (surveyId == null || surveyId.isEmpty()) {
      throw InvalidInputException.of("survey_id", "is required");
    }
    Survey survey = surveys.find(tenantId, surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
    List<String> questionIds = questionIds(tenantId, survey);
    var header = new ArrayList<>(FIXED);
    header.addAll(questionIds);
    chunks.accept(print(List.of(header)));
    SurveyResponses.Cursor after = null;
    while (true) {
      List<SurveyResponse> batch = responses.listOldestFirst(tenantId, surveyId, after, BATCH);
      if (batch.isEmpty()) {
        return;
      }
      chunks.accept(print(batch.stream().map(r -> row(r, questionIds)).toList()));
      if (batch.size() < BATCH) {
        return;
      }
      SurveyResponse last = batch.get(batch.size() - 1);
      after = new SurveyResponses.Cursor(last.submitTime(), last.responseId());
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
