package io.cxhub.journey.action.grpc;

import com.google.protobuf.Empty;
import io.cxhub.journey.action.ImprovementActions;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.journey.v1.CreateActionRequest;
import io.cxhub.proto.journey.v1.DeleteActionRequest;
import io.cxhub.proto.journey.v1.GetActionRequest;
import io.cxhub.proto.journey.v1.ImprovementAction;
import io.cxhub.proto.journey.v1.ImprovementActionServiceGrpc;
import io.cxhub.proto.journey.v1.ListActionsRequest;
import io.cxhub.proto.journey.v1.ListActionsResponse;
import io.cxhub.proto.journey.v1.MeasureActionRequest;
import io.cxhub.proto.journey.v1.TransitionActionRequest;
import io.cxhub.proto.journey.v1.UpdateActionRequest;
import io.grpc.stub.StreamObserver;
import java.util.LinkedHashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The {@code cx.journey.v1.ImprovementActionService} endpoint. */
@Service
class ActionGrpcService extends ImprovementActionServiceGrpc.ImprovementActionServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(ActionGrpcService.class);

  private final ImprovementActions actions;

  ActionGrpcService(ImprovementActions actions) {
    this.actions = actions;
  }

  @Override
  public void createAction(CreateActionRequest request, StreamObserver<ImprovementAction> response) {
    String tenant = TenantContext.require();
    if (!request.hasAction()) {
      throw InvalidInputException.of("action", "is required");
    }
    var created = actions.create(tenant, request.getJourneyId(), ActionProtoMapper.toPlan(request.getAction()),
        ActionProtoMapper.toStatus(request.getAction().getStatus()));
    log.info("action created tenant={} journeyId={} actionId={}", tenant, created.journeyId(), created.id());
    reply(response, ActionProtoMapper.toProto(created));
  }

  @Override
  public void getAction(GetActionRequest request, StreamObserver<ImprovementAction> response) {
    reply(response, ActionProtoMapper.toProto(actions.get(TenantContext.require(), request.getActionId())));
  }

  @Override
  public void listActions(ListActionsRequest request, StreamObserver<ListActionsResponse> response) {
    var page = actions.list(TenantContext.require(), request.getJourneyId(), ActionProtoMapper.toStatus(request.getStatus()),
        request.getPageSize(), request.getPageToken());
    reply(response, ListActionsResponse.newBuilder()
        .addAllActions(page.actions().stream().map(ActionProtoMapper::toProto).toList())
        .setNextPageToken(page.nextPageToken()).build());
  }

  @Override
  public void updateAction(UpdateActionRequest request, StreamObserver<ImprovementAction> response) {
    if (!request.hasAction()) {
      throw InvalidInputException.of("action", "is required");
    }
    var a = request.getAction();
    reply(response, ActionProtoMapper.toProto(actions.update(TenantContext.require(), a.getActionId(),
        ActionProtoMapper.toPlan(a), new LinkedHashSet<>(request.getUpdateMask().getPathsList()), a.getEtag())));
  }

  @Override
  public void transitionAction(TransitionActionRequest request, StreamObserver<ImprovementAction> response) {
    var status = ActionProtoMapper.toStatus(request.getStatus());
    if (status == null) {
      throw InvalidInputException.of("status", "is required: the status to move to");
    }
    reply(response, ActionProtoMapper.toProto(actions.transition(TenantContext.require(), request.getActionId(), status,
        request.getEtag())));
  }

  @Override
  public void measureAction(MeasureActionRequest request, StreamObserver<ImprovementAction> response) {
    String tenant = TenantContext.require();
    var measured = actions.measure(tenant, request.getActionId());
    log.info("action measured tenant={} actionId={} verdict={}", tenant, measured.id(), measured.impact().verdict());
    reply(response, ActionProtoMapper.toProto(measured));
  }

  @Override
  public void deleteAction(DeleteActionRequest request, StreamObserver<Empty> response) {
    actions.delete(TenantContext.require(), request.getActionId());
    reply(response, Empty.getDefaultInstance());
  }

  private static <T> void reply(StreamObserver<T> response, T message) {
    response.onNext(message);
    response.onCompleted();
  }
}
