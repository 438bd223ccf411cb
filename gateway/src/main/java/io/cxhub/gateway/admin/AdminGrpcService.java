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
import io.cxhub.proto.admin.v1.ListTenantsRequest;
import io.cxhub.proto.admin.v1.ListTenantsResponse;
import io.cxhub.proto.admin.v1.RevokeApiKeyRequest;
import io.cxhub.proto.admin.v1.Tenant;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code cx.admin.v1.AdminService} contract over {@link TenantAdministration}. It is
 * served in-process by the gateway, behind the same transcoding and authentication as the
 * other services (the contract declares who may call each RPC).
 */
final class AdminGrpcService extends AdminServiceGrpc.AdminServiceImplBase {

  private static final Logger log = LoggerFactory.getLogger(AdminGrpcService.class);

  private final TenantAdministration admin;

  AdminGrpcService(TenantAdministration admin) {
    this.admin = admin;
  }

  @Override
  public void createTenant(CreateTenantRequest request, StreamObserver<Tenant> responses) {
    answer(responses, () -> {
      var tenant = admin.createTenant(request.getTenant().getTenantId(), request.getTenant().getDisplayName());
      log.info("tenant created tenant={}", tenant.tenantId());
      return AdminProtoMapper.toProto(tenant);
    });
  }

  @Override
  public void listTenants(ListTenantsRequest request, StreamObserver<ListTenantsResponse> responses) {
    answer(responses, () -> {
      var page = admin.listTenants(request.getPageSize(), request.getPageToken());
      var reply = ListTenantsResponse.newBuilder().setNextPageToken(page.nextPageToken());
      page.tenants().forEach(tenant -> reply.addTenants(AdminProtoMapper.toProto(tenant)));
      return reply.build();
    });
  }

  @Override
  public void createApiKey(CreateApiKeyRequest request, StreamObserver<ApiKey> responses) {
    answer(responses, () -> {
      var role = AdminProtoMapper.fromProto(request.getApiKey().getRole(), "api_key.role");
      var issued = admin.issueApiKey(request.getTenantId(), request.getApiKey().getDisplayName(), role);
      log.info("API key issued tenant={} keyId={} role={}", issued.key().tenantId(), issued.key().keyId(), role);
      return AdminProtoMapper.toProto(issued);
    });
  }

  @Override
  public void listApiKeys(ListApiKeysRequest request, StreamObserver<ListApiKeysResponse> responses) {
    answer(responses, () -> {
      var reply = ListApiKeysResponse.newBuilder();
      admin.listApiKeys(request.getTenantId()).forEach(key -> reply.addApiKeys(AdminProtoMapper.toProto(key)));
      return reply.build();
    });
  }

  @Override
  public void revokeApiKey(RevokeApiKeyRequest request, StreamObserver<Empty> responses) {
    answer(responses, () -> {
      var key = admin.revokeApiKey(request.getTenantId(), request.getKeyId());
      log.info("API key revoked tenant={} keyId={}", key.tenantId(), key.keyId());
      return Empty.getDefaultInstance();
    });
  }

  private static <T> void answer(StreamObserver<T> responses, Supplier<T> work) {
    T reply;
    try {
      reply = work.get();
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
    } else {
      log.error("admin call failed", error);
      status.setCode(Code.INTERNAL_VALUE).setMessage("internal error");
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }
}
