package io.cxhub.survey.alert.grpc;

import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.grpc.ProtoChannels;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.proto.metrics.v1.TextSentiment;
import io.cxhub.proto.survey.v1.AlertActions;
import io.cxhub.proto.survey.v1.AlertConditions;
import io.cxhub.proto.survey.v1.Case;
import io.cxhub.proto.survey.v1.CaseNote;
import io.cxhub.proto.survey.v1.CaseSla;
import io.cxhub.proto.survey.v1.CaseStatus;
import io.cxhub.proto.survey.v1.NpsCategory;
import io.cxhub.proto.survey.v1.PlaybookStep;
import io.cxhub.survey.alert.AlertRule;
import io.cxhub.survey.alert.CommentSentiment;
import io.cxhub.survey.followup.FollowUpCase;
import java.time.Duration;
import java.time.Instant;

final class AlertProtoMapper {

  private AlertProtoMapper() {}

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  static AlertRule toDomain(io.cxhub.proto.survey.v1.AlertRule p) {
    var c = p.getConditions();
    var conditions = io.cxhub.survey.alert.AlertConditions.builder()
        .surveyId(emptyToNull(c.getSurveyId()))
        .questionId(emptyToNull(c.getQuestionId()))
        .categories(c.getCategoriesList().stream().map(x -> category(x, "rule.conditions.categories")).toList())
        .minScore(c.getHasMinScore() ? c.getMinScore() : null)
        .maxScore(c.getHasMaxScore() ? c.getMaxScore() : null)
        .channels(c.getChannelsList().stream().map(ProtoChannels::toDomain).toList())
        .stageId(emptyToNull(c.getStageId()))
        .touchpointId(emptyToNull(c.getTouchpointId()))
        .keywords(c.getKeywordsList())
        .sentiments(c.getSentimentsList().stream().map(x -> sentiment(x, "rule.conditions.sentiments")).toList())
        .themes(c.getThemesList())
        .build();
    var a = p.getActions();
    var sla = p.getSla();
    var actions = new io.cxhub.survey.alert.AlertActions(
        a.getOpenCase(), a.getNotifyWebhooks(), emptyToNull(a.getTeam()), emptyToNull(a.getAssignee()),
        minutes(sla.getFirstContactMinutes(), "rule.sla.first_contact_minutes"),
        minutes(sla.getResolutionMinutes(), "rule.sla.resolution_minutes"));
    return new AlertRule(null, p.getRuleId(), p.getName(), p.getEnabled(), conditions, actions, null);
  }

  private static Duration minutes(int minutes, String field) {
    if (minutes < 0) {
      throw InvalidInputException.of(field, "must not be negative");
    }
    return minutes == 0 ? null : Duration.ofMinutes(minutes);
  }

  static io.cxhub.kit.domain.NpsCategory category(NpsCategory p, String field) {
    return switch (p) {
      case NPS_CATEGORY_DETRACTOR -> io.cxhub.kit.domain.NpsCategory.DETRACTOR;
      case NPS_CATEGORY_PASSIVE -> io.cxhub.kit.domain.NpsCategory.PASSIVE;
      case NPS_CATEGORY_PROMOTER -> io.cxhub.kit.domain.NpsCategory.PROMOTER;
      default -> throw InvalidInputException.of(field, "must be a known NPS category");
    };
  }

  static CommentSentiment sentiment(TextSentiment p, String field) {
    var s = TextAnalyticsClient.sentiment(p);
    if (s == null) {
      throw InvalidInputException.of(field, "must be NEGATIVE, NEUTRAL, POSITIVE or MIXED");
    }
    return s;
  }

  static TextSentiment toProto(CommentSentiment s) {
    return TextSentiment.valueOf("TEXT_SENTIMENT_" + s.name());
  }

  static NpsCategory toProto(io.cxhub.kit.domain.NpsCategory c) {
    if (c == null) {
      return NpsCategory.NPS_CATEGORY_UNSPECIFIED;
    }
    return switch (c) {
      case DETRACTOR -> NpsCategory.NPS_CATEGORY_DETRACTOR;
      case PASSIVE -> NpsCategory.NPS_CATEGORY_PASSIVE;
      case PROMOTER -> NpsCategory.NPS_CATEGORY_PROMOTER;
    };
  }

  static io.cxhub.survey.followup.CaseStatus status(CaseStatus p) {
    return switch (p) {
      case CASE_STATUS_OPEN -> io.cxhub.survey.followup.CaseStatus.OPEN;
      case CASE_STATUS_IN_PROGRESS -> io.cxhub.survey.followup.CaseStatus.IN_PROGRESS;
      case CASE_STATUS_CONTACTED -> io.cxhub.survey.followup.CaseStatus.CONTACTED;
      case CASE_STATUS_RESOLVED -> io.cxhub.survey.followup.CaseStatus.RESOLVED;
      case CASE_STATUS_CLOSED -> io.cxhub.survey.followup.CaseStatus.CLOSED;
      default -> null;
    };
  }

  static CaseStatus toProto(io.cxhub.survey.followup.CaseStatus s) {
    return CaseStatus.valueOf("CASE_STATUS_" + s.name());
  }

  static io.cxhub.proto.survey.v1.AlertRule toProto(AlertRule r) {
    var c = r.conditions();
    var conditions = AlertConditions.newBuilder()
        .addAllCategories(c.categories().stream().sorted().map(AlertProtoMapper::toProto).toList())
        .addAllChannels(c.channels().stream().sorted().map(ProtoChannels::toProto).toList())
        .addAllKeywords(c.keywords())
        .addAllSentiments(c.sentiments().stream().sorted().map(AlertProtoMapper::toProto).toList())
        .addAllThemes(c.themes().stream().sorted().toList());
    if (c.surveyId() != null) {
      conditions.setSurveyId(c.surveyId());
    }
    if (c.questionId() != null) {
      conditions.setQuestionId(c.questionId());
    }
    if (c.minScore() != null) {
      conditions.setHasMinScore(true).setMinScore(c.minScore());
    }
    if (c.maxScore() != null) {
      conditions.setHasMaxScore(true).setMaxScore(c.maxScore());
    }
    if (c.stageId() != null) {
      conditions.setStageId(c.stageId());
    }
    if (c.touchpointId() != null) {
      conditions.setTouchpointId(c.touchpointId());
    }
    var a = r.actions();
    var actions = AlertActions.newBuilder().setOpenCase(a.openCase()).setNotifyWebhooks(a.notifyWebhooks());
    if (a.team() != null) {
      actions.setTeam(a.team());
    }
    if (a.assignee() != null) {
      actions.setAssignee(a.assignee());
    }
    var sla = CaseSla.newBuilder();
    if (a.firstContactSla() != null) {
      sla.setFirstContactMinutes((int) a.firstContactSla().toMinutes());
    }
    if (a.resolutionSla() != null) {
      sla.setResolutionMinutes((int) a.resolutionSla().toMinutes());
    }
    return io.cxhub.proto.survey.v1.AlertRule.newBuilder()
        .setRuleId(r.ruleId())
        .setName(r.name())
        .setEnabled(r.enabled())
        .setConditions(conditions)
        .setActions(actions)
        .setSla(sla)
        .setCreateTime(ProtoTimestamps.toProto(r.createdAt()))
        .build();
  }

  static Case toProto(FollowUpCase c, Instant now) {
    var b = Case.newBuilder()
        .setCaseId(c.caseId())
        .setCategory(toProto(c.category()))
        .setTitle(c.title())
        .setStatus(toProto(c.status()))
        .setCreateTime(ProtoTimestamps.toProto(c.createdAt()))
        .setFirstContactDueTime(ProtoTimestamps.toProto(c.firstContactDue()))
        .setResolutionDueTime(ProtoTimestamps.toProto(c.resolutionDue()))
        .setSlaBreached(c.breached(now));
    if (c.ruleId() != null) {
      b.setRuleId(c.ruleId());
    }
    if (c.responseId() != null) {
      b.setResponseId(c.responseId());
    }
    if (c.alertId() != null) {
      b.setAlertId(c.alertId());
    }
    if (c.surveyId() != null) {
      b.setSurveyId(c.surveyId());
    }
    if (c.assignee() != null) {
      b.setAssignee(c.assignee());
    }
    if (c.team() != null) {
      b.setTeam(c.team());
    }
    if (c.rootCause() != null) {
      b.setRootCause(c.rootCause());
    }
    if (c.firstContactAt() != null) {
      b.setFirstContactTime(ProtoTimestamps.toProto(c.firstContactAt()));
    }
    if (c.resolvedAt() != null) {
      b.setResolveTime(ProtoTimestamps.toProto(c.resolvedAt()));
    }
    c.playbook().forEach(s -> b.addPlaybook(PlaybookStep.newBuilder().setKey(s.key()).setText(s.text())));
    c.notes().forEach(n -> b.addNotes(CaseNote.newBuilder().setAuthor(n.author()).setText(n.text())
        .setCreateTime(ProtoTimestamps.toProto(n.createdAt()))));
    return b.build();
  }
}
