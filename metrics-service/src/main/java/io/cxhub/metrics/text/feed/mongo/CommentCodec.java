package io.cxhub.metrics.text.feed.mongo;

import io.cxhub.metrics.text.feed.Comment;
import java.util.Date;
import org.bson.Document;

/** The fields of a comment, shared by the queue and the analyses. */
final class CommentCodec {

  private CommentCodec() {}

  static Document encode(Comment c) {
    return new Document("_id", c.id())
        .append("tenantId", c.tenantId())
        .append("responseId", c.responseId())
        .append("questionId", c.questionId())
        .append("surveyId", c.surveyId())
        .append("channel", c.channel())
        .append("stageId", c.stageId())
        .append("touchpointId", c.touchpointId())
        .append("customerId", c.customerId())
        .append("submitTime", Date.from(c.submitTime()))
        .append("text", c.text())
        .append("nps", c.nps())
        .append("csatSatisfied", c.csatSatisfied());
  }

  static Comment decode(Document d) {
    return new Comment(d.getString("tenantId"), d.getString("responseId"), d.getString("questionId"),
        d.getString("surveyId"), d.getString("channel"), d.getString("stageId"), d.getString("touchpointId"),
        d.getString("customerId"), d.getDate("submitTime").toInstant(), d.getString("text"),
        d.getInteger("nps", -1), d.getInteger("csatSatisfied", -1));
  }
}
