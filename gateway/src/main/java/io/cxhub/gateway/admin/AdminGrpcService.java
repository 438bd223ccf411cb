package io.cxhub.gateway.admin;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.cxhub.proto.admin.v1.AdminServiceGrpc;
import io.cxhub.proto.admin.v1.ApiKey;
import io.cxhub.proto.admin.v1.CreateApiKeyRequest;
import io.cxhub.proto.admin.v1.CreateTenantRequest;
import io.cxhub.proto.admin.v1.ListApiKeysRequest;
import io.cxhub.proto.admin.v1.ListApiKeysResponse;
import io.cxhub.proto.admin.v1.ListAuditEventsRequest;
import io.cxhub.proto.admin.v1.ListAuditEventsResponse;
import io.cxhub.proto.admin.v1.ListTenantsRequest;
import io.cxhub.proto.admin.v1.ListTenantsResponse;
import io.cxhub.proto.admin.v1.RevokeApiKeyRequest;
import io.cxhub.proto.admin.v1.Tenant;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code cx.admin.v1.AdminService} contract over {@link TenantAdministration}. It is
 * served in-process by the gateway, behind the same transcoding, authentication and
 * authorization as the other services (the contract declares who may call each RPC); the
 * actor of each call is the caller's key, named by the metadata ({@link CallerInterceptor}).
 */
final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(AdminGrpcService.class);

  private final TenantAdministration admin;

  AdminGrpcService(TenantAdministration admin) {
    this.admin = admin;
  }

  @Override
  public void createTenant(CreateTenantRequest request, StreamObserver<Tenant> responses) {
    answer(responses, actor -> {
      var tenant = admin.createTenant(actor, request.getTenant().getTenantId(), request.getTenant().getDisplayName());
      log.info("tenant created tenant={} by={}:{}", tenant.tenantId(), actor.key().tenantId(), actor.key().keyId());
      return AdminProtoMapper.toProto(tenant);
    });
  }

  @Override
  public void listTenants(ListTenantsRequest request, StreamObserver<ListTenantsResponse> responses) {
    answer(responses, actor -> {
      var page = admin.listTenants(actor, request.getPageSize(), request.getPageToken());
      var reply = ListTenantsResponse.newBuilder().setNextPageToken(page.nextPageToken());
      page.tenants().forEach(tenant -> reply.addTenants(AdminProtoMapper.toProto(tenant)));
      return reply.build();
    });
  }

  @Override
  public void createApiKey(CreateApiKeyRequest request, StreamObserver<ApiKey> responses) {
    answer(responses, actor -> {
      var issued = admin.issueApiKey(actor, request.getTenantId(), AdminProtoMapper.fromProto(request.getApiKey()));
      log.info("API key issued tenant={} keyId={} role={} scopes={} platformOperator={} by={}:{}",
          issued.key().tenantId(), issued.key().keyId(), issued.key().role(), issued.key().scopes(),
          issued.key().platformOperator(), actor.key().tenantId(), actor.key().keyId());
      return AdminProtoMapper.toProto(issued);
    });
  }

  @Override
  public void listApiKeys(ListApiKeysRequest request, StreamObserver<ListApiKeysResponse> responses) {
    answer(responses, actor -> {
      var reply = ListApiKeysResponse.newBuilder();
      admin.listApiKeys(actor, request.getTenantId()).forEach(key -> reply.addApiKeys(AdminProtoMapper.toProto(key)));
      return reply.build();
    });
  }

  @Override
  public void revokeApiKey(RevokeApiKeyRequest request, StreamObserver<Empty> responses) {
    answer(responses, actor -> {
      var key = admin.revokeApiKey(actor, request.getTenantId(), request.getKeyId());
      log.info("API key revoked tenant={} keyId={} by={}:{}", key.tenantId(), key.keyId(),
          actor.key().tenantId(), actor.key().keyId());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void listAuditEvents(ListAuditEventsRequest request, StreamObserver<ListAuditEventsResponse> responses) {
    answer(responses, actor -> {
      var page = admin.listAuditEvents(actor, request.getTenantId(),
          AdminProtoMapper.fromProto(request.getType(), "type"), request.getPageSize(), request.getPageToken());
      var reply = ListAuditEventsResponse.newBuilder().setNextPageToken(page.nextPageToken());
      page.events().forEach(event -> reply.addAuditEvents(AdminProtoMapper.toProto(event)));
      return reply.build();
    });
  }

  private <T> void answer(StreamObserver<T> responses, Function<Actor, T> work) {
    T reply;
    try {
      var caller = CallerInterceptor.CALLER.get();
      Actor actor = caller == null ? admin.actor(null, null, null)
          : admin.actor(caller.tenantId(), caller.keyId(), caller.origin());
      reply = work.apply(actor);
    } catch (RuntimeException e) {
      responses.onError(toStatus(e));
      return;
    }
    responses.onNext(reply);
    responses.onCompleted();
  }

  static StatusRuntimeException toStatus(RuntimeException error) {
    var status = com.google.rpc.Status.newBuilder();
    if (error instanceof AdminException.InvalidInput invalid) {
      var badRequest = BadRequest.newBuilder();
      invalid.violations().forEach(v -> badRequest.addFieldViolations(
          BadRequest.FieldViolation.newBuilder().setField(v.field()).setDescription(v.description())));
      status.setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(invalid.getMessage()).addDetails(Any.pack(badRequest.build()));
    } else if (error instanceof AdminException.NotFound) {
      status.setCode(Code.NOT_FOUND_VALUE).setMessage(error.getMessage());
    } else if (error instanceof AdminException.AlreadyExists) {
      status.setCode(Code.ALREADY_EXISTS_VALUE).setMessage(error.getMessage());
    } else if (error instanceof AdminException.PermissionDenied) {
      status.setCode(Code.PERMISSION_DENIED_VALUE).setMessage(error.getMessage());
    } else if (error instanceof AdminException.Unauthenticated) {
      status.setCode(Code.UNAUTHENTICATED_VALUE).setMessage(error.getMessage());
    } else {
      log.error("admin call failed", error);
      status.setCode(Code.INTERNAL_VALUE).setMessage("internal error");
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }
}
