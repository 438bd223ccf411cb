package io.cxhub.survey.alert.grpc;

import com.google.protobuf.Empty;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.survey.v1.AddCaseNoteRequest;
import io.cxhub.proto.survey.v1.AlertRule;
import io.cxhub.proto.survey.v1.AlertServiceGrpc;
import io.cxhub.proto.survey.v1.Case;
import io.cxhub.proto.survey.v1.CreateAlertRuleRequest;
import io.cxhub.proto.survey.v1.DeleteAlertRuleRequest;
import io.cxhub.proto.survey.v1.FireAlertRequest;
import io.cxhub.proto.survey.v1.FireAlertResponse;
import io.cxhub.proto.survey.v1.GetAlertRuleRequest;
import io.cxhub.proto.survey.v1.GetCaseRequest;
import io.cxhub.proto.survey.v1.ListAlertRulesRequest;
import io.cxhub.proto.survey.v1.ListAlertRulesResponse;
import io.cxhub.proto.survey.v1.ListCasesRequest;
import io.cxhub.proto.survey.v1.ListCasesResponse;
import io.cxhub.proto.survey.v1.NpsCategory;
import io.cxhub.proto.survey.v1.TransitionCaseRequest;
import io.cxhub.proto.survey.v1.UpdateAlertRuleRequest;
import io.cxhub.proto.survey.v1.UpdateCaseRequest;
import io.cxhub.survey.alert.FireAlert;
import io.cxhub.survey.alert.ManageAlertRules;
import io.cxhub.survey.followup.CaseFilter;
import io.cxhub.survey.followup.ManageCases;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** The cx.survey.v1.AlertService endpoint: alert rules, follow-up cases and FireAlert. */
@Service
class AlertGrpcService extends AlertServiceGrpc.AlertServiceImplBase {

  private final ManageAlertRules rules;
  private final ManageCases cases;
  private final FireAlert fireAlert;
  private final Clock clock;
  private final TextAnalyticsClient analyses;

  AlertGrpcService(ManageAlertRules rules, ManageCases cases, FireAlert fireAlert, Clock clock,
      TextAnalyticsClient analyses) {
    this.rules = rules;
    this.cases = cases;
    this.fireAlert = fireAlert;
    this.clock = clock;
    this.analyses = analyses;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private <T> void reply(StreamObserver<T> response, T value) {
    response.onNext(value);
    response.onCompleted();
  }

  @Override
  public void createAlertRule(CreateAlertRuleRequest request, StreamObserver<AlertRule> response) {
    reply(response, AlertProtoMapper.toProto(rules.create(TenantContext.require(), AlertProtoMapper.toDomain(request.getRule()))));
  }

  @Override
  public void getAlertRule(GetAlertRuleRequest request, StreamObserver<AlertRule> response) {
    reply(response, AlertProtoMapper.toProto(rules.get(TenantContext.require(), request.getRuleId())));
  }

  @Override
  public void listAlertRules(ListAlertRulesRequest request, StreamObserver<ListAlertRulesResponse> response) {
    var builder = ListAlertRulesResponse.newBuilder();
    rules.list(TenantContext.require()).forEach(r -> builder.addRules(AlertProtoMapper.toProto(r)));
    reply(response, builder.build());
  }

  @Override
  public void updateAlertRule(UpdateAlertRuleRequest request, StreamObserver<AlertRule> response) {
    reply(response, AlertProtoMapper.toProto(rules.replace(TenantContext.require(), AlertProtoMapper.toDomain(request.getRule()))));
  }

  @Override
  public void deleteAlertRule(DeleteAlertRuleRequest request, StreamObserver<Empty> response) {
    rules.delete(TenantContext.require(), request.getRuleId());
    reply(response, Empty.getDefaultInstance());
  }

  @Override
  public void listCases(ListCasesRequest request, StreamObserver<ListCasesResponse> response) {
    var filter = new CaseFilter(
        AlertProtoMapper.status(request.getStatus()),
        request.getCategory() == NpsCategory.NPS_CATEGORY_UNSPECIFIED ? null
            : AlertProtoMapper.category(request.getCategory(), "category"),
        emptyToNull(request.getAssignee()),
        emptyToNull(request.getTeam()),
        request.getBreachedOnly(),
        emptyToNull(request.getSurveyId()));
    var page = cases.list(TenantContext.require(), filter, request.getPageSize(), request.getPageToken());
    var builder = ListCasesResponse.newBuilder();
    var now = clock.instant();
    page.cases().forEach(c -> builder.addCases(AlertProtoMapper.toProto(c, now)));
    if (page.nextPageToken() != null) {
      builder.setNextPageToken(page.nextPageToken());
    }
    reply(response, builder.build());
  }

  @Override
  public void getCase(GetCaseRequest request, StreamObserver<Case> response) {
    String tenant = TenantContext.require();
    var found = AlertProtoMapper.toProto(cases.get(tenant, request.getCaseId()), clock.instant()).toBuilder();
    if (!found.getResponseId().isEmpty()) {
      // the analysis of the comments of the response that opened the case (best effort)
      analyses.analysis(tenant, found.getResponseId()).ifPresentOrElse(
          a -> found.addAllCommentAnalyses(a.getCommentsList()), () -> found.setTextAnalysisUnavailable(true));
    }
    reply(response, found.build());
  }

  @Override
  public void updateCase(UpdateCaseRequest request, StreamObserver<Case> response) {
    var c = cases.update(TenantContext.require(), request.getCaseId(), emptyToNull(request.getAssignee()),
        emptyToNull(request.getTeam()), emptyToNull(request.getRootCause()));
    reply(response, AlertProtoMapper.toProto(c, clock.instant()));
  }

  @Override
  public void transitionCase(TransitionCaseRequest request, StreamObserver<Case> response) {
    var c = cases.transition(TenantContext.require(), request.getCaseId(), AlertProtoMapper.status(request.getStatus()));
    reply(response, AlertProtoMapper.toProto(c, clock.instant()));
  }

  @Override
  public void addCaseNote(AddCaseNoteRequest request, StreamObserver<Case> response) {
    var c = cases.addNote(TenantContext.require(), request.getCaseId(), emptyToNull(request.getAuthor()), request.getText());
    reply(response, AlertProtoMapper.toProto(c, clock.instant()));
  }

  @Override
  public void fireAlert(FireAlertRequest request, StreamObserver<FireAlertResponse> response) {
    var fired = fireAlert.fire(TenantContext.require(), new FireAlert.Alert(
        request.getAlertId(), request.getTitle(), emptyToNull(request.getSeverity()), emptyToNull(request.getSource()),
        emptyToNull(request.getSurveyId()), emptyToNull(request.getStageId()), emptyToNull(request.getTouchpointId()),
        emptyToNull(request.getRuleId()), request.getOpenCase()));
    var builder = FireAlertResponse.newBuilder().setEventId(fired.eventId());
    if (fired.caseId() != null) {
      builder.setCaseId(fired.caseId());
    }
    reply(response, builder.build());
  }
}
