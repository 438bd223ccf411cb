package io.cxhub.metrics.ingest.mongo;

import io.cxhub.metrics.ingest.AnswerKind;
import io.cxhub.metrics.ingest.Profile;
import io.cxhub.metrics.ingest.RecordedResponse;
import io.cxhub.metrics.ingest.ScoredAnswer;
import io.cxhub.metrics.rollup.mongo.LedgerCodec;
import java.util.Date;
import org.bson.Document;

/**
 * A recorded response in the {@code recorded_responses} ledger:
 * {@code {responseId, surveyId, surveyVersion, channel, submitTime, answers: [{questionId, kind,
 * score, scaleMin, scaleMax}], customerId, stageId, touchpointId, segment, persona, valueTier}}; a response recorded before value tiers
 * has none (an empty value tier, as anonymous ones).
 */
public final class ResponseCodec implements LedgerCodec<RecordedResponse> {

  public static final String COLLECTION = "recorded_responses";

  @Override
  public Document encode(RecordedResponse r) {
    return new Document("responseId", r.responseId())
        .append("surveyId", r.surveyId())
        .append("surveyVersion", r.surveyVersion())
        .append("channel", r.channel())
        .append("submitTime", Date.from(r.submitTime()))
        .append("answers", r.answers().stream().map(a -> new Document("questionId", a.questionId())
            .append("kind", a.kind().name()).append("score", a.score())
            .append("scaleMin", a.scaleMin()).append("scaleMax", a.scaleMax())).toList())
        .append("customerId", r.customerId())
        .append("stageId", r.stageId())
        .append("touchpointId", r.touchpointId())
        .append("segment", r.profile().segment())
        .append("persona", r.profile().persona())
        .append("valueTier", r.profile().valueTier());
  }

  @Override
  public RecordedResponse decode(Document d) {
    var answers = d.getList("answers", Document.class).stream()
        .map(a -> new ScoredAnswer(a.getString("questionId"), AnswerKind.valueOf(a.getString("kind")), a.getInteger("score"),
            a.getInteger("scaleMin"), a.getInteger("scaleMax")))
        .toList();
    return new RecordedResponse(
        d.getString("responseId"), d.getString("surveyId"), d.getInteger("surveyVersion"), d.getString("channel"),
        d.getDate("submitTime").toInstant(), answers, d.getString("customerId"), d.getString("stageId"),
        d.getString("touchpointId"), new Profile(d.getString("segment"), d.getString("persona"),
        d.getString("valueTier")));
  }
}
