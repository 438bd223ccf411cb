package io.cxhub.metrics.alert.grpc;

import com.google.protobuf.Empty;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.metrics.alert.EvaluateMetricAlerts;
import io.cxhub.metrics.alert.ManageMetricAlertRules;
import io.cxhub.proto.metrics.v1.CreateMetricAlertRuleRequest;
import io.cxhub.proto.metrics.v1.DeleteMetricAlertRuleRequest;
import io.cxhub.proto.metrics.v1.EvaluateMetricAlertRulesRequest;
import io.cxhub.proto.metrics.v1.EvaluateMetricAlertRulesResponse;
import io.cxhub.proto.metrics.v1.GetMetricAlertRuleRequest;
import io.cxhub.proto.metrics.v1.ListMetricAlertRulesRequest;
import io.cxhub.proto.metrics.v1.ListMetricAlertRulesResponse;
import io.cxhub.proto.metrics.v1.MetricAlertRule;
import io.cxhub.proto.metrics.v1.MetricAlertServiceGrpc;
import io.cxhub.proto.metrics.v1.UpdateMetricAlertRuleRequest;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.metrics.v1.MetricAlertService endpoint (tenant-scoped): maps messages, calls the use cases. */
@Service
class MetricAlertGrpcService extends MetricAlertServiceGrpc.MetricAlertServiceImplBase {

  private final ManageMetricAlertRules rules;
  private final EvaluateMetricAlerts evaluate;

  MetricAlertGrpcService(ManageMetricAlertRules rules, EvaluateMetricAlerts evaluate) {
    this.rules = rules;
    this.evaluate = evaluate;
  }

  @Override
  public void createMetricAlertRule(CreateMetricAlertRuleRequest request, StreamObserver<MetricAlertRule> response) {
    var rule = rules.create(TenantContext.require(), MetricAlertProtoMapper.toDraft(request.getRule()));
    reply(response, MetricAlertProtoMapper.toProto(rule));
  }

  @Override
  public void getMetricAlertRule(GetMetricAlertRuleRequest request, StreamObserver<MetricAlertRule> response) {
    reply(response, MetricAlertProtoMapper.toProto(rules.get(TenantContext.require(), request.getRuleId())));
  }

  @Override
  public void listMetricAlertRules(
      ListMetricAlertRulesRequest request, StreamObserver<ListMetricAlertRulesResponse> response) {
    var page = rules.list(TenantContext.require(), request.getPageSize(), request.getPageToken());
    var builder = ListMetricAlertRulesResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.rules().forEach(r -> builder.addRules(MetricAlertProtoMapper.toProto(r)));
    reply(response, builder.build());
  }

  @Override
  public void updateMetricAlertRule(UpdateMetricAlertRuleRequest request, StreamObserver<MetricAlertRule> response) {
    var rule = rules.update(TenantContext.require(), request.getRule().getRuleId(),
        MetricAlertProtoMapper.toDraft(request.getRule()), MetricAlertProtoMapper.paths(request.getUpdateMask()));
    reply(response, MetricAlertProtoMapper.toProto(rule));
  }

  @Override
  public void deleteMetricAlertRule(DeleteMetricAlertRuleRequest request, StreamObserver<Empty> response) {
    rules.delete(TenantContext.require(), request.getRuleId());
    reply(response, Empty.getDefaultInstance());
  }

  @Override
  public void evaluateMetricAlertRules(
      EvaluateMetricAlertRulesRequest request, StreamObserver<EvaluateMetricAlertRulesResponse> response) {
    var builder = EvaluateMetricAlertRulesResponse.newBuilder();
    evaluate.evaluateNow(TenantContext.require(), request.getRuleIdsList())
        .forEach(e -> builder.addEvaluations(MetricAlertProtoMapper.toProto(e)));
    reply(response, builder.build());
  }

  private static <T> void reply(StreamObserver<T> response, T value) {
    response.onNext(value);
    response.onCompleted();
  }
}
